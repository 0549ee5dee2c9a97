"""Applying a batch of queued changes, set-based: one INSERT for every upsert, then, only
for the ids that already existed, one locked SELECT, one UPDATE for the edits and one for
the deletes. A single-entry PUT or DELETE is a batch of one, so both answer alike.

Each operation gets its own outcome; one bad or conflicting operation does not sink the
others. The outcome for an id that belongs to someone else is NotFound, exactly as for an
id that does not exist.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal
from uuid import UUID

import asyncpg
from litestar.exceptions import ClientException

from diarycard.auth.access import PatientScope, own_scope
from diarycard.auth.principal import SessionClaim, prove, proven
from diarycard.auth.stepup import seconds_to_next_hour
from diarycard.db.queries import load_queries
from diarycard.entries.checks import body_hash
from diarycard.entries.models import Entry, EntryIn
from diarycard.entries.rows import records_json, to_entry, to_record
from diarycard.errors import (
    Conflict,
    DiaryError,
    Invalid,
    NotFound,
    PreconditionFailed,
    TooMany,
)

SQL = load_queries(Path(__file__).with_name("queries.sql"))
log = logging.getLogger("diarycard.security")

Kind = Literal["created", "unchanged", "edited", "deleted"]


@dataclass
class Change:
    """One checked operation: an upsert carries `entry`; a delete does not."""

    id: UUID
    entry: EntryIn | None = None
    base_version: int | None = None
    digest: bytes = b""


@dataclass
class Outcome:
    id: UUID
    kind: Kind | None = None
    entry: Entry | None = None
    error: DiaryError | None = None


@dataclass
class _Plan:
    edits: list[Change] = field(default_factory=list)
    deletes: list[UUID] = field(default_factory=list)


def upsert(entry_id: UUID, entry: EntryIn, base_version: int | None) -> Change:
    return Change(entry_id, entry, base_version, body_hash(entry))


def delete(entry_id: UUID, base_version: int | None) -> Change:
    return Change(entry_id, None, base_version)


async def apply(
    conn: asyncpg.Connection, claim: SessionClaim, changes: Sequence[Change], per_hour: int
) -> dict[UUID, Outcome]:
    """Apply `changes` (ids already unique) for the patient whose session `claim` names,
    who may create `per_hour` entries an hour (TooMany, nothing applied, if these could
    pass it; a batch of deletes only is never refused). The write proves the claim in its
    own round trip (Unauthenticated or Forbidden, nothing applied, when it fails)."""
    outcomes: dict[UUID, Outcome] = {}
    upserts = [c for c in changes if c.entry is not None]
    # Autocommit: one atomic statement, and the common case (new entries) needs no
    # transaction round trips at all. With no upserts it only proves the session.
    rows = await _write(conn, claim, upserts, per_hour, [])
    own = own_scope(proven(rows[0], claim))
    if rows[0]["refused"]:
        raise TooMany(await seconds_to_next_hour(conn), QUOTA_WORDS)
    for row in rows:
        if row["id"] is not None:
            outcomes[row["id"]] = Outcome(row["id"], "created", to_entry(row))
    pending = [c for c in changes if c.id not in outcomes]
    if pending:
        async with conn.transaction():
            await _settle(conn, own, claim, pending, outcomes)
    return outcomes


@asynccontextmanager
async def who_first(conn: asyncpg.Connection, claim: SessionClaim) -> AsyncIterator[None]:
    """For reading and checking a write's body: an error about it is raised only after
    proving who sent it, as every other route does, so 401 and 403 come before 400 and
    422 although the write never ran."""
    try:
        yield
    except (Invalid, ClientException):
        own_scope(await prove(conn, claim))
        raise


# Phones keep what is refused in their outbox and send it when the next hour starts.
QUOTA_WORDS = ("That is more diary entries in an hour than we can take. They are kept on "
               "your phone and will be sent later.")


async def _write(
    conn: asyncpg.Connection, claim: SessionClaim, upserts: list[Change], per_hour: int,
    edits: list[UUID],
) -> list[asyncpg.Record]:
    records = [to_record(c.id, c.entry, c.digest) for c in upserts if c.entry is not None]
    rows: list[asyncpg.Record] = await conn.fetch(
        SQL["write_entries"], *claim.params, records_json(records), per_hour, edits)
    return rows


async def _settle(
    conn: asyncpg.Connection, own: PatientScope, claim: SessionClaim, pending: list[Change],
    outcomes: dict[UUID, Outcome],
) -> None:
    rows = await conn.fetch(SQL["lock_entries"], own.patient_id, [c.id for c in pending])
    stored = {row["id"]: row for row in rows}
    foreign = [c.id for c in pending if c.entry is not None and c.id not in stored]
    if foreign:
        # The insert found these ids taken, and not by this patient: someone else's entry.
        # The answer is a plain 404; the attempt is a security event. Logs name nobody but
        # the actor (by opaque id): how many, not which entries.
        log.warning("entry ids of another patient", extra={
            "actor": str(own.who.user_id), "count": len(foreign)})
    plan = _Plan()
    for change in pending:
        outcomes[change.id] = _decide(change, stored.get(change.id), plan)
    if plan.edits:
        edits = [c.id for c in plan.edits]
        for row in await _write(conn, claim, plan.edits, 0, edits):
            if row["id"] is not None:
                outcomes[row["id"]] = Outcome(row["id"], "edited", to_entry(row))
    if plan.deletes:
        await conn.execute(SQL["delete_entries"], own.patient_id, plan.deletes)


def _decide(change: Change, row: Any, plan: _Plan) -> Outcome:
    """What an operation on an existing row (or none: not this patient's) comes to."""
    if row is None:
        return Outcome(change.id, error=NotFound())
    stale = change.base_version is not None and change.base_version != row["version"]
    if change.entry is None:  # delete
        if row["deleted_at"] is not None:
            return Outcome(change.id, "deleted")  # a replayed delete
        if stale:
            return Outcome(change.id, error=PreconditionFailed())
        plan.deletes.append(change.id)
        return Outcome(change.id, "deleted")
    if row["deleted_at"] is not None:
        return Outcome(change.id, error=Conflict("That entry has been deleted."))
    if row["body_hash"] == change.digest:
        return Outcome(change.id, "unchanged", to_entry(row))  # a replay: same answer
    if change.base_version is None:
        return Outcome(change.id, error=Conflict(
            "An entry with this id already holds different words. To change it, send the "
            "version your change is based on (base_version)."
        ))
    if stale:
        return Outcome(change.id, error=PreconditionFailed(
            "This entry was changed somewhere else since this copy was made."
        ))
    plan.edits.append(change)
    return Outcome(change.id)  # filled in by the update
