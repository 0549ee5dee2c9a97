"""Follow-up tasks in PostgreSQL. Functions on one patient's tasks take the `PatientScope`
of a clinician who passed the care-team check and audit (`auth.access.as_clinician`), in
the same transaction as the read or write.

`my_open_tasks` is the one read across many patients (the clinician's whole caseload): it
is set-based, scoped in its SQL to the clinician's own care-team links, and audits every
patient it returns with `record_many`; one `PatientScope` per patient would be the wrong
shape for it.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import asyncpg
import msgspec

from diarycard.audit.store import record_many
from diarycard.auth.access import PatientScope
from diarycard.auth.principal import Principal
from diarycard.db.queries import load_queries
from diarycard.errors import Conflict, Invalid, NotFound
from diarycard.follow_up.models import Attempt, AttemptIn, CaseloadTask, CloseIn, Task
from diarycard.follow_up.rules import due_at, overdue
from diarycard.tools.text import check_text

SQL = load_queries(Path(__file__).with_name("queries.sql"))
_attempts = msgspec.json.Decoder(list[Attempt])


def _task(row: Any, now: datetime) -> Task:
    attempts = _attempts.decode(row["attempts"])
    last = attempts[-1].attempted_at if attempts else None
    is_open = row["closed_at"] is None
    return Task(
        id=row["id"], patient_id=row["patient_id"], appointment_id=row["appointment_id"],
        missed_at=row["missed_at"], opened_at=row["opened_at"], open=is_open,
        due_at=due_at(row["missed_at"], last),
        overdue=is_open and overdue(row["missed_at"], last, now),
        attempts=attempts, decision=row["decision"], decision_note=row["decision_note"],
        closed_at=row["closed_at"], closed_by_name=row["closed_by_name"],
    )


async def after_status_change(
    conn: asyncpg.Connection, scope: PatientScope, appointment_id: UUID
) -> None:
    """Open a task for a session now marked not attended; close it when corrected to
    attended. Called by the appointments store inside its transaction."""
    who, patient_id = scope.who, scope.patient_id
    await conn.execute(SQL["open_for_missed"], appointment_id, patient_id)
    await conn.execute(SQL["close_attended"], appointment_id, patient_id, who.user_id)


async def tasks(conn: asyncpg.Connection, scope: PatientScope) -> list[Task]:
    now = datetime.now(UTC)
    rows = await conn.fetch(SQL["tasks"], scope.patient_id)
    return [_task(r, now) for r in rows]


async def my_open_tasks(conn: asyncpg.Connection, who: Principal) -> list[CaseloadTask]:
    who.require("clinician")
    now = datetime.now(UTC)
    async with conn.transaction():
        rows = await conn.fetch(SQL["mine_open"], who.user_id, who.site_id)
        await record_many(conn, who, sorted({r["patient_id"] for r in rows}), "follow_up.mine")
    return [CaseloadTask(_task(r, now), r["display_name"], r["login"]) for r in rows]


async def _one(conn: asyncpg.Connection, scope: PatientScope, task_id: UUID) -> Task:
    for row in await conn.fetch(SQL["tasks"], scope.patient_id):
        if row["id"] == task_id:
            return _task(row, datetime.now(UTC))
    raise NotFound()


async def _lock_open(conn: asyncpg.Connection, scope: PatientScope, task_id: UUID) -> None:
    row = await conn.fetchrow(SQL["lock_task"], task_id, scope.patient_id)
    if row is None:
        raise NotFound("We could not find that follow-up task.")
    if row["closed_at"] is not None:
        raise Conflict(f"This follow-up was already closed by {row['closed_by_name']}.")


async def add_attempt(
    conn: asyncpg.Connection, scope: PatientScope, task_id: UUID, data: AttemptIn
) -> Task:
    check_text(data)
    who, patient_id = scope.who, scope.patient_id
    if data.attempted_at > datetime.now(UTC):
        raise Invalid.field("attempted_at", "an attempt is recorded once it has been made, "
                                            "not ahead of time")
    async with conn.transaction():
        await _lock_open(conn, scope, task_id)
        await conn.execute(SQL["add_attempt"], task_id, patient_id, who.site_id,
                           data.attempted_at, data.method, data.outcome, data.note, who.user_id)
        return await _one(conn, scope, task_id)


async def close(
    conn: asyncpg.Connection, scope: PatientScope, task_id: UUID, data: CloseIn
) -> Task:
    check_text(data)
    who, patient_id = scope.who, scope.patient_id
    if data.decision == "attended_after_all":
        raise Invalid.field("decision", "is set by marking the session attended; choose "
                                        "rebooked, discharged_with_plan or escalated")
    async with conn.transaction():
        await _lock_open(conn, scope, task_id)
        await conn.execute(SQL["close"], task_id, patient_id, data.decision, data.note,
                           who.user_id)
        return await _one(conn, scope, task_id)
