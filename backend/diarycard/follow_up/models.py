"""Wire shapes of follow-up tasks: attempts to reach the patient and the decision."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

Method = Literal["phone", "text", "letter", "visit", "email"]
Outcome = Literal["reached", "no_answer", "message_left", "letter_sent"]
Decision = Literal["rebooked", "discharged_with_plan", "escalated", "attended_after_all"]
Note = Annotated[str, Meta(max_length=2000)]
When = Annotated[datetime, Meta(tz=True)]


class AttemptIn(msgspec.Struct, forbid_unknown_fields=True):
    attempted_at: When
    method: Method
    outcome: Outcome
    note: Note = ""


class CloseIn(msgspec.Struct, forbid_unknown_fields=True):
    decision: Decision
    note: Note = ""


class Attempt(msgspec.Struct):
    id: UUID
    attempted_at: datetime
    method: Method
    outcome: Outcome
    note: str
    made_by_name: str
    recorded_at: datetime


class Task(msgspec.Struct):
    id: UUID
    patient_id: UUID
    appointment_id: UUID
    missed_at: datetime
    opened_at: datetime
    # Open until a clinician records a decision.
    open: bool
    # When the next attempt (or the decision) is due, and whether that has passed.
    due_at: datetime
    overdue: bool
    attempts: list[Attempt]
    decision: Decision | None
    decision_note: str
    closed_at: datetime | None
    closed_by_name: str | None


class CaseloadTask(msgspec.Struct):
    """An open task on the clinician's own list, across their caseload."""

    task: Task
    display_name: str
    login: str
