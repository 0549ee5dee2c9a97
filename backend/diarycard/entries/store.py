"""The diary's storage API. Every function takes a `PatientScope` (see `auth.access`):
writes the patient's own, reads either theirs or an assigned clinician's (audited), so the
clinician review reuses them:

    get_entry(conn, scope, entry_id)        -> Entry           (NotFound if not theirs)
    list_entries(conn, scope, EntryQuery)   -> EntryPage       (newest first)
    list_revisions(conn, scope, entry_id)   -> list[EntryRevision] (newest first)
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

import asyncpg
import msgspec

from diarycard.auth.access import PatientScope
from diarycard.auth.principal import SessionClaim
from diarycard.entries import sync
from diarycard.entries.checks import check_entry
from diarycard.entries.models import Entry, EntryPage, EntryPut, EntryQuery, EntryRevision
from diarycard.entries.rows import make_cursor, read_cursor, to_entry
from diarycard.entries.sync import SQL, Outcome
from diarycard.errors import Invalid, NotFound
from diarycard.web.body import decode_json


def entry_change(entry_id: UUID, body: bytes) -> sync.Change:
    """A PUT's body as a checked change, or Invalid naming the field."""
    entry = decode_json(body, EntryPut)
    if entry.id is not None and entry.id != entry_id:
        raise Invalid.field("id", "must match the id in the address")
    check_entry(entry, datetime.now(UTC))
    return sync.upsert(entry_id, entry, entry.base_version)


async def put_entry(
    conn: asyncpg.Connection, claim: SessionClaim, change: sync.Change, per_hour: int
) -> Outcome:
    """Create, replay or edit one entry of the patient whose session `claim` names: a
    batch of one, through the sync's write. Raises the error the batch would report for
    it; `outcome.kind` tells created from the rest."""
    return _one(await sync.apply(conn, claim, [change], per_hour), change.id)


async def delete_entry(
    conn: asyncpg.Connection, claim: SessionClaim, entry_id: UUID, base_version: int | None
) -> None:
    """Soft-delete one of the patient's entries (its history stays). Deleting again is
    fine; a stale base_version is PreconditionFailed."""
    _one(await sync.apply(conn, claim, [sync.delete(entry_id, base_version)], 0), entry_id)


def _one(outcomes: dict[UUID, Outcome], entry_id: UUID) -> Outcome:
    outcome = outcomes[entry_id]
    if outcome.error is not None:
        raise outcome.error
    return outcome


async def get_entry(
    conn: asyncpg.Connection, scope: PatientScope, entry_id: UUID, withdrawn: bool = False
) -> Entry:
    """One live entry of the patient, or NotFound. `withdrawn`: include one the patient
    has withdrawn (for the care team, who see it marked)."""
    row = await conn.fetchrow(SQL["get_entry"], scope.patient_id, entry_id, withdrawn)
    if row is None:
        raise NotFound()
    return to_entry(row)


async def list_entries(
    conn: asyncpg.Connection, scope: PatientScope, query: EntryQuery, withdrawn: bool = False
) -> EntryPage:
    """A page of the patient's live entries, newest occurred_at first, filtered by
    `from_` <= occurred_at < `to` and category. Pass `next_cursor` back for the next."""
    after: tuple[datetime | None, UUID | None] = (None, None)
    if query.cursor:
        after = read_cursor(query.cursor)
    rows = await conn.fetch(
        SQL["list_entries"], scope.patient_id, query.from_, query.to, query.category,
        after[0], after[1], query.limit + 1, withdrawn,
    )
    items = [to_entry(row) for row in rows[: query.limit]]
    more = len(rows) > query.limit
    return EntryPage(items, make_cursor(items[-1]) if more else None)


async def list_revisions(
    conn: asyncpg.Connection, scope: PatientScope, entry_id: UUID
) -> list[EntryRevision]:
    """Earlier versions of one of the patient's entries (deleted ones too), newest
    first: what it said until each change. NotFound if the entry is not theirs."""
    if await conn.fetchval(SQL["entry_exists"], scope.patient_id, entry_id) is None:
        raise NotFound()
    rows = await conn.fetch(SQL["list_revisions"], scope.patient_id, entry_id)
    return [
        EntryRevision(row["version"], row["replaced_at"], to_entry(_snapshot(row["snapshot"])))
        for row in rows
    ]


def _snapshot(value: str | dict[str, object]) -> dict[str, object]:
    return msgspec.json.decode(value) if isinstance(value, str) else value



async def withdraw_entry(conn: asyncpg.Connection, own: PatientScope, entry_id: UUID) -> None:
    """Take one of the patient's own entries out of their diary: gone from their views at
    once; their care team still sees it, marked withdrawn, and it stays in the record (and
    the caseload's counts) as the clinical record requires. NotFound if not theirs."""
    own.who.require("patient")
    if await conn.fetchval(SQL["withdraw_entry"], own.patient_id, entry_id) is None:
        if await conn.fetchval(SQL["get_entry"], own.patient_id, entry_id, True) is None:
            raise NotFound()
