"""The server half of the app lock (see schemas/sql/0021_app_lock.sql for the design).

The server key is handed out only to the patient's own session, and only
- to set a PIN: on a phone that has none yet, or right after a password sign-in (a
  forgotten PIN, or five wrong ones); or
- for the right PIN: the phone sends a check value derived from the PIN, never the PIN.
  Wrong ones are counted here, not on the phone, so a copy of the phone's storage cannot
  be tried against every PIN; the fifth ends the session and forgets the check value.
Every PIN set, wrong PIN and lock-out is in the site's security log.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from datetime import timedelta
from pathlib import Path
from uuid import UUID

import asyncpg

from diarycard.audit.security import event
from diarycard.auth.principal import Principal
from diarycard.auth.sessions import revoke_session
from diarycard.db.queries import load_queries
from diarycard.errors import FieldError, Forbidden, Invalid, NotFound, Unauthenticated

SQL = load_queries(Path(__file__).with_name("queries.sql"))
FRESH = timedelta(minutes=15)  # a "full sign-in": the password given this long ago at most
TRIES = 5


class SignInAgain(Forbidden):
    """Please sign in with your password to choose a new PIN."""

    errors = (FieldError("password", "reauthenticate"),)


def _bytes(check: str) -> bytes:
    return base64.urlsafe_b64decode(check + "=")


def _text(key: bytes) -> str:
    return base64.urlsafe_b64encode(key).rstrip(b"=").decode()


async def set_pin(conn: asyncpg.Connection, who: Principal, device: UUID, check: str) -> str:
    """Set this phone's PIN; answers the server key (the same one as before, if any)."""
    who.require("patient")
    has_pin = await conn.fetchval(SQL["has_pin"], who.user_id, device)
    fresh = await conn.fetchval(SQL["fresh_sign_in"], who.session_id, FRESH)
    if has_pin is not None and not fresh:
        # A phone that had a PIN: whoever holds it now must prove they are the patient.
        raise SignInAgain()
    digest = hashlib.sha256(_bytes(check)).digest()
    async with conn.transaction():
        await event(conn, "app_lock.pin_set", site_id=who.site_id, subject_id=who.user_id,
                    actor=who)
        key: bytes = await conn.fetchval(
            SQL["set_pin"], who.user_id, device, secrets.token_bytes(32), digest)
    return _text(key)


async def unlock(conn: asyncpg.Connection, who: Principal, device: UUID, check: str) -> str:
    """The server key for the right PIN. A wrong one is 422 (`pin`/`wrong`) with the
    tries left in the message; the fifth, or a phone whose PIN was forgotten, ends this
    session (401): the patient signs in with their password, and nothing on the phone
    is lost."""
    who.require("patient")
    digest = hashlib.sha256(_bytes(check)).digest()
    left = 0
    async with conn.transaction():
        row = await conn.fetchrow(SQL["check_pin"], who.user_id, device)
        if row is None:
            raise NotFound()
        if row["pin_check"] is not None and hmac.compare_digest(row["pin_check"], digest):
            await conn.execute(SQL["right_pin"], who.user_id, device)
            return _text(row["server_key"])
        if row["pin_check"] is not None:
            failures = await conn.fetchval(SQL["wrong_pin"], who.user_id, device)
            left = TRIES - failures
            await event(conn, "app_lock.wrong_pin", site_id=who.site_id,
                        subject_id=who.user_id, actor=who, outcome="refused")
        if left <= 0:
            await event(conn, "app_lock.locked_out", site_id=who.site_id,
                        subject_id=who.user_id, actor=who, outcome="refused")
            await revoke_session(conn, who)
    if left <= 0:
        raise Unauthenticated("Please sign in with your password. Nothing on your phone is lost.")
    tries = "1 more try" if left == 1 else f"{left} more tries"
    raise Invalid(f"That PIN is not right. You have {tries}.", [FieldError("pin", "wrong")])


async def set_lock_optional(conn: asyncpg.Connection, who: Principal, optional: bool) -> bool:
    """Admins: may this site's patients turn the app lock off? In the security log."""
    who.require("admin")
    async with conn.transaction():
        await event(conn, "site.app_lock_optional", site_id=who.site_id, actor=who,
                    outcome="on" if optional else "off")
        value: bool = await conn.fetchval(SQL["set_lock_optional"], who.site_id, optional)
    return value
