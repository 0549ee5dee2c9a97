"""The charts' data and their one-sentence summaries, from the entries in the window.

Pure functions over light `Point` rows (a year can hold hundreds of entries, and this
runs on every review), so tests can check every figure by hand. Days are London days,
worked out by PostgreSQL (a 23:30 entry in BST belongs to that evening, not the next
UTC day).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, datetime
from typing import NamedTuple

from diarycard.caseload.words import plural
from diarycard.entries.models import Category
from diarycard.review.models import (
    CategoryChart,
    CategoryRow,
    Charts,
    IntensityChart,
    IntensityPoint,
    ResponseChart,
    ResponseRow,
    RiskChart,
    RiskPoint,
)

CATEGORIES: tuple[Category, ...] = ("not_attending", "not_planning", "action")
LABELS = {"not_attending": "not attending", "not_planning": "not planning", "action": "action"}


class Point(NamedTuple):
    """What the charts and the digest need of one entry."""

    day: date
    occurred_at: datetime
    category: str
    emotion: str | None
    emotion_intensity: int | None
    urge: str | None
    urge_strength: int | None
    helpful_response: str | None
    outcome: str | None
    risk_self_harm: int | None
    risk_aggression: int | None
    risk_substance_use: bool | None
    edited: bool
    time_flagged: bool


def day_words(day: date) -> str:
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b')}"


def mean(values: Sequence[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def by_day(entries: Sequence[Point]) -> dict[date, list[Point]]:
    days: dict[date, list[Point]] = defaultdict(list)
    for entry in entries:
        days[entry.day].append(entry)
    return dict(sorted(days.items()))


def intensity(entries: Sequence[Point], days: dict[date, list[Point]]) -> IntensityChart:
    points = []
    for day, group in days.items():
        urges = [e.urge_strength for e in group if e.urge_strength is not None]
        emotions = [e.emotion_intensity for e in group if e.emotion_intensity is not None]
        points.append(IntensityPoint(day, len(group), mean(urges), max(urges, default=None),
                                     mean(emotions)))
    rated = [e for e in entries if e.urge_strength is not None]
    all_emotions = [e.emotion_intensity for e in entries if e.emotion_intensity is not None]
    if not rated:
        summary = "No urge strengths were recorded in this period."
    else:
        top = max(rated, key=lambda e: (e.urge_strength or 0, e.occurred_at))
        summary = (
            f"Urge strength averaged {mean([e.urge_strength or 0 for e in rated])} out of 10 "
            f"over {plural(len(rated), 'entry', 'entries')}, highest {top.urge_strength} on "
            f"{day_words(top.day)}"
        )
        summary += (f"; emotion intensity averaged {mean(all_emotions)}." if all_emotions
                    else ".")
    return IntensityChart("Urge strength and emotion intensity", summary, points)


def categories(entries: Sequence[Point]) -> CategoryChart:
    counts: Counter[str] = Counter(e.category for e in entries)
    rows = [CategoryRow(c, LABELS[c], counts[c]) for c in CATEGORIES]
    ranked = sorted((r for r in rows if r.count), key=lambda r: -r.count)
    if not ranked:
        summary = "There were no entries in this period."
    else:
        first, *rest = ranked
        summary = (f"Most entries were about {first.label} ({first.count} of "
                   f"{len(entries)})")
        if rest:
            summary += ", then " + " and ".join(f"{r.label} ({r.count})" for r in rest)
        summary += "."
    return CategoryChart("Entries by category", summary, rows)


def responses(entries: Sequence[Point]) -> ResponseChart:
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for e in entries:
        if e.helpful_response:
            table[e.helpful_response]["tried"] += 1
            if e.outcome:
                table[e.helpful_response][e.outcome] += 1
    rows = sorted(
        (ResponseRow(name, c["tried"], c["resisted"], c["partly"], c["acted"])
         for name, c in table.items()),
        key=lambda r: (-r.tried, r.helpful_response.casefold()),
    )
    tried = sum(r.tried for r in rows)
    if not tried:
        summary = "No helpful responses were recorded as tried in this period."
    else:
        resisted = sum(r.resisted for r in rows)
        others = [e for e in entries if not e.helpful_response]
        summary = (
            f"A helpful response was tried in {tried} of {len(entries)} entries and the urge "
            f"was then resisted in {resisted} of those {tried}"
        )
        if others:
            alone = sum(1 for e in others if e.outcome == "resisted")
            summary += f", against {alone} of {len(others)} when none was tried"
        summary += "."
    return ResponseChart("Helpful responses tried, and urges then resisted", summary, rows)


def risk(days: dict[date, list[Point]]) -> RiskChart:
    points = []
    for day, group in days.items():
        harm = [e.risk_self_harm for e in group if e.risk_self_harm is not None]
        aggr = [e.risk_aggression for e in group if e.risk_aggression is not None]
        subs = sum(1 for e in group if e.risk_substance_use)
        if harm or aggr or subs:
            points.append(RiskPoint(day, max(harm, default=None), max(aggr, default=None), subs))
    if not points:
        return RiskChart("Risk items", "No risk items were recorded in this period.", [])
    said = []
    highs: list[tuple[str, list[tuple[int, date]]]] = [
        ("self-harm", [(p.self_harm_max, p.day) for p in points if p.self_harm_max is not None]),
        ("aggression", [(p.aggression_max, p.day) for p in points
                        if p.aggression_max is not None]),
    ]
    for label, found in highs:
        if found:
            value, day = max(found)
            said.append(f"{label} urge highest {value} out of 10 on {day_words(day)}")
    days_used = sum(1 for p in points if p.substance_use)
    if days_used:
        said.append(f"alcohol or drugs used on {plural(days_used, 'day')}")
    summary = "; ".join(said)
    return RiskChart("Risk items", summary[0].upper() + summary[1:] + ".", points)


def charts(entries: Sequence[Point]) -> Charts:
    days = by_day(entries)
    return Charts(intensity(entries, days), categories(entries), responses(entries), risk(days))
