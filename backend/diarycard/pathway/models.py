"""Wire shapes of the pathway: the phase, its dates, the agreed responsibilities and
formulation summary, and what NICE QS88 asks a service to show (the structured assessment
and when: statement 1; the patient's part in choosing the type, duration and intensity of
therapy: statement 2)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

from diarycard.pathway.rules import Phase
from diarycard.tools.text import Short, Text

Day = Annotated[date, Meta(description="YYYY-MM-DD")]


class PathwayIn(msgspec.Struct, forbid_unknown_fields=True):
    phase: Phase
    # When this phase began; today when left out and the phase changes.
    phase_started_on: Day | None = None
    responsibilities: Text = ""
    formulation: Text = ""
    assessment_done_on: Day | None = None
    assessment_by: Short = ""
    therapy_type: Short = ""
    therapy_duration: Short = ""
    therapy_intensity: Short = ""
    # The day the patient chose the type, duration and intensity with the clinician.
    choice_discussed_on: Day | None = None


class PhaseChange(msgspec.Struct):
    phase: Phase
    started_on: date
    moved_by_name: str
    moved_at: datetime


class Pathway(msgspec.Struct):
    patient_id: UUID
    phase: Phase
    phase_name: str
    phase_started_on: date
    started_on: date
    # "Treatment for 4 months (usually 6 to 12 months)", with ": longer than expected".
    phase_words: str
    overrun: bool
    expected: str
    responsibilities: str
    formulation: str
    assessment_done_on: date | None
    assessment_by: str
    therapy_type: str
    therapy_duration: str
    therapy_intensity: str
    choice_discussed_on: date | None
    history: list[PhaseChange]
    updated_at: datetime
