"""When supervision is overdue (NICE QS88 statement 6): the next session is due the agreed
number of weeks after the last one (or after the agreement, before any); past that day it
is overdue. With no agreed level and frequency, the statement is not met."""

from __future__ import annotations

from datetime import date, timedelta


def next_due(agreed_on: date, every_weeks: int, last_held_on: date | None) -> date:
    return (last_held_on or agreed_on) + timedelta(weeks=every_weeks)


def percent(met: int, of: int) -> str:
    return f" ({round(100 * met / of)}%)" if of else ""
