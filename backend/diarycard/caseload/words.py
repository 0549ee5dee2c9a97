"""What a caseload row says, and how much attention it needs.

The attention score adds up the signals the service follows up (a clinician can read the
reasons, so the order is never a mystery):

    each appointment not attended since the last session   30 (up to 3)
    self-harm or aggression urge 7+ since then             40  (4-6: 15)
    alcohol or drugs used since then                       10
    crisis-plan step offered by the app                    10 each (up to 3)
    urge acted on                                           8 each (up to 5)
    urge partly acted on                                    4 each (up to 5)
    days without an entry, from 3 days                      1 a day (up to 30)
    no entries at all                                      20
    crisis plan due for review (within a week)             15
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import msgspec

# Sites are in the UK: days and weekdays are London days, right across BST and GMT.
LONDON = ZoneInfo("Europe/London")
QUIET_DAYS = 3
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
    since: datetime
    last_session_at: datetime | None
    next_appointment_at: datetime | None
    missed_appointments: int
    last_entry_at: datetime | None
    entries: int
    acted: int
    partly: int
    max_self_harm: int | None
    max_aggression: int | None
    substance_use: int
    crisis_offers: int
    plan_review_date: date | None


def describe(f: Figures, now: datetime, window_days: int) -> tuple[str, int, list[str]]:
    """The row in words, its attention score, and the reasons that raised the score."""
    since = since_words(f.since, now, f.last_session_at is not None, window_days)
    parts = [("no entries" if f.entries == 0 else plural(f.entries, "entry", "entries"))
             + " " + since]
    reasons: list[str] = []
    score = 0

    def flag(text: str, points: int) -> None:
        nonlocal score
        parts.append(text)
        reasons.append(text)
        score += points

    if f.missed_appointments:
        flag("missed the last appointment" if f.missed_appointments == 1
             else f"missed {f.missed_appointments} appointments in a row",
             30 * min(f.missed_appointments, 3))
    self_harm, aggression = f.max_self_harm or 0, f.max_aggression or 0
    risk = [f"{label} urge up to {value} out of 10"
            for value, label in ((self_harm, "self-harm"), (aggression, "aggression"))
            if value >= 4]
    if risk:
        # Counted once, by the higher of the two; both are said in words.
        top = max(self_harm, aggression)
        parts.extend(risk)
        reasons.extend(risk)
        score += 40 if top >= 7 else 15
    if f.substance_use:
        flag(f"alcohol or drugs used {times(f.substance_use)}", 10)
    if f.crisis_offers:
        flag(f"crisis plan offered {times(f.crisis_offers)}",
             10 * min(f.crisis_offers, 3))
    if f.acted:
        flag(plural(f.acted, "urge") + " acted on", 8 * min(f.acted, 5))
    if f.partly:
        flag(plural(f.partly, "urge") + " partly acted on", 4 * min(f.partly, 5))
    if f.last_entry_at is None:
        flag("no entries yet", 20)
    else:
        quiet = days_between(f.last_entry_at, now)
        if quiet >= QUIET_DAYS:
            flag(f"no entry for {quiet} days", min(quiet, 30))
    if review_due(f.plan_review_date, now):
        flag("crisis plan due for review", 15)
    return "; ".join(parts), score, reasons
