"""The rule every offline-first write follows.

The PWA's outbox sends each change once, but "once" may mean twice when a response is lost
on a bad connection. A write carries the version it was based on (`base_version`, 0 for a
new record); we keep a hash of the last request we accepted. So:

- based on the current version: apply it (the version goes up by one);
- the very request we accepted last, sent again: answer what is stored, change nothing;
- anything else was based on a version someone else has since changed: refuse (412).
"""

from __future__ import annotations

import hashlib
from enum import Enum

import msgspec

from diarycard.errors import NotFound, PreconditionFailed


class Step(Enum):
    CREATE = "create"
    UPDATE = "update"
    REPLAY = "replay"


def request_hash(data: msgspec.Struct) -> bytes:
    # Struct encoding is deterministic (field order), so equal requests hash equal.
    return hashlib.sha256(msgspec.json.encode(data)).digest()


def decide(stored_version: int | None, stored_hash: bytes | None, base_version: int,
           new_hash: bytes) -> Step:
    """What to do with a write based on `base_version`, given what is stored (or None)."""
    if stored_version is None:
        if base_version != 0:
            # Based on a version of something that is not there (or is not yours).
            raise NotFound()
        return Step.CREATE
    if base_version == stored_version - 1 and stored_hash == new_hash:
        return Step.REPLAY
    if base_version != stored_version:
        raise PreconditionFailed(
            "This was changed somewhere else since you opened it. "
            "Please look at the latest version and make your change again."
        )
    return Step.UPDATE
