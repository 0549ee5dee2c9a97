"""Exports, each audited in the same transaction as its read: a patient's diary for their
care team (CSV or FHIR), and a patient's own copy of everything we hold (JSON or CSV).
Both take the `PatientScope` that proves access (`as_clinician`'s, or the patient's own)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import asyncpg
import msgspec

from diarycard.audit.store import record
from diarycard.auth.access import PatientScope
from diarycard.db.queries import load_queries
from diarycard.entries.models import Entry
from diarycard.entries.rows import to_entry
from diarycard.exports import fhir
from diarycard.exports.models import (
    Account,
    ClinicianFormat,
    HeldEntry,
    HeldRevision,
    MyExport,
    PatientFormat,
)
from diarycard.exports.spreadsheet import entries_csv

SQL = load_queries(Path(__file__).with_name("queries.sql"))


async def patient_export(
    conn: asyncpg.Connection, scope: PatientScope, fmt: ClinicianFormat, base_url: str
) -> bytes:
    """The patient's live diary for their care team, as CSV or a FHIR R4 Bundle."""
    name = await conn.fetchval(SQL["patient_name"], scope.patient_id)
    rows = await conn.fetch(SQL["entries"], scope.patient_id, False)
    entries = [to_entry(r) for r in rows]
    if fmt == "csv":
        return entries_csv(entries)
    return msgspec.json.encode(fhir.bundle(entries, scope, name, base_url))


def _json_list(value: str) -> list[dict[str, Any]]:
    return msgspec.json.decode(value, type=list[dict[str, Any]])


async def my_export(conn: asyncpg.Connection, own: PatientScope, fmt: PatientFormat) -> bytes:
    """Everything we hold about the signed-in patient (JSON), or their diary (CSV)."""
    patient_id = own.patient_id
    async with conn.transaction():
        await record(conn, own.who, patient_id, f"export.own.{fmt}")
        rows = await conn.fetch(SQL["entries"], patient_id, fmt == "json")
        if fmt == "csv":
            return entries_csv(to_entry(r) for r in rows if r["deleted_at"] is None)
        account = await conn.fetchrow(SQL["account"], patient_id)
        revisions = await conn.fetch(SQL["revisions"], patient_id)
        held = await conn.fetchrow(SQL["held"], patient_id)
    export = MyExport(
        exported_at=datetime.now(UTC),
        account=msgspec.convert(dict(account), Account),
        entries=[_held(r) for r in rows],
        revisions=[_revision(r) for r in revisions],
        personal_table=_json_list(held["personal_table"]),
        crisis_plans=_json_list(held["crisis_plans"]),
        tools=_json_list(held["tools"]),
        appointments=_json_list(held["appointments"]),
        access_log=_json_list(held["access_log"]),
    )
    return msgspec.json.encode(export)


def _held(row: asyncpg.Record) -> HeldEntry:
    entry: Entry = to_entry(row)
    return HeldEntry(**msgspec.structs.asdict(entry), deleted_at=row["deleted_at"])


def _revision(row: asyncpg.Record) -> HeldRevision:
    snapshot = row["snapshot"]
    data = msgspec.json.decode(snapshot) if isinstance(snapshot, str) else snapshot
    return HeldRevision(row["entry_id"], row["version"], row["replaced_at"], to_entry(data))
