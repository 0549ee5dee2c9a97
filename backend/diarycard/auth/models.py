"""The wire shapes of a person's own account: sessions, password change, TOTP set-up."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

Code = Annotated[str, Meta(min_length=6, max_length=10)]


class Session(msgspec.Struct):
    id: UUID
    created_at: datetime
    last_seen_at: datetime
    user_agent: str
    current: bool


class PasswordChange(msgspec.Struct, forbid_unknown_fields=True):
    current_password: Annotated[str, Meta(min_length=1, max_length=1024)]
    new_password: Annotated[str, Meta(min_length=1, max_length=1024)]


class TotpSetup(msgspec.Struct):
    secret: str
    otpauth_uri: str
    qr_svg: str


class TotpCode(msgspec.Struct, forbid_unknown_fields=True):
    code: Code


class Reauth(msgspec.Struct, forbid_unknown_fields=True):
    password: Annotated[str, Meta(min_length=1, max_length=1024)]
    totp: Annotated[str, Meta(max_length=10)] | None = None
