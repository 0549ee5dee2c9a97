"""Wire shapes of the NICE quality statements a service shows (QS88: 1 structured
assessment, 2 choice of therapy, 5 a phased plan agreed before services change or end,
6 supervision for the professionals)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

from diarycard.tools.text import Line

Weeks = Annotated[int, Meta(ge=1, le=26)]


class SupervisionAgreementIn(msgspec.Struct, forbid_unknown_fields=True):
    level: Line
    every_weeks: Weeks
    agreed_on: date


class SupervisionSessionIn(msgspec.Struct, forbid_unknown_fields=True):
    held_on: date
    supervisor: Line


class SupervisionSession(msgspec.Struct):
    held_on: date
    supervisor: str
    recorded_at: datetime


class Supervision(msgspec.Struct):
    clinician_id: UUID
    display_name: str
    # None until a level and frequency are agreed.
    level: str | None
    every_weeks: int | None
    agreed_on: date | None
    sessions: list[SupervisionSession]
    next_due_on: date | None
    overdue: bool
    # "Every 4 weeks (group supervision); last on 3 Nov; next due by 1 Dec: overdue".
    words: str


class Statement(msgspec.Struct):
    statement: int
    title: str
    met: int
    of: int
    # "9 of 12 patients (75%) have a structured assessment recorded".
    words: str


class QualityReport(msgspec.Struct):
    statements: list[Statement]
    clinicians: list[Supervision]
