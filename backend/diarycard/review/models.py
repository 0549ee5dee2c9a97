"""Wire shapes of the pre-session review: the digest, the charts' data and the timeline."""

from __future__ import annotations

from datetime import date, datetime
from typing import Literal
from uuid import UUID

import msgspec

from diarycard.entries.models import Category, Entry

# Where the window came from: the last attended session, a range the clinician chose, or
# (with no session on record) the last two weeks.
Basis = Literal["last_session", "chosen", "recent"]


class Window(msgspec.Struct):
    start: datetime
    end: datetime
    basis: Basis
    words: str


class IntensityPoint(msgspec.Struct):
    day: date
    entries: int
    urge_mean: float | None
    urge_max: int | None
    emotion_mean: float | None


class CategoryRow(msgspec.Struct):
    category: Category
    label: str
    count: int


class ResponseRow(msgspec.Struct):
    helpful_response: str
    tried: int
    resisted: int
    partly: int
    acted: int


class RiskPoint(msgspec.Struct):
    day: date
    self_harm_max: int | None
    aggression_max: int | None
    substance_use: int


class Chart(msgspec.Struct):
    """Every chart carries one sentence that says what it shows."""

    title: str
    summary: str


class IntensityChart(Chart):
    points: list[IntensityPoint]


class CategoryChart(Chart):
    rows: list[CategoryRow]


class ResponseChart(Chart):
    rows: list[ResponseRow]


class RiskChart(Chart):
    points: list[RiskPoint]


class Charts(msgspec.Struct):
    intensity: IntensityChart
    categories: CategoryChart
    responses: ResponseChart
    risk: RiskChart


class ReviewedEntry(Entry, kw_only=True):
    """An entry as the clinician sees it: marked when the patient edited it after this
    clinician last opened the review, with the number of clinician notes on it."""

    edited_since_last_view: bool = False
    notes: int = 0
    new_since_last_view: bool = False


class Change(msgspec.Struct):
    """Something besides an entry that is new (`new`) or changed since this clinician last
    looked: an act, a measure, a worksheet, a plan or table draft."""

    part: str
    words: str
    at: datetime
    new: bool


class Offer(msgspec.Struct):
    entry_id: UUID
    offered_at: datetime
    reason: str


class Review(msgspec.Struct):
    patient_id: UUID
    login: str
    display_name: str
    window: Window
    last_session_at: datetime | None
    next_appointment_at: datetime | None
    missed_appointments: int
    # Plain sentences first: what a clinician reads in the minute before the session.
    digest: list[str]
    charts: Charts
    crisis_offers: list[Offer]
    plan_review_date: date | None
    last_viewed_at: datetime | None
    # Newest first, at most 200; `timeline_total` says how many are in the window.
    timeline: list[ReviewedEntry]
    timeline_total: int
    # Besides entries, what is new or changed since `last_viewed_at`, newest first.
    changed: list[Change] = []
