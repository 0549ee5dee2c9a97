"""Personal impulsivity tables and the site's template. Every version is kept (who,
when); a patient's table changes only when both sides agree a draft (tables/agreeing.py),
and a site template save based on an older version is PreconditionFailed, never an
overwrite. Entries copy the words they were made with, so no change alters a past entry.
"""

from __future__ import annotations

from pathlib import Path
from uuid import UUID

import asyncpg
import msgspec

from diarycard.auth.access import PatientScope
from diarycard.auth.principal import Principal
from diarycard.db.queries import load_queries
from diarycard.entries.checks import text_errors
from diarycard.errors import FieldError, Invalid, PreconditionFailed
from diarycard.tables.models import Table, TableIn, TableRow
from diarycard.tables.template import DEFAULT_ROWS

SQL = load_queries(Path(__file__).with_name("queries.sql"))
_ROWS = msgspec.json.Decoder(list[TableRow])


def _table(row: asyncpg.Record) -> Table:
    return Table(row["version"], row["updated_at"], _ROWS.decode(row["rows"]), row["updated_by"])


async def get_template(conn: asyncpg.Connection, site_id: UUID) -> Table:
    """The site's current template; version 0 is the built-in one."""
    row = await conn.fetchrow(SQL["current_template"], site_id)
    return _table(row) if row else Table(0, None, list(DEFAULT_ROWS))


async def get_table(conn: asyncpg.Connection, scope: PatientScope) -> Table:
    """The patient's current (agreed) table; the site template as version 0 while they
    have none of their own."""
    row = await conn.fetchrow(SQL["current_table"], scope.patient_id)
    if row:
        return _table(row)
    template = await get_template(conn, scope.site_id)
    return Table(0, None, template.rows)


def check_rows(rows: list[TableRow], keep: list[TableRow] | None) -> None:
    found: list[FieldError] = []
    seen: set[UUID] = set()
    for i, row in enumerate(rows):
        if row.id in seen:
            found.append(FieldError(f"rows[{i}].id", "must not repeat"))
        seen.add(row.id)
        for name in ("emotion", "urge", "helpful_response"):
            found += text_errors(f"rows[{i}].{name}", getattr(row, name))
        for j, indicator in enumerate(row.indicators):
            found += text_errors(f"rows[{i}].indicators[{j}]", indicator)
    missing = [str(row.id) for row in keep or [] if row.id not in seen]
    if missing:
        found.append(FieldError("rows", "a saved row cannot be removed, only retired: "
                                + ", ".join(missing)))
    if found:
        raise Invalid(errors=found)


async def save_template(conn: asyncpg.Connection, who: Principal, data: TableIn) -> Table:
    """The site admin replaces the template for patients who have no table yet."""
    who.require("admin")
    check_rows(data.rows, None)
    try:
        row = await conn.fetchrow(
            SQL["save_template"], who.site_id, data.base_version,
            msgspec.json.encode(data.rows).decode(), who.user_id,
        )
    except asyncpg.UniqueViolationError:
        row = None
    if row is None:
        raise PreconditionFailed(
            "The template was changed since you opened it. Please reload it and try again."
        )
    return Table(row["version"], row["updated_at"], data.rows, who.display_name)
