"""Tools reviewed together. Functions take the `PatientScope` of a clinician who passed the
care-team check and audit (`auth.access.as_clinician`)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from uuid import UUID

import asyncpg

from diarycard.auth.access import PatientScope
from diarycard.db.queries import load_queries
from diarycard.errors import NotFound, PreconditionFailed
from diarycard.together.models import Reviewed, ReviewedIn, SessionRecord, SessionTools
from diarycard.tools.text import check_text

SQL = load_queries(Path(__file__).with_name("queries.sql"))


def _record(row: Any) -> SessionRecord:
    reviewed = None if row["reviewed_at"] is None else Reviewed(
        row["record_version"], row["clinician_name"], row["note"], row["reviewed_at"])
    return SessionRecord(
        id=row["id"], kind=row["kind"], status=row["status"], version=row["version"],
        updated_at=row["updated_at"], fields=json.loads(row["body"]), reviewed=reviewed,
        changed_since_reviewed=reviewed is not None and reviewed.version != row["version"])


async def session_tools(conn: asyncpg.Connection, scope: PatientScope) -> SessionTools:
    patient_id = scope.patient_id
    since = await conn.fetchval(SQL["last_session"], patient_id)
    rows = [_record(r) for r in await conn.fetch(SQL["records"], patient_id, since)]
    return SessionTools(since, [r for r in rows if r.kind == "problem_solving"],
                        [r for r in rows if r.kind == "checking_it_out"])


async def mark_reviewed(
    conn: asyncpg.Connection, scope: PatientScope, record_id: UUID, data: ReviewedIn
) -> SessionTools:
    check_text(data)
    patient_id = scope.patient_id
    done = await conn.fetchval(SQL["mark"], record_id, patient_id, data.version, data.note,
                               scope.who.user_id)
    if done is None:
        if await conn.fetchval(SQL["exists"], record_id, patient_id):
            raise PreconditionFailed("The patient changed this since you read it. Please "
                                     "read it again, then mark it reviewed.")
        raise NotFound()
    return await session_tools(conn, scope)
