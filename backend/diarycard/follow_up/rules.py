"""When a follow-up task is overdue: the clinical rule in one place.

The service follows up, and promptly: the first attempt to reach the patient is due within
two days of the missed session, and while nobody has decided what happens next, another
attempt (or the decision) is due within two days of the last one. A task past that is
overdue, and says so in the caseload and on the patient's page.
"""

from __future__ import annotations

from datetime import datetime, timedelta

DUE_WITHIN = timedelta(days=2)


def due_at(missed_at: datetime, last_attempt_at: datetime | None) -> datetime:
    return (last_attempt_at or missed_at) + DUE_WITHIN


def overdue(missed_at: datetime, last_attempt_at: datetime | None, now: datetime) -> bool:
    return now > due_at(missed_at, last_attempt_at)
