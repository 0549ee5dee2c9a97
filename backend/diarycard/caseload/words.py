"""The words of a caseload row: dates, counts and the figures the tiers are decided on."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import msgspec

# Sites are in the UK: days and weekdays are London days, right across BST and GMT.
LONDON = ZoneInfo("Europe/London")
REVIEW_SOON = timedelta(days=7)


def plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def times(n: int) -> str:
    return {1: "once", 2: "twice"}.get(n, f"{n} times")


def since_words(since: datetime, now: datetime, last_session: bool, window_days: int) -> str:
    """"since Tue", "since today", "since 3 Nov", or "in the last 14 days"."""
    if not last_session:
        return f"in the last {window_days} days"
    day = since.astimezone(LONDON).date()
    today = now.astimezone(LONDON).date()
    if day == today:
        return "since today"
    if today - day < timedelta(days=7):
        return "since " + day.strftime("%a")
    return f"since {day.day} {day.strftime('%b')}"


def days_between(earlier: datetime, now: datetime) -> int:
    return max(0, (now.astimezone(LONDON).date() - earlier.astimezone(LONDON).date()).days)


def review_due(review_date: date | None, now: datetime) -> bool:
    return review_date is not None and review_date <= now.astimezone(LONDON).date() + REVIEW_SOON


class Figures(msgspec.Struct):
    """One row of the caseload query, typed."""

    patient_id: UUID
    login: str
    display_name: str
    risk_floor: int
    since: datetime
    last_session_at: datetime | None
    next_appointment_at: datetime | None
    missed_appointments: int
    last_entry_at: datetime | None
    usual_gap_days: float | None
    entries: int
    acted: int
    partly: int
    max_self_harm: int | None
    max_aggression: int | None
    substance_use: int
    acted_with_risk: int
    max_acted_risk: int | None
    worst_outcome: int | None
    plan_review_date: date | None
    self_harm_threshold: int | None
    aggression_threshold: int | None
    substance_threshold: bool | None
    over_self_harm: int
    over_aggression: int
    crisis_offers: int
    # Standard measures (outcomes/): defaults keep older callers working.
    started: date | None = None
    every_months: int = 3
    phq9_item9: int | None = None
    last_phq9: date | None = None
    last_gad7: date | None = None
    # Open follow-up tasks (follow_up/): count, the oldest missed session, attempts made on
    # them, and the earliest last contact (the next attempt is due from it).
    follow_up_tasks: int = 0
    follow_up_since: datetime | None = None
    follow_up_attempts: int = 0
    follow_up_last_touch: datetime | None = None
    # The pathway (pathway/): phase, when it began, attended sessions since.
    phase: str | None = None
    phase_started_on: date | None = None
    sessions_in_phase: int | None = None
