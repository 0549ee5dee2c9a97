"""Wire shapes of appointments."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import UNSET, Meta, UnsetType

Status = Literal["scheduled", "attended", "not_attended", "cancelled"]
# An aware time: "10:00" without an offset is a different moment in BST and GMT.
When = Annotated[datetime, Meta(tz=True)]
Minutes = Annotated[int, Meta(ge=5, le=480)]


class AppointmentIn(msgspec.Struct, forbid_unknown_fields=True):
    starts_at: When
    duration_minutes: Minutes = 50


class AppointmentPatch(msgspec.Struct, forbid_unknown_fields=True):
    status: Status | UnsetType = UNSET
    starts_at: When | UnsetType = UNSET
    duration_minutes: Minutes | UnsetType = UNSET


class Appointment(msgspec.Struct):
    id: UUID
    patient_id: UUID
    clinician_id: UUID
    clinician_name: str
    starts_at: datetime
    duration_minutes: int
    status: Status
    created_at: datetime
    updated_at: datetime
