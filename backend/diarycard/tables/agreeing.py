"""Agreeing the personal table (the shared agreement module does the agreeing): either side
proposes a whole new table as the shared draft; only a draft both sides have agreed becomes
the next current table, so the table never changes on one side's word (hazard H-035).
Every function takes the `PatientScope` that proves access (the patient's own, or a
clinician's through `open_patient`).
"""

from __future__ import annotations

from pathlib import Path

import asyncpg
import msgspec

from diarycard.agreement import store as agreement
from diarycard.agreement.models import AgreeIn
from diarycard.agreement.store import Side
from diarycard.auth.access import PatientScope
from diarycard.db.queries import load_queries
from diarycard.tables.diff import describe
from diarycard.tables.models import (
    Table,
    TableAgreement,
    TableDraft,
    TableDraftIn,
    TableRow,
    TableVersion,
)
from diarycard.tables.store import check_rows, get_table, get_template
from diarycard.tools.versioning import request_hash

KIND = "table"
HISTORY = 50
SQL = load_queries(Path(__file__).with_name("queries.sql"))
_ROWS = msgspec.json.Decoder(list[TableRow])


async def draft(conn: asyncpg.Connection, scope: PatientScope) -> TableDraft:
    stored = await agreement.draft(conn, KIND, scope)
    current = await get_table(conn, scope)
    rows = _ROWS.decode(stored.body) if stored.body else current.rows
    waiting = bool(stored.version) and not (stored.patient_agreed and stored.clinician_agreed)
    return TableDraft(stored.version, rows, stored.updated_at, stored.updated_by_name,
                      stored.patient_agreed, stored.clinician_agreed, waiting,
                      describe(current.rows, rows) if waiting else [])


async def save_draft(
    conn: asyncpg.Connection, scope: PatientScope, data: TableDraftIn
) -> TableDraft:
    """Propose `data.rows` as the draft (412 when the draft moved on since `base_version`).
    Rows of the current table may be retired, never removed."""
    async with conn.transaction():
        current = await get_table(conn, scope)
        check_rows(data.rows, current.rows if current.version else None)
        await agreement.save_draft(conn, KIND, scope, data.base_version,
                                   msgspec.json.encode(data.rows).decode(), request_hash(data))
        return await draft(conn, scope)


async def agree(
    conn: asyncpg.Connection, side: Side, scope: PatientScope, data: AgreeIn
) -> TableAgreement:
    """`side` agrees draft `data.draft_version`; when both have, it is the current table."""
    async with conn.transaction():
        current = await get_table(conn, scope)
        keep = current.rows if current.version else None
        _, done = await agreement.agree(
            conn, KIND, side, scope, data.draft_version,
            lambda body: check_rows(_ROWS.decode(body), keep), "table")
        table: Table | None = None
        if done is not None:
            await conn.execute(SQL["adopt_agreed"], scope.patient_id, done.version)
            table = await get_table(conn, scope)
        return TableAgreement(await draft(conn, scope), table)


async def history(conn: asyncpg.Connection, scope: PatientScope) -> list[TableVersion]:
    """Every version that was current, newest first, each with what it changed."""
    rows = await conn.fetch(SQL["history"], scope.patient_id, HISTORY + 1)
    tables = [_ROWS.decode(r["rows"]) for r in rows]
    start = (await get_template(conn, scope.site_id)).rows
    found: list[TableVersion] = []
    for i, r in enumerate(rows[:HISTORY]):
        before = tables[i + 1] if i + 1 < len(tables) else start
        agreed = r["clinician_name"] is not None
        found.append(TableVersion(
            r["version"], r["updated_at"], tables[i], describe(before, tables[i]),
            r["proposed_by_name"] if agreed else r["saved_by"], agreed,
            r["patient_agreed_at"], r["clinician_name"], r["clinician_agreed_at"]))
    return found
