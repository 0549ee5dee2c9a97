"""The service's figures, as pure functions over per-patient rows, so each can be checked
by hand.

Retention follows the seed's site figures (attended under 6 months, 6-12 months, completed
treatment). A patient has *completed* when their pathway reached the discharge transition
or discharge; has *stopped attending* when their account is closed, or no session has
been marked attended for 60 days (nor since they started); the time they attended runs
from the start of treatment to their last attended session. Everyone else is still
attending. Stopping after more than 12 months without completing counts as 6-12 months:
the seed has no later band.

Small numbers: every count from 1 to 4 is shown as "fewer than 5". When only one count of a
group that adds up to a shown total is hidden, the next smallest is hidden too, or the
hidden one could be worked out by subtraction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date, timedelta
from typing import NamedTuple

from diarycard.outcomes import questionnaires
from diarycard.site_outcomes.models import (
    Change,
    ChangeChart,
    Count,
    Rate,
    RateChart,
    RetentionChart,
)

SMALL = 5
HIDDEN = f"fewer than {SMALL}"
LAPSED = timedelta(days=60)
SIX_MONTHS = timedelta(days=183)
COMPLETED_PHASES = ("discharge_transition", "discharged")
STAYS = (("attending", "Still attending"), ("under_6", "Attended under 6 months"),
         ("6_to_12", "Attended 6-12 months"), ("completed", "Completed treatment"))
ACTS = (("self_harm", "Self-harm"), ("verbal", "Verbal aggression"),
        ("property", "Aggression against property"),
        ("others", "Physical aggression against others"))
CONTACTS = (("ae", "A&E attendances"), ("crisis_team", "Crisis team contacts"),
            ("police", "Police contacts"), ("admission", "Hospital admissions"),
            ("social_services", "Social services contacts"))
MEASURES = (("phq-9", "PHQ-9"), ("gad-7", "GAD-7"))


class Patient(NamedTuple):
    started: date
    phase: str | None
    # The day the account was closed, if it was.
    ended: date | None
    last_attended: date | None


class Pair(NamedTuple):
    questionnaire: str
    first: int
    latest: int


def count(key: str, label: str, n: int) -> Count:
    return Count(key, label, None, HIDDEN) if 0 < n < SMALL else Count(key, label, n, str(n))


def hide_one_more(rows: list[Count], figures: Sequence[int]) -> list[Count]:
    """If exactly one count is hidden, hide the smallest shown non-zero one too."""
    if sum(1 for r in rows if r.count is None) != 1:
        return rows
    shown = [(n, i) for i, (n, r) in enumerate(zip(figures, rows, strict=True))
             if r.count is not None and n > 0]
    if not shown:
        return rows
    _, i = min(shown)
    rows[i] = Count(rows[i].key, rows[i].label, None, HIDDEN)
    return rows


def stay(p: Patient, today: date) -> str:
    if p.phase in COMPLETED_PHASES:
        return "completed"
    last = max(p.last_attended or p.started, p.started)
    if p.ended is None and today - last <= LAPSED:
        return "attending"
    return "under_6" if last - p.started < SIX_MONTHS else "6_to_12"


def _list(parts: Iterable[str]) -> str:
    said = list(parts)
    return ", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else "".join(said)


def retention(patients: Sequence[Patient], today: date) -> RetentionChart:
    title = "Who is still attending, who stopped and when, who completed"
    stays = [stay(p, today) for p in patients]
    figures = [stays.count(key) for key, _ in STAYS]
    rows = hide_one_more([count(key, label, n) for (key, label), n in zip(STAYS, figures,
                                                                         strict=True)], figures)
    if len(patients) < SMALL:
        rows = [Count(r.key, r.label, None, HIDDEN) if n else r
                for r, n in zip(rows, figures, strict=True)]
        return RetentionChart(title, f"{_patients(len(patients))}: figures are not shown, "
                              "so nobody can be recognised.", rows)
    summary = (f"Of {len(patients)} patients, "
               + _list(f"{r.shown} {r.label[0].lower()}{r.label[1:]}" for r in rows) + ".")
    return RetentionChart(title, summary, rows)


def _patients(n: int) -> str:
    return "No patients yet" if n == 0 else f"Fewer than {SMALL} patients"


def patient_years(patients: Sequence[Patient], today: date) -> float:
    days = sum(max(0, ((p.ended or today) - p.started).days) for p in patients)
    return days / 365.25


def _rate(key: str, label: str, n: int, years: float) -> Rate:
    c = count(key, label, n)
    per = round(n / years, 2) if c.count is not None and years > 0 else None
    return Rate(c.key, c.label, c.count, c.shown, per)


def rates(patients: Sequence[Patient], events: dict[str, tuple[int, int]],
          today: date) -> RateChart:
    """`events`: kind -> (how many, nights in hospital), over the site's patients."""
    title = "Acts and service contacts per patient-year"
    years = patient_years(patients, today)
    n = {kind: events.get(kind, (0, 0))[0] for kind, _ in ACTS + CONTACTS}
    nights = events.get("admission", (0, 0))[1]
    rows = [_rate(k, label, n[k], years) for k, label in ACTS + CONTACTS]
    rows.append(_rate("nights", "Nights in hospital", nights, years))
    if len(patients) < SMALL:
        hidden = [Rate(r.key, r.label, None, HIDDEN, None) if r.count else r for r in rows]
        return RateChart(title, f"{_patients(len(patients))}: figures are not shown, so "
                         "nobody can be recognised.", round(years, 1), hidden)
    acts = _rate("acts", "acts", sum(n[k] for k, _ in ACTS), years)
    contacts = _rate("contacts", "service contacts", sum(n[k] for k, _ in CONTACTS), years)
    said = [f"{r.shown} {r.label}" + (f" ({r.per_patient_year} per patient-year)"
                                      if r.per_patient_year is not None else "")
            for r in (acts, contacts)]
    return RateChart(title, f"Over {round(years, 1)} patient-years of care: "
                     f"{_list(said)}, as recorded by patients and their care teams.",
                     round(years, 1), rows)


def _band(qid: str, total: int) -> int:
    bands = questionnaires.INSTRUMENTS[qid].bands
    return next(i for i, (low, high, _) in enumerate(bands) if low <= total <= high)


def _change(qid: str, name: str, pairs: Sequence[Pair]) -> tuple[Change, str]:
    mine = [p for p in pairs if p.questionnaire == qid]
    moved = [(_band(qid, p.latest) > _band(qid, p.first)) - (_band(qid, p.latest)
                                                              < _band(qid, p.first))
             for p in mine]
    figures = [moved.count(-1), moved.count(0), moved.count(1)]
    bands = hide_one_more([count("lower", "in a lower band", figures[0]),
                           count("same", "in the same band", figures[1]),
                           count("higher", "in a higher band", figures[2])], figures)
    if len(mine) < SMALL:
        hidden = [Count(c.key, c.label, None, HIDDEN) if n else c
                  for c, n in zip(bands, figures, strict=True)]
        shown = HIDDEN if mine else "0"
        return (Change(qid, None if mine else 0, shown, None, None, None, *hidden),
                f"{name}: {shown} patients have a first and a later score, so no "
                "averages are shown")
    start = round(sum(p.first for p in mine) / len(mine), 1)
    now = round(sum(p.latest for p in mine) / len(mine), 1)
    diff = round(now - start, 1)
    words = (f"{name}: {len(mine)} patients have a first and a later score; on average "
             f"{start} at the start and {now} at the latest ({diff:+}); "
             + _list(f"{c.shown} {c.label}" for c in bands))
    return Change(qid, len(mine), str(len(mine)), start, now, diff, *bands), words


def change(pairs: Sequence[Pair]) -> ChangeChart:
    done = [_change(qid, name, pairs) for qid, name in MEASURES]
    return ChangeChart("PHQ-9 and GAD-7: the first score and the latest",
                       "; ".join(words for _, words in done) + ".",
                       [c for c, _ in done])
