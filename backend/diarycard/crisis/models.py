"""Wire shapes of the crisis plan.

The sections follow the SCM slides (built from three previous crises, looking for early
warning signs) and the Stanley-Brown safety plan. Every field has a default, so a draft
can be saved half-written and an older phone's payload keeps decoding.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

from diarycard.tools.text import Line, Phone, Short, Text, Version

Urge = Annotated[int, Meta(ge=1, le=10, description="offer the plan at this strength or more")]


class PreviousCrisis(msgspec.Struct, forbid_unknown_fields=True):
    """One of the (up to three) earlier crises the plan was built from."""

    when: Short = ""
    what_led_up: Text = ""


class Contact(msgspec.Struct, forbid_unknown_fields=True):
    """A person, service or line to call; `phone` becomes a tap-to-call link."""

    name: Line
    phone: Phone | None = None
    note: Short = ""


class WarningRow(msgspec.Struct, forbid_unknown_fields=True):
    """A row of the personal table agreed as an early warning sign: an entry with the same
    emotion and urge offers the plan (matched exactly, ignoring case)."""

    emotion: Line
    urge: Line


class Declined(msgspec.Struct, forbid_unknown_fields=True):
    """Why no prompt was agreed for a risk item ("no prompt for this, because...")."""

    self_harm: Short = ""
    aggression: Short = ""
    substance_use: Short = ""


class Thresholds(msgspec.Struct, forbid_unknown_fields=True):
    """Risk items on a diary entry at or above which the app offers the plan. A plan is
    agreed only with a decision for each: a threshold, or a reason in `declined` (a
    threshold is never silently off; hazard H-009). `substance_use` true offers the plan
    whenever alcohol or drugs were used."""

    self_harm: Urge | None = None
    aggression: Urge | None = None
    substance_use: bool | None = None
    declined: Declined = msgspec.field(default_factory=Declined)


class Plan(msgspec.Struct, forbid_unknown_fields=True):
    previous_crises: Annotated[list[PreviousCrisis], Meta(max_length=3)] = []
    warning_signs: Annotated[list[Line], Meta(max_length=30)] = []
    warning_rows: Annotated[list[WarningRow], Meta(max_length=30)] = []
    self_help: Annotated[list[Line], Meta(max_length=30)] = []
    people_places: Annotated[list[Line], Meta(max_length=30)] = []
    contacts: Annotated[list[Contact], Meta(max_length=20)] = []
    professionals: Annotated[list[Contact], Meta(max_length=20)] = []
    safer: Annotated[list[Line], Meta(max_length=30)] = []
    reasons: Annotated[list[Line], Meta(max_length=30)] = []
    thresholds: Thresholds = msgspec.field(default_factory=Thresholds)
    review_date: date | None = None


class DraftIn(msgspec.Struct, forbid_unknown_fields=True):
    """A change to the draft, based on the draft version the writer last saw (0 = none)."""

    base_version: Version
    plan: Plan


class Agreed(msgspec.Struct):
    """An agreed version: fixed, dated, with who agreed it."""

    version: int
    plan: Plan
    review_date: date
    agreed_at: datetime
    patient_agreed_at: datetime
    clinician_name: str
    clinician_agreed_at: datetime


class SiteNumber(msgspec.Struct):
    """One of the site's crisis lines, exactly as the site stores it."""

    label: str
    number: str


class CrisisPlan(Agreed):
    """What the patient carries: the current agreed plan and the site's crisis lines."""

    site_numbers: list[SiteNumber]


class Draft(msgspec.Struct):
    """The working draft. `version` 0 means nothing is saved yet; the professionals section
    then starts with the site's crisis lines. `patient_agreed` / `clinician_agreed` are true
    when that side has agreed this very version."""

    version: int
    plan: Plan
    updated_at: datetime | None
    patient_agreed: bool
    clinician_agreed: bool
    agreed_version: int | None


class Agreement(msgspec.Struct):
    """The state after one side agreed: `agreed` is the new version once both have."""

    draft: Draft
    agreed: Agreed | None


class OfferIn(msgspec.Struct, forbid_unknown_fields=True):
    """The app offered a step of the plan after the diary entry `entry_id`."""

    entry_id: UUID
    offered_at: Annotated[datetime, Meta(tz=True)]
    reason: Annotated[str, Meta(min_length=1, max_length=300)]


class Offer(msgspec.Struct):
    id: UUID
    entry_id: UUID
    offered_at: datetime
    reason: str
