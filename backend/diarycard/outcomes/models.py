"""Wire shapes of acts, service contacts and standard measures.

Acts are recorded to help, never to blame. The aggression kinds and their 1-4 bands are the
Modified Overt Aggression Scale's; MOAS's fourth kind, "against self", is worked out from
the self-harm acts (`charts.moas`), so nothing is entered twice.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

from diarycard.tools.text import Version

Aggression = Literal["verbal", "property", "others"]
Contact = Literal["ae", "crisis_team", "police", "admission", "social_services"]
EventKind = Literal["self_harm", "verbal", "property", "others", "ae", "crisis_team",
                    "police", "admission", "social_services", "nothing"]
# Self-harm in plain words, stored on MOAS's "against self" bands (1, 3, 4).
Injury = Literal["no_injury", "first_aid", "hospital"]
Band = Annotated[int, Meta(ge=1, le=4, description="MOAS severity band, 1 (least) to 4")]
QuestionnaireId = Literal["phq-9", "gad-7"]
# The standard measures and the diary's own monthly summary (counts of acts and contacts).
MeasureId = Literal["phq-9", "gad-7", "monthly-summary"]
# 0 not at all ... 3 nearly every day; checked against the item's options (naming the item).
# A score of 0-3 for PHQ-9 and GAD-7 items; the questionnaire check names the item when
# an answer is outside its options, so the bound here only keeps integers sane.
Answer = Annotated[int, Meta(ge=0, le=100)]


class EventIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """An act, a service contact, or "nothing happened this week" (`occurred_on` is the
    last day of the week it covers)."""

    base_version: Version = 0
    kind: EventKind
    occurred_on: date
    # self_harm only: how serious, in plain words.
    injury: Injury | None = None
    # verbal, property, others only: the MOAS band.
    severity: Band | None = None
    # admission only: nights in hospital (0 for a same-day discharge).
    nights: Annotated[int, Meta(ge=0, le=365)] | None = None
    # Optional, and never in a research export.
    note: Annotated[str, Meta(max_length=1000)] | None = None
    # The diary entry this came from, if any (one of the patient's own).
    entry_id: UUID | None = None


class Event(msgspec.Struct, kw_only=True):
    id: UUID
    kind: EventKind
    occurred_on: date
    injury: Injury | None
    severity: int | None
    nights: int | None
    note: str | None
    entry_id: UUID | None
    # "patient" or "clinician": who recorded it.
    recorded_by: Literal["patient", "clinician"]
    version: int
    created_at: datetime


class MeasureIn(msgspec.Struct, forbid_unknown_fields=True, kw_only=True):
    """A completed PHQ-9 or GAD-7 (each item's linkId, its LOINC code, and the answer's
    score, 0 to 3), or the monthly summary (each item's linkId and how many times, within
    the item's maxValue). Sent once; the same request again is answered the same."""

    questionnaire: MeasureId
    authored: datetime
    answers: dict[Annotated[str, Meta(max_length=20)], Answer]


class Coding(msgspec.Struct):
    system: str
    code: str
    display: str


class AnswerValue(msgspec.Struct, omit_defaults=True):
    valueCoding: Coding | None = None
    valueInteger: int | None = None


class ResponseItem(msgspec.Struct):
    linkId: str
    answer: list[AnswerValue]


class Score(msgspec.Struct):
    # The monthly summary's total is acts plus contacts, its band those two in words.
    total: int
    band: str
    # PHQ-9 item 9 (thoughts of being better off dead or of hurting yourself), else null.
    self_harm_item: int | None


class MeasureResponse(msgspec.Struct, kw_only=True):
    """A QuestionnaireResponse (FHIR R4 shape) with the server's scores beside it."""

    resourceType: Literal["QuestionnaireResponse"] = "QuestionnaireResponse"
    id: UUID
    questionnaire: str
    status: Literal["completed"] = "completed"
    authored: datetime
    item: list[ResponseItem]
    score: Score


class Due(msgspec.Struct):
    """Where a patient is with one measure's schedule."""

    questionnaire: MeasureId
    title: str
    # not_yet: done for now (next_due says when); due: in its window; overdue: past it.
    state: Literal["not_yet", "due", "overdue"]
    due_on: date
    next_due: date
    last_completed: date | None
    words: str


class MonthRow(msgspec.Struct):
    """One calendar month of acts and contacts. `moas` is the month's Modified Overt
    Aggression Scale weighted score (0-40): each kind rated by its most severe act,
    weighted verbal x1, property x2, against self x3 (from self-harm), others x4."""

    month: str
    self_harm: int
    verbal: int
    property: int
    others: int
    moas: int
    ae: int
    crisis_team: int
    police: int
    admissions: int
    nights: int
    social_services: int
    quiet_weeks: int


class MeasurePoint(msgspec.Struct):
    day: date
    questionnaire: QuestionnaireId
    total: int
    band: str
    self_harm_item: int | None


class Comparison(msgspec.Struct):
    """Before (from the start of treatment) and now, in figures and words."""

    measure: str
    before: float | None
    after: float | None
    words: str


class OutcomeChart(msgspec.Struct):
    title: str
    summary: str


class MonthChart(OutcomeChart):
    months: list[MonthRow]


class MeasureChart(OutcomeChart):
    points: list[MeasurePoint]
    # The bands, for shading: [low, high, label] per band of each questionnaire.
    bands: dict[str, list[tuple[int, int, str]]]


class ComparisonChart(OutcomeChart):
    started: date
    rows: list[Comparison]


class Outcomes(msgspec.Struct):
    """A patient's outcomes since the start of treatment, for their care team."""

    started: date
    months: MonthChart
    measures: MeasureChart
    before_after: ComparisonChart
    due: list[Due]
    events: list[Event]
