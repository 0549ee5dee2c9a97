"""Password hashing with argon2id at argon2-cffi's default cost (m=65536, t=3, p=4)."""

from __future__ import annotations

import asyncio

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

_hasher = PasswordHasher()
# Verifying against this keeps a wrong login as slow as a wrong password, so timing does
# not tell anyone which logins exist.
_DUMMY = _hasher.hash("diarycard-timing-equaliser")


async def hash_password(password: str) -> str:
    # Hashing takes ~100 ms of CPU: off the event loop, so other requests keep flowing.
    return await asyncio.to_thread(_hasher.hash, password)


async def verify_password(stored: str | None, password: str) -> bool:
    def check() -> bool:
        try:
            return _hasher.verify(stored or _DUMMY, password) and stored is not None
        except (VerificationError, InvalidHashError):
            return False

    return await asyncio.to_thread(check)


def needs_rehash(stored: str) -> bool:
    return _hasher.check_needs_rehash(stored)
