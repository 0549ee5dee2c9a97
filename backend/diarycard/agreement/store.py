"""Documents the patient and clinician agree together (the discharge plan; the personal
table's agreement can use it too): one shared draft per kind and patient, each side
agrees a draft version, and when both have agreed the same version it is fixed as the next
agreed version. Nothing changes an agreed version; a change is a new draft to agree.

The crisis plan (crisis/store.py) follows the same pattern on its own tables from before
this module; its readiness rules are its own. Here the feature passes its body already
encoded and a `ready` check run on the draft just before an agreement is recorded.

Every function takes the `PatientScope` that proves access (the patient's own, or a
clinician's through `auth.access.open_patient`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any, Literal

import asyncpg
import msgspec

from diarycard.auth.access import PatientScope
from diarycard.db.queries import load_queries
from diarycard.errors import NotFound, PreconditionFailed
from diarycard.tools.versioning import Step, decide

SQL = load_queries(Path(__file__).with_name("queries.sql"))
Side = Literal["patient", "clinician"]


class StoredDraft(msgspec.Struct):
    """The shared draft; version 0 and body None when nothing is saved yet."""

    version: int
    body: str | None
    updated_at: datetime | None
    updated_by_name: str | None
    patient_agreed: bool
    clinician_agreed: bool
    agreed_version: int | None


class StoredVersion(msgspec.Struct):
    version: int
    body: str
    agreed_at: datetime
    patient_agreed_at: datetime
    clinician_name: str
    clinician_agreed_at: datetime
    proposed_by_name: str


def _version(row: Any) -> StoredVersion:
    return msgspec.convert(dict(row), StoredVersion)


async def draft(conn: asyncpg.Connection, kind: str, scope: PatientScope) -> StoredDraft:
    row = await conn.fetchrow(SQL["draft"], kind, scope.patient_id)
    if row is None:
        latest = await versions(conn, kind, scope, limit=1)
        return StoredDraft(0, None, None, None, False, False,
                           latest[0].version if latest else None)
    return StoredDraft(
        version=row["version"], body=row["body"], updated_at=row["updated_at"],
        updated_by_name=row["updated_by_name"], patient_agreed=bool(row["patient_agreed"]),
        clinician_agreed=bool(row["clinician_agreed"]), agreed_version=row["agreed_version"])


async def versions(
    conn: asyncpg.Connection, kind: str, scope: PatientScope, limit: int = 100
) -> list[StoredVersion]:
    rows = await conn.fetch(SQL["versions"], kind, scope.patient_id, limit)
    return [_version(r) for r in rows]


async def save_draft(
    conn: asyncpg.Connection, kind: str, scope: PatientScope, base_version: int, body: str,
    digest: bytes,
) -> StoredDraft:
    """Apply a change based on `base_version` (412 when the draft moved on since)."""
    who, patient_id = scope.who, scope.patient_id
    async with conn.transaction():
        for _ in range(2):  # a second pass only when another first save won the race
            row = await conn.fetchrow(SQL["lock_draft"], kind, patient_id)
            step = decide(row["version"] if row else None, row["request_hash"] if row else None,
                          base_version, digest)
            if step is Step.CREATE:
                if await conn.fetchval(SQL["create_draft"], kind, patient_id, scope.site_id, body,
                                       digest, who.user_id) is None:
                    continue
            elif step is Step.UPDATE:
                await conn.execute(SQL["update_draft"], kind, patient_id, body, digest,
                                   who.user_id)
            return await draft(conn, kind, scope)
    raise PreconditionFailed()


async def agree(
    conn: asyncpg.Connection, kind: str, side: Side, scope: PatientScope, draft_version: int,
    ready: Callable[[str], None], what: str,
) -> tuple[StoredDraft, StoredVersion | None]:
    """`side` agrees draft `draft_version`; when both sides have agreed the same version it
    becomes the next agreed version. Agreeing again is harmless. `ready(body)` raises
    `Invalid` when the draft is not yet complete enough to agree."""
    who, patient_id = scope.who, scope.patient_id
    async with conn.transaction():
        if await conn.fetchrow(SQL["lock_draft"], kind, patient_id) is None:
            raise NotFound(f"There is no draft {what} to agree yet.")
        done = await conn.fetchrow(SQL["version_of_draft"], kind, patient_id, draft_version)
        if done is None:
            current = await draft(conn, kind, scope)
            if current.version != draft_version or current.body is None:
                raise PreconditionFailed(
                    "The draft was changed since you read it. Please read it again, then agree.")
            ready(current.body)
            if side == "patient":
                await conn.execute(SQL["mark_patient_agreed"], kind, patient_id)
            else:
                await conn.execute(SQL["mark_clinician_agreed"], kind, patient_id, who.user_id)
            await conn.execute(SQL["agree_if_both"], kind, patient_id)
            done = await conn.fetchrow(SQL["version_of_draft"], kind, patient_id, draft_version)
        return (await draft(conn, kind, scope),
                _version(done) if done is not None else None)
