"""Study exports as background jobs, for studies too large to export inside a request.

`GET /studies/{id}/export?format=` answers a small study at once (at most INLINE_MAX
participants) and otherwise starts a job and answers 202 with its Location, as does
`POST /studies/{id}/exports` always. The job (pgqueuer entrypoint EXPORT, run by
`diarycard worker` or the worker inside `serve`) streams the export through a cursor into
chunks of about CHUNK bytes in `study_export_chunks`, in one transaction; the researcher
polls `GET /studies/{id}/exports/{export_id}` and then downloads `.../file`, which streams
the chunks back a few at a time. Starting one is audited as any export is.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any, Literal
from uuid import UUID

import asyncpg
import msgspec
from pgqueuer import AsyncpgDriver, Queries

from diarycard.audit.store import record
from diarycard.auth.principal import Principal
from diarycard.db.pool import connection
from diarycard.errors import NotFound
from diarycard.outcomes.store import london_today
from diarycard.studies import export
from diarycard.studies.models import ExportJob, Study
from diarycard.studies.reports import export_of
from diarycard.studies.store import SQL, study

EXPORT = "study_export"
INLINE_MAX = 1000
CHUNK = 256 * 1024
Format = Literal["csv", "fhir"]


def _job(row: Any) -> ExportJob:
    done = row["state"] == "done"
    link = f"/api/v1/studies/{row['study_id']}/exports/{row['id']}/file" if done else None
    return msgspec.convert({**dict(row), "download": link}, ExportJob)


async def start(conn: asyncpg.Connection, who: Principal, study_id: UUID,
                fmt: Format) -> ExportJob:
    """Queue an export of the study (audited); the job commits with the row or not at all."""
    async with conn.transaction():
        await study(conn, who, study_id)
        export_id = await conn.fetchval(SQL["export_create"], study_id, who.site_id,
                                        who.user_id, fmt)
        await record(conn, who, None, f"study.export.{fmt}", f"{study_id}:{export_id}")
        await Queries(AsyncpgDriver(conn)).enqueue(EXPORT, str(export_id).encode(), 0)
        return _job(await conn.fetchrow(SQL["export_one"], export_id, study_id, who.site_id))


async def export_or_start(conn: asyncpg.Connection, who: Principal, study_id: UUID,
                          fmt: Format) -> bytes | ExportJob:
    await study(conn, who, study_id)
    if await conn.fetchval(SQL["participant_count"], study_id) <= INLINE_MAX:
        return await export_of(conn, who, study_id, fmt)
    return await start(conn, who, study_id, fmt)


async def status(conn: asyncpg.Connection, who: Principal, study_id: UUID,
                 export_id: UUID) -> ExportJob:
    await study(conn, who, study_id)
    row = await conn.fetchrow(SQL["export_one"], export_id, study_id, who.site_id)
    if row is None:
        raise NotFound()
    return _job(row)


async def chunks(pool: Any, timeout: float, export_id: UUID) -> AsyncIterator[bytes]:
    """The stored export, a few chunks per query, on a connection of its own (the
    request's is given back before a streamed body is sent)."""
    seq = 0
    while True:
        async with connection(pool, timeout) as conn:
            rows = await conn.fetch(SQL["export_chunks"], export_id, seq, 8)
        for r in rows:
            yield r["data"]
        if len(rows) < 8:
            return
        seq += len(rows)


async def run(conn: asyncpg.Connection, export_id: UUID) -> None:
    """The job: build the export into chunks, in one transaction, as of one snapshot."""
    try:
        async with conn.transaction(isolation="repeatable_read"):
            job = await conn.fetchrow(SQL["export_claim"], export_id)
            if job is None:
                return  # done already, or taken by another worker
            found = msgspec.convert(dict(await conn.fetchrow(
                SQL["visible"], job["study_id"], job["site_id"])), Study)
            buffer = bytearray()
            seq = size = 0

            async def write(data: bytes) -> None:
                nonlocal seq, size
                buffer.extend(data)
                size += len(data)
                if len(buffer) >= CHUNK:
                    await conn.execute(SQL["export_chunk"], export_id, seq, bytes(buffer))
                    seq += 1
                    buffer.clear()

            rows = await export.stream(conn, found, job["format"], london_today(), write)
            if buffer:
                await conn.execute(SQL["export_chunk"], export_id, seq, bytes(buffer))
            await conn.execute(SQL["export_done"], export_id, rows, size)
            await conn.execute(SQL["export_prune"])
    except Exception:
        await conn.execute(SQL["export_failed"], export_id)
        raise
