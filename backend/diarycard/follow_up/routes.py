"""Assertive follow-up: a missed session's task, its attempts and its decision."""

from __future__ import annotations

from uuid import UUID

from litestar import get, post
from litestar.params import FromPath, JSONBody

from diarycard.auth.access import as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.entries.checks import DiaryRequest
from diarycard.follow_up import store
from diarycard.follow_up.models import AttemptIn, CaseloadTask, CloseIn, Task

TAGS = ["follow-up"]
TASK = "/patients/{patient_id:uuid}/follow-ups/{task_id:uuid}"


@get("/follow-ups", tags=TAGS)
async def follow_ups_mine(conn: Conn, principal: CurrentUser) -> list[CaseloadTask]:
    """Open follow-up tasks across the signed-in clinician's caseload, oldest first."""
    return await store.my_open_tasks(conn, principal)


@get("/patients/{patient_id:uuid}/follow-ups", tags=TAGS)
async def follow_ups_list(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> list[Task]:
    """The patient's follow-up tasks, open first, with every attempt."""
    return await as_clinician(conn, principal, patient_id, "follow_up.list", "",
                              lambda scope: store.tasks(conn, scope))


@post(f"{TASK}/attempts", tags=TAGS, request_class=DiaryRequest)
async def follow_ups_attempt(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], task_id: FromPath[UUID],
    data: JSONBody[AttemptIn],
) -> Task:
    """Record an attempt to reach the patient: when, how and what happened."""
    return await as_clinician(
        conn, principal, patient_id, "follow_up.attempt", str(task_id),
        lambda scope: store.add_attempt(conn, scope, task_id, data))


@post(f"{TASK}/close", tags=TAGS, request_class=DiaryRequest)
async def follow_ups_close(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], task_id: FromPath[UUID],
    data: JSONBody[CloseIn],
) -> Task:
    """Close the task with a decision: rebooked, discharged with a plan, or escalated."""
    return await as_clinician(
        conn, principal, patient_id, "follow_up.close", str(task_id),
        lambda scope: store.close(conn, scope, task_id, data))


routes = [follow_ups_mine, follow_ups_list, follow_ups_attempt, follow_ups_close]
