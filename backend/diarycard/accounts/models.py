"""The wire shapes of accounts, invitations, care teams and site settings."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

from diarycard.auth.principal import Role

# Letters, digits, dot, dash and underscore: easy to type on a phone, safe in a QR code.
Login = Annotated[str, Meta(min_length=3, max_length=64, pattern=r"^[A-Za-z0-9._-]+$")]
# No control characters (and so no NUL, which PostgreSQL cannot store).
DisplayName = Annotated[str, Meta(min_length=1, max_length=100, pattern=r"^[^\x00-\x1f\x7f]+$")]
Label = Annotated[str, Meta(min_length=1, max_length=80, pattern=r"^[^\x00-\x1f\x7f]+$")]
PhoneNumber = Annotated[str, Meta(min_length=2, max_length=30, pattern=r"^[0-9+ ()-]+$")]


class InvitationIn(msgspec.Struct, forbid_unknown_fields=True):
    # Researchers (admins invite them) see study participants by pseudonym only.
    role: Literal["patient", "clinician", "researcher"]
    login: Login
    display_name: DisplayName


class Invitation(msgspec.Struct):
    user_id: UUID
    login: str
    code: str  # shown once; only its hash is stored
    expires_at: datetime
    qr_svg: str


class Redeem(msgspec.Struct, forbid_unknown_fields=True):
    code: Annotated[str, Meta(min_length=1, max_length=40)]
    password: Annotated[str, Meta(min_length=1, max_length=1024)]
    # The authenticator code, for someone whose app is on (401 totp/required asks for it).
    totp: Annotated[str, Meta(max_length=10)] | None = None


class User(msgspec.Struct):
    user_id: UUID
    role: Role
    login: str
    display_name: str
    disabled: bool
    totp_enabled: bool
    # Waiting for the person to redeem their invitation code.
    invited: bool
    created_at: datetime
    # For a patient: their clinicians. For a clinician: their patients.
    care_team: list[UUID]


class EmergencyNumber(msgspec.Struct, forbid_unknown_fields=True):
    label: Label
    number: PhoneNumber


class Site(msgspec.Struct):
    name: str
    emergency_numbers: list[EmergencyNumber]
    # A self-harm or aggression urge at or over this puts a patient in the caseload's first
    # tier, whatever their plan says (caseload/tiers.py).
    risk_floor: int = 7
    # PHQ-9 and GAD-7 are due every this many months from the start (outcomes/schedule.py).
    measure_interval_months: int = 3
    # May patients turn the phone's app lock off (after a clear warning)? Off by default.
    app_lock_optional: bool = False


class MeasureIntervalIn(msgspec.Struct, forbid_unknown_fields=True):
    measure_interval_months: Annotated[int, Meta(ge=1, le=12)]


class RiskFloorIn(msgspec.Struct, forbid_unknown_fields=True):
    risk_floor: Annotated[int, Meta(ge=1, le=10)]


class EmergencyNumbersIn(msgspec.Struct, forbid_unknown_fields=True):
    emergency_numbers: Annotated[list[EmergencyNumber], Meta(min_length=1, max_length=10)]
