"""Wire shapes of studies. Nothing here carries a name, a login, free text or a date of
birth: participants are pseudonyms, dates are days since enrolment."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

Factor = Literal["age_band", "sentence", "length"]
AgeBand = Literal["21-25", "26-39", "40+"]
Sentence = Literal["community", "licence"]
Length = Literal["under_12_months", "over_12_months"]
Reason = Literal["did_not_attend_interview", "declined", "not_meeting_inclusion",
                 "meeting_exclusion", "uncontactable"]
# Why a participant left, in categories only (never free text, never in a name's place).
LeftReason = Literal["stopped_attending", "withdrew", "moved_away", "in_custody",
                     "lost_to_follow_up", "died", "other"]
Name = Annotated[str, Meta(min_length=1, max_length=200)]
SiteRef = Annotated[str, Meta(min_length=1, max_length=40, pattern=r"\A[A-Za-z0-9._/-]+\Z",
                              description="the site's own reference, never a name")]


class StudyIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    name: Name
    arms: Annotated[list[Annotated[str, Meta(min_length=1, max_length=60)]],
                    Meta(min_length=2, max_length=6)]
    factors: list[Factor] = msgspec.field(default_factory=lambda: ["age_band", "sentence",
                                                                   "length"])
    block_sizes: Annotated[list[Annotated[int, Meta(ge=2, le=24)]],
                           Meta(min_length=1, max_length=4)] = msgspec.field(
        default_factory=lambda: [4, 6])
    # Other sites of this service taking part (a multi-site trial); the admin's own always.
    other_sites: list[UUID] = msgspec.field(default_factory=list)
    follow_up_primary_months: Annotated[int, Meta(ge=1, le=12)] = 3
    follow_up_secondary_months: Annotated[int, Meta(ge=1, le=12)] = 6
    follow_up_until_months: Annotated[int, Meta(ge=3, le=60)] = 24


class Study(msgspec.Struct, kw_only=True):
    id: UUID
    name: str
    arms: list[str]
    factors: list[str]
    block_sizes: list[int]
    sites: list[UUID]
    follow_up_primary_months: int
    follow_up_secondary_months: int
    follow_up_until_months: int


class Strata(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    age_band: AgeBand | None = None
    sentence: Sentence | None = None
    length: Length | None = None


class EnrolIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    site_ref: SiteRef
    consent_date: date
    consent_version: Annotated[str, Meta(min_length=1, max_length=40)]
    strata: Strata


class Allocation(msgspec.Struct, kw_only=True):
    """What enrolment answers: the allocation, and nothing of the sequence."""

    study_id: UUID
    pseudonym: str
    arm: str
    enrolled_on: date


class ScreeningIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    site_ref: SiteRef
    screened_on: date
    # Why not enrolled; leave out while screening goes on.
    reason: Reason | None = None


class Screening(msgspec.Struct, kw_only=True):
    id: UUID
    site_ref: str
    screened_on: date
    reason: Reason | None
    enrolled: bool


class ConsortRow(msgspec.Struct):
    stage: str
    arm: str | None
    count: int


class Consort(msgspec.Struct):
    """The CONSORT flow diagram, as figures, text and an SVG drawing of the same."""

    rows: list[ConsortRow]
    text: str
    svg: str


class FollowUp(msgspec.Struct):
    pseudonym: str
    arm: str
    visit_month: int
    kind: Literal["primary", "secondary"]
    due_day: int
    state: Literal["due", "overdue"]


class ParticipantStatusIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A participant left (with the day and why) or completed (with the day); or, to undo a
    mistake, is back in follow-up (no day, no reason)."""

    status: Literal["in_follow_up", "left", "completed"]
    on: date | None = None
    reason: LeftReason | None = None


class Participant(msgspec.Struct, kw_only=True):
    pseudonym: str
    arm: str
    enrolled_on: date
    status: Literal["in_follow_up", "left", "completed"]
    left_on: date | None
    left_reason: LeftReason | None
    completed_on: date | None


class ExportJob(msgspec.Struct, kw_only=True):
    """A study export built in the background: poll until `state` is done, then download
    from `download`."""

    id: UUID
    study_id: UUID
    format: Literal["csv", "fhir"]
    state: Literal["queued", "running", "done", "failed"]
    rows: int | None
    bytes: int | None
    created_at: datetime
    finished_at: datetime | None
    download: str | None
