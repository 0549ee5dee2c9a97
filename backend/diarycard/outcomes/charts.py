"""Outcome charts: acts and contacts per month (with the MOAS weighted score), PHQ-9 and
GAD-7 totals over time in their bands, and before/after from the start of treatment. Pure
functions over stored rows, so every figure can be checked by hand; each chart carries the
sentence that says what it shows.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import date

from diarycard.caseload.words import plural
from diarycard.outcomes import questionnaires
from diarycard.outcomes.models import (
    Comparison,
    ComparisonChart,
    Event,
    MeasureChart,
    MeasurePoint,
    MeasureResponse,
    MonthChart,
    MonthRow,
    QuestionnaireId,
)
from diarycard.outcomes.schedule import add_months

MOAS_WEIGHT = {"verbal": 1, "property": 2, "self_harm": 3, "others": 4}
CONTACTS = ("ae", "crisis_team", "police", "admission", "social_services")
BEFORE_AFTER_MONTHS = 3


def _month(d: date) -> str:
    return f"{d.year:04d}-{d.month:02d}"


def _month_words(month: str) -> str:
    return date(int(month[:4]), int(month[5:]), 1).strftime("%B %Y")


def moas(events: Sequence[Event]) -> int:
    """The weighted MOAS score of a period: each kind by its most severe act."""
    worst: dict[str, int] = defaultdict(int)
    for e in events:
        if e.kind in MOAS_WEIGHT and e.severity:
            worst[e.kind] = max(worst[e.kind], e.severity)
    return sum(MOAS_WEIGHT[kind] * band for kind, band in worst.items())


def month_rows(events: Sequence[Event], start: date, today: date) -> list[MonthRow]:
    by_month: dict[str, list[Event]] = defaultdict(list)
    for e in events:
        by_month[_month(e.occurred_on)].append(e)
    rows = []
    month = date(start.year, start.month, 1)
    while month <= today:
        group = by_month.get(_month(month), [])

        def n(kind: str, group: list[Event] = group) -> int:
            return sum(1 for e in group if e.kind == kind)

        rows.append(MonthRow(
            _month(month), n("self_harm"), n("verbal"), n("property"), n("others"),
            moas(group), n("ae"), n("crisis_team"), n("police"), n("admission"),
            sum(e.nights or 0 for e in group if e.kind == "admission"),
            n("social_services"), n("nothing"),
        ))
        month = add_months(month, 1)
    return rows


def month_chart(rows: list[MonthRow]) -> MonthChart:
    title = "Acts and service contacts per month"
    acts = sum(r.self_harm + r.verbal + r.property + r.others for r in rows)
    contacts = sum(r.ae + r.crisis_team + r.police + r.admissions + r.social_services
                   for r in rows)
    quiet = sum(r.quiet_weeks for r in rows)
    if not (acts or contacts or quiet):
        return MonthChart(title, "Nothing has been recorded yet: no acts, no service "
                          "contacts and no quiet weeks.", rows)
    said = [f"{plural(acts, 'act')} and {plural(contacts, 'service contact')} over "
            f"{plural(len(rows), 'month')}"]
    if acts:
        top = max(rows, key=lambda r: (r.self_harm + r.verbal + r.property + r.others,
                                       r.month))
        said.append(f"most in {_month_words(top.month)} "
                    f"({top.self_harm + top.verbal + top.property + top.others})")
    if quiet:
        said.append(f"{plural(quiet, 'week')} marked as nothing happening")
    return MonthChart(title, "; ".join(said) + ".", rows)


def _points(responses: Sequence[MeasureResponse]) -> list[MeasurePoint]:
    points = []
    for r in responses:
        name = r.questionnaire.split("|")[0]
        if not name.endswith(("phq-9", "gad-7")):
            continue  # the monthly summary's counts are in the acts and contacts chart
        qid: QuestionnaireId = "phq-9" if name.endswith("phq-9") else "gad-7"
        points.append(MeasurePoint(r.authored.date(), qid, r.score.total, r.score.band,
                                   r.score.self_harm_item))
    return points


def measure_chart(responses: Sequence[MeasureResponse]) -> MeasureChart:
    points = _points(responses)
    bands: dict[str, list[tuple[int, int, str]]] = {
        qid: questionnaires.INSTRUMENTS[qid].bands for qid in questionnaires.IDS}
    said = []
    for qid, name in (("phq-9", "PHQ-9"), ("gad-7", "GAD-7")):
        mine = [p for p in points if p.questionnaire == qid]
        if not mine:
            continue
        first, last = mine[0], mine[-1]
        if first is last:
            said.append(f"{name} {first.total} ({first.band}) on {_day(first.day)}")
        else:
            said.append(f"{name} went from {first.total} ({first.band}) on {_day(first.day)} "
                        f"to {last.total} ({last.band}) on {_day(last.day)}")
    summary = ("; ".join(said) + ".") if said else "No PHQ-9 or GAD-7 has been completed yet."
    return MeasureChart("PHQ-9 and GAD-7 totals over time", summary, points, bands)


def _day(d: date) -> str:
    return f"{d.day} {d.strftime('%b %Y')}"


def _change(measure: str, before: float | None, after: float | None, unit: str) -> Comparison:
    if before is None or after is None:
        return Comparison(measure, before, after, f"{measure}: not enough yet to compare.")
    if after == before:
        words = f"{measure}: the same ({before:g} {unit})."
    else:
        way = "down" if after < before else "up"
        words = f"{measure}: {way} from {before:g} to {after:g} {unit}."
    return Comparison(measure, before, after, words)


def before_after(started: date, today: date, rows: list[MonthRow],
                 responses: Sequence[MeasureResponse]) -> ComparisonChart:
    """The first measure against the latest, and acts per month in the first three months
    of treatment against the latest three (only once both periods are whole and apart)."""
    points = _points(responses)
    comparisons = []
    for qid, name in (("phq-9", "PHQ-9 total"), ("gad-7", "GAD-7 total")):
        mine = [p for p in points if p.questionnaire == qid]
        comparisons.append(_change(name, mine[0].total if len(mine) > 1 else None,
                                   mine[-1].total if len(mine) > 1 else None, "points"))
    whole = rows[:-1]  # the current month is not over
    if len(whole) >= 2 * BEFORE_AFTER_MONTHS:
        first, last = whole[:BEFORE_AFTER_MONTHS], whole[-BEFORE_AFTER_MONTHS:]

        def rate(part: list[MonthRow]) -> float:
            acts = sum(r.self_harm + r.verbal + r.property + r.others for r in part)
            return round(acts / len(part), 1)

        def contacts(part: list[MonthRow]) -> float:
            n = sum(r.ae + r.crisis_team + r.police + r.admissions + r.social_services
                    for r in part)
            return round(n / len(part), 1)

        comparisons.append(_change("Acts per month", rate(first), rate(last), "a month"))
        comparisons.append(_change("Service contacts per month", contacts(first),
                                   contacts(last), "a month"))
    else:
        comparisons.append(_change("Acts per month", None, None, "a month"))
    summary = " ".join(c.words for c in comparisons)
    return ComparisonChart(f"Before and now, from the start of treatment on {_day(started)}",
                           summary, started, comparisons)
