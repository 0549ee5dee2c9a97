"""What the phone sends and gets for its app lock."""

from __future__ import annotations

from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

# 32 bytes in unpadded base64url: the phone's PBKDF2 check value, never the PIN itself.
PinCheck = Annotated[str, Meta(min_length=43, max_length=43, pattern="^[A-Za-z0-9_-]{43}$")]


class PinIn(msgspec.Struct, forbid_unknown_fields=True):
    """This phone and the check value of the PIN typed on it."""

    device_id: UUID
    pin_check: PinCheck


class DeviceKey(msgspec.Struct):
    """The server half of this phone's lock key (32 random bytes, base64url)."""

    key: str


class AppLockSetting(msgspec.Struct, forbid_unknown_fields=True):
    """May patients at this site turn the app lock off (after a clear warning)?"""

    app_lock_optional: bool
