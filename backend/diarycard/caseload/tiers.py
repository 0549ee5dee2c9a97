"""Which tier of the caseload a patient is in, and why, in words.

A score that adds signals up can hide an urgent patient under a pile of small ones (a
self-harm urge of 9 once scored below two missed appointments). Tiers cannot: any rule of
tier 1 puts a patient above everyone in tiers 2 and 3, whatever else is true of them. The
rules are clinical decisions; docs/clinical-safety/README.md lists them and the hazard log
names the tests that hold them (H-005, H-006, H-007).

    tier 1  since the last session (or in the last 14 days):
            an urge acted on, or partly, with any self-harm or aggression risk above 0;
            a risk item at or over the threshold agreed in the patient's crisis plan;
            a self-harm or aggression urge at or over the site's floor (default 7),
              whatever the plan says and whether or not there is one;
            a crisis-plan step offered by the app;
            PHQ-9 item 9 (thoughts of being better off dead or of self-harm) above 0
    tier 2  an appointment missed since the last attended one;
            a follow-up task open (a missed session nobody has decided on yet),
              flagged overdue two days after the missed session or the last attempt;
            no entry for longer than this patient's usual gap, or no entries at all
    tier 3  everyone else

Within a tier: the highest risk value first, then acted before partly before resisted,
then the most recent entry.
"""

from __future__ import annotations

import math
from datetime import date, datetime

import msgspec

from diarycard.caseload.words import (
    LONDON,
    Figures,
    days_between,
    plural,
    review_due,
    since_words,
    times,
)
from diarycard.follow_up.rules import overdue
from diarycard.outcomes.models import QuestionnaireId
from diarycard.outcomes.questionnaires import INSTRUMENTS
from diarycard.outcomes.schedule import due

URGENT, FOLLOW_UP, EVERYONE_ELSE = 1, 2, 3
TIER_NAMES = {
    URGENT: "Look at first: risk since the last session",
    FOLLOW_UP: "Follow up: missed appointments and silences",
    EVERYONE_ELSE: "Everyone else, most recent first",
}
# Silence is "longer than usual" at twice the patient's usual gap between entries, and
# never under 3 days; with too few entries to know what is usual, at 7 days.
MIN_QUIET_DAYS = 3
ITEM_9_WORDS = {1: "several days", 2: "more than half the days", 3: "nearly every day"}
QUIET_DAYS_UNKNOWN_HABIT = 7


class Placement(msgspec.Struct, frozen=True):
    tier: int
    reasons: list[str]
    summary: str
    # Sorts ascending: tier, then severity, then recency (see the module docstring).
    order: tuple[int, int, int, float]


def _urgent_reasons(f: Figures) -> list[str]:
    reasons: list[str] = []
    if f.acted_with_risk:
        reasons.append(
            f"{plural(f.acted_with_risk, 'urge')} acted on (or partly) with a self-harm or "
            f"aggression risk, up to {f.max_acted_risk} out of 10")
    for label, top, threshold, over in (
        ("self-harm", f.max_self_harm, f.self_harm_threshold, f.over_self_harm),
        ("aggression", f.max_aggression, f.aggression_threshold, f.over_aggression),
    ):
        if over and threshold is not None:
            reasons.append(f"{label} urge up to {top} out of 10, at or over the plan's "
                           f"threshold of {threshold} ({times(over)})")
        elif top is not None and top >= f.risk_floor:
            reasons.append(f"{label} urge up to {top} out of 10, at or over the site's "
                           f"floor of {f.risk_floor}")
    if f.substance_threshold and f.substance_use:
        reasons.append(f"alcohol or drugs used {times(f.substance_use)}, "
                       "which the plan asks to flag")
    if f.crisis_offers:
        reasons.append(f"crisis plan offered {times(f.crisis_offers)}")
    if f.phq9_item9:
        reasons.append("PHQ-9 question 9 (thoughts of being better off dead or of hurting "
                       f"themselves) answered '{ITEM_9_WORDS[f.phq9_item9]}'")
    return reasons


def quiet_limit(usual_gap_days: float | None) -> int:
    """Days without an entry that are longer than usual for this patient."""
    if usual_gap_days is None:
        return QUIET_DAYS_UNKNOWN_HABIT
    return max(MIN_QUIET_DAYS, math.ceil(2 * usual_gap_days))


def _usually(gap: float) -> str:
    days = max(1, round(gap))
    return "usually every day" if days == 1 else f"usually every {days} days"


def _follow_up_reasons(f: Figures, now: datetime) -> list[str]:
    reasons: list[str] = []
    if f.missed_appointments:
        reasons.append("missed the last appointment" if f.missed_appointments == 1
                       else f"missed {f.missed_appointments} appointments in a row")
    if f.follow_up_tasks and f.follow_up_since and f.follow_up_last_touch:
        reasons.append(_follow_up_task_words(f, f.follow_up_since, f.follow_up_last_touch, now))
    if f.last_entry_at is None:
        reasons.append("no entries yet")
    else:
        quiet = days_between(f.last_entry_at, now)
        if quiet >= quiet_limit(f.usual_gap_days):
            habit = f" ({_usually(f.usual_gap_days)})" if f.usual_gap_days is not None else ""
            reasons.append(f"no entry for {quiet} days{habit}")
    return reasons


def _follow_up_task_words(f: Figures, opened: datetime, touched: datetime, now: datetime) -> str:
    """"follow-up open since Tue, 2 attempts", with ", overdue" past its due time."""
    tasks = "follow-up" if f.follow_up_tasks == 1 else f"{f.follow_up_tasks} follow-ups"
    since = since_words(opened, now, True, 0)
    attempts = plural(f.follow_up_attempts, "attempt") if f.follow_up_attempts \
        else "no attempts yet"
    late = ", overdue" if overdue(touched, None, now) else ""
    return f"{tasks} open {since}, {attempts}{late}"


def _other_notes(f: Figures, urgent: list[str], now: datetime) -> list[str]:
    """Said in the row, but not a reason for its tier."""
    notes: list[str] = []
    said = " ".join(urgent)
    for label, top in (("self-harm", f.max_self_harm), ("aggression", f.max_aggression)):
        if top and f"{label} urge" not in said:
            notes.append(f"{label} urge up to {top} out of 10")
    if f.substance_use and "alcohol" not in said:
        notes.append(f"alcohol or drugs used {times(f.substance_use)}")
    if f.acted:
        notes.append(plural(f.acted, "urge") + " acted on")
    if f.partly:
        notes.append(plural(f.partly, "urge") + " partly acted on")
    if review_due(f.plan_review_date, now):
        notes.append("crisis plan due for review")
    return notes


def measures_due(f: Figures, now: datetime) -> list[str]:
    """PHQ-9 and GAD-7 due or overdue, in words (outcomes/schedule.py has the rule): shown
    in the row beside the summary, never a reason for a tier."""
    if f.started is None:
        return []
    today = now.astimezone(LONDON).date()
    lasts: tuple[tuple[QuestionnaireId, date | None], ...] = (
        ("phq-9", f.last_phq9), ("gad-7", f.last_gad7))
    found = [due(qid, INSTRUMENTS[qid].title, f.started, f.every_months, today, last)
             for qid, last in lasts]
    return [d.words for d in found if d.state != "not_yet"]


def place(f: Figures, now: datetime, window_days: int) -> Placement:
    urgent = _urgent_reasons(f)
    follow_up = _follow_up_reasons(f, now)
    tier = URGENT if urgent else FOLLOW_UP if follow_up else EVERYONE_ELSE
    since = since_words(f.since, now, f.last_session_at is not None, window_days)
    count = "no entries" if f.entries == 0 else plural(f.entries, "entry", "entries")
    summary = "; ".join([f"{count} {since}", *urgent, *follow_up,
                         *_other_notes(f, urgent, now)])
    severity = max(f.max_self_harm or 0, f.max_aggression or 0)
    recency = f.last_entry_at.timestamp() if f.last_entry_at else -math.inf
    return Placement(tier, urgent + follow_up, summary,
                     (tier, -severity, -(f.worst_outcome or 0), -recency))
