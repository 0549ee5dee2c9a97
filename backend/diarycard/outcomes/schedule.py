"""When a standard measure is due: every N months (the site's setting, 3 by default) from
the start of treatment, the first at the start itself, so there is a "before" to compare.

A measure counts for a due date when completed from 7 days before it; it is "due" until 14
days after, then "overdue" until it is done (a late one still counts, and the next date
stays where the schedule puts it).
"""

from __future__ import annotations

from datetime import date, timedelta

from diarycard.outcomes.models import Due, MeasureId

OPENS_BEFORE = timedelta(days=7)
GRACE = timedelta(days=14)


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - every month has a 28th


def points(start: date, every_months: int, today: date) -> tuple[date, date]:
    """The latest due date whose window has opened by `today`, and the one after it."""
    k = 0
    while add_months(start, (k + 1) * every_months) - OPENS_BEFORE <= today:
        k += 1
    return add_months(start, k * every_months), add_months(start, (k + 1) * every_months)


def _day(d: date) -> str:
    return f"{d.day} {d.strftime('%b %Y')}"


def due(qid: MeasureId, title: str, start: date, every_months: int, today: date,
        last: date | None) -> Due:
    current, following = points(start, every_months, today)
    name = title.split("(")[-1].rstrip(")") if "(" in title else title
    if last is not None and last >= current - OPENS_BEFORE:
        return Due(qid, title, "not_yet", current, following, last,
                   f"{name} done; next due {_day(following)}")
    if today <= current + GRACE:
        return Due(qid, title, "due", current, following, last, f"{name} due {_day(current)}")
    return Due(qid, title, "overdue", current, following, last,
               f"{name} overdue (due {_day(current)})")
