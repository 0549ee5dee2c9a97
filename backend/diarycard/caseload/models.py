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
    # 1 = look at first (risk), 2 = follow up (missed, silent), 3 = everyone else; the
    # reasons say why the patient is in their tier (caseload/tiers.py has the rules).
    tier: int
    tier_name: str
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
    # The site's floor and the plan's thresholds the tier was decided on (null: none agreed
    # or declined in the plan).
    risk_floor: int
    self_harm_threshold: int | None
    aggression_threshold: int | None
    plan_review_date: date | None
    plan_review_due: bool
    # PHQ-9 and GAD-7 due or overdue, in words ("PHQ-9 overdue (due 3 Nov 2026)").
    measures: list[str] = []
    # Open follow-up tasks of missed sessions, and whether one is overdue (follow_up/rules.py).
    follow_up_tasks: int = 0
    follow_up_overdue: bool = False
    # The SCM pathway's phase (null: not recorded), in words, and whether it has run past
    # its expected length (pathway/rules.py).
    phase: str | None = None
    phase_words: str | None = None
    phase_overrun: bool = False
