"""Worksheets and goals in `tool_records`: the patient's own records, written offline with
a client-made id and the version they were based on (see `versioning.py`).

A tool describes its wire shapes: the input Struct carries `base_version` and `status`
and the tool's fields; the output Struct has the same fields plus `id`, `version`,
`created_at`, `updated_at` and, for goals, `agreed_by` and `agreed_at`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal, TypeVar
from uuid import UUID

import asyncpg
import msgspec

from diarycard.auth.access import PatientScope
from diarycard.db.queries import load_queries
from diarycard.errors import NotFound, PreconditionFailed
from diarycard.tools.text import check_text
from diarycard.tools.versioning import Step, decide, request_hash

SQL = load_queries(Path(__file__).with_name("queries.sql"))
Kind = Literal["problem_solving", "checking_it_out", "goal", "chain_analysis"]
Out = TypeVar("Out", bound=msgspec.Struct)
_NOT_BODY = ("base_version", "status")


def _out(row: Any, out: type[Out]) -> Out:
    fields = json.loads(row["body"])
    fields.update(
        id=row["id"], status=row["status"], version=row["version"],
        created_at=row["created_at"], updated_at=row["updated_at"],
    )
    if "agreed_by" in out.__struct_fields__:
        fields.update(agreed_by=row["agreed_name"], agreed_at=row["agreed_at"])
    # Stored bodies passed the input Struct's limits; an older body lacking a newer field
    # takes the output Struct's default.
    return msgspec.convert(fields, out)


async def save(
    conn: asyncpg.Connection, scope: PatientScope, kind: Kind, record_id: UUID,
    data: Any, out: type[Out], agreed_fields: tuple[str, ...] = (),
) -> Out:
    """Create or change the patient's record `record_id`: the patient's own, or a
    clinician's writing with them (chain analyses). `agreed_fields`: a change to any of
    them undoes the clinician's agreement."""
    patient_id = scope.patient_id
    check_text(data)
    digest = request_hash(data)
    body = {k: v for k, v in msgspec.to_builtins(data).items() if k not in _NOT_BODY}
    encoded = msgspec.json.encode(body).decode()
    async with conn.transaction():
        for _ in range(2):  # a second pass only when the id was taken at the same moment
            row = await conn.fetchrow(SQL["lock"], record_id, patient_id, kind)
            step = decide(row["version"] if row else None, row["request_hash"] if row else None,
                          data.base_version, digest)
            if step is Step.CREATE:
                if await conn.fetchval(SQL["create"], record_id, patient_id, scope.site_id, kind,
                                       data.status, encoded, digest) is None:
                    continue
            elif step is Step.UPDATE:
                old = json.loads(row["body"])
                keep = all(old.get(f) == body.get(f) for f in agreed_fields)
                await conn.execute(SQL["update"], record_id, patient_id, data.status, encoded,
                                   digest, keep)
            return await one(conn, scope, kind, record_id, out)
    raise NotFound()


async def one(
    conn: asyncpg.Connection, scope: PatientScope, kind: Kind, record_id: UUID, out: type[Out]
) -> Out:
    row = await conn.fetchrow(SQL["one"], record_id, scope.patient_id, kind)
    if row is None:
        raise NotFound()
    return _out(row, out)


async def every(
    conn: asyncpg.Connection, scope: PatientScope, kind: Kind, out: type[Out],
    status: str | None = None,
) -> list[Out]:
    """Up to 200 records, open ones first, then the most recently changed."""
    rows = await conn.fetch(SQL["all"], scope.patient_id, kind, status)
    return [_out(row, out) for row in rows]


async def agree(
    conn: asyncpg.Connection, scope: PatientScope, kind: Kind, record_id: UUID,
    version: int, out: type[Out],
) -> Out:
    """The clinician agrees version `version` of the record (412 if it has moved on)."""
    if await conn.fetchval(SQL["agree"], record_id, scope.patient_id, kind, version,
                           scope.who.user_id) is None:
        await one(conn, scope, kind, record_id, out)  # NotFound when missing
        raise PreconditionFailed("This was changed since you read it. Please read it again.")
    return await one(conn, scope, kind, record_id, out)
