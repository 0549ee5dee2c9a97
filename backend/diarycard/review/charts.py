"""The charts' data and their one-sentence summaries, from the entries in the window.

Pure functions over entries, so tests can check every figure by hand. Days are London
days (a 23:30 entry in BST belongs to that evening, not the next UTC day).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date

from diarycard.caseload.words import LONDON, plural
from diarycard.entries.models import Category, Entry
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


def day_of(entry: Entry) -> date:
    return entry.occurred_at.astimezone(LONDON).date()


def day_words(day: date) -> str:
    return f"{day.strftime('%a')} {day.day} {day.strftime('%b')}"


def mean(values: Sequence[int]) -> float | None:
    return round(sum(values) / len(values), 1) if values else None


def by_day(entries: Sequence[Entry]) -> dict[date, list[Entry]]:
    days: dict[date, list[Entry]] = defaultdict(list)
    for entry in entries:
        days[day_of(entry)].append(entry)
    return dict(sorted(days.items()))


def intensity(entries: Sequence[Entry]) -> IntensityChart:
    points = []
    for day, group in by_day(entries).items():
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
            f"{day_words(day_of(top))}"
        )
        summary += (f"; emotion intensity averaged {mean(all_emotions)}." if all_emotions
                    else ".")
    return IntensityChart("Urge strength and emotion intensity", summary, points)


def categories(entries: Sequence[Entry]) -> CategoryChart:
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


def responses(entries: Sequence[Entry]) -> ResponseChart:
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


def risk(entries: Sequence[Entry]) -> RiskChart:
    points = []
    for day, group in by_day(entries).items():
        harm = [e.risk.self_harm for e in group if e.risk and e.risk.self_harm is not None]
        aggr = [e.risk.aggression for e in group if e.risk and e.risk.aggression is not None]
        subs = sum(1 for e in group if e.risk and e.risk.substance_use)
        if harm or aggr or subs:
            points.append(RiskPoint(day, max(harm, default=None), max(aggr, default=None), subs))
    if not points:
        return RiskChart("Risk items", "No risk items were recorded in this period.", [])
    said = []
    for label, key in (("self-harm", "self_harm_max"), ("aggression", "aggression_max")):
        found = [p for p in points if getattr(p, key) is not None]
        if found:
            top = max(found, key=lambda p: (getattr(p, key), p.day))
            said.append(f"{label} urge highest {getattr(top, key)} out of 10 on "
                        f"{day_words(top.day)}")
    days_used = sum(1 for p in points if p.substance_use)
    if days_used:
        said.append(f"alcohol or drugs used on {plural(days_used, 'day')}")
    summary = "; ".join(said)
    return RiskChart("Risk items", summary[0].upper() + summary[1:] + ".", points)


def charts(entries: Sequence[Entry]) -> Charts:
    return Charts(intensity(entries), categories(entries), responses(entries), risk(entries))
