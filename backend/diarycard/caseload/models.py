"""Wire shape of one caseload row."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import msgspec


class CaseloadItem(msgspec.Struct):
    patient_id: UUID
    login: str
    display_name: str
    # What the row says in words, e.g. "4 entries since Tue; 2 urges acted on".
    summary: str
    # Higher needs attention sooner; the list is sorted by it. The reasons say why.
    attention: int
    reasons: list[str]
    # Not attended since the last attended session: follow this patient up.
    follow_up: bool
    missed_appointments: int
    since: datetime
    since_last_session: bool
    last_session_at: datetime | None
    next_appointment_at: datetime | None
    last_entry_at: datetime | None
    days_since_last_entry: int | None
    entries_since: int
    acted_since: int
    partly_since: int
    max_self_harm: int | None
    max_aggression: int | None
    substance_use_since: int
    crisis_offers_since: int
    plan_review_date: date | None
    plan_review_due: bool
