"""Wire shapes of the discharge plan: what continues, who to contact, what to do if things
get worse, and when support steps down. Agreed by patient and clinician (NICE QS88
statement 5: a structured, phased plan agreed before services change or end). Every field
has a default, so a half-written draft saves and older payloads keep decoding."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated

import msgspec
from msgspec import Meta

from diarycard.crisis.models import Contact
from diarycard.tools.text import Line, Text, Version


class Step(msgspec.Struct, forbid_unknown_fields=True):
    """One step down in support, e.g. "monthly sessions" from a date."""

    when: date | None = None
    what: Line = "Support steps down"


class DischargePlan(msgspec.Struct, forbid_unknown_fields=True):
    what_continues: Annotated[list[Line], Meta(max_length=30)] = []
    contacts: Annotated[list[Contact], Meta(max_length=20)] = []
    if_worse: Annotated[list[Line], Meta(max_length=30)] = []
    steps_down: Annotated[list[Step], Meta(max_length=12)] = []
    notes: Text = ""


class DischargeDraftIn(msgspec.Struct, forbid_unknown_fields=True):
    base_version: Version
    plan: DischargePlan


class DischargeDraft(msgspec.Struct):
    """The shared draft (version 0: nothing saved yet); the flags say whether each side
    has agreed this very version."""

    version: int
    plan: DischargePlan
    updated_at: datetime | None
    updated_by_name: str | None
    patient_agreed: bool
    clinician_agreed: bool
    agreed_version: int | None


class AgreedDischargePlan(msgspec.Struct):
    version: int
    plan: DischargePlan
    agreed_at: datetime
    patient_agreed_at: datetime
    clinician_name: str
    clinician_agreed_at: datetime
    proposed_by_name: str


class DischargeAgreement(msgspec.Struct):
    draft: DischargeDraft
    agreed: AgreedDischargePlan | None
