"""POST /sync's body, one operation at a time: a bad operation gets its own 422 (naming
the field, relative to the operation) and the good ones still go through; each result
carries the status and problem body the single call would have answered."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated
from uuid import UUID

import asyncpg
import msgspec
from msgspec import Meta

from diarycard.auth.principal import SessionClaim
from diarycard.entries import sync
from diarycard.entries.checks import entry_errors
from diarycard.entries.models import MAX_BATCH, Problem, SyncOp, SyncOut, SyncResult
from diarycard.errors import DiaryError, FieldError, Invalid
from diarycard.web import problems
from diarycard.web.body import decode_json, invalid_json

# What each successful outcome answers, in the single call and in a batch alike.
STATUS = {"created": 201, "unchanged": 200, "edited": 200, "deleted": 204}


class Envelope(msgspec.Struct, forbid_unknown_fields=True):
    operations: Annotated[list[msgspec.Raw], Meta(max_length=MAX_BATCH)]


class _IdOnly(msgspec.Struct):
    id: UUID | None = None


Parsed = sync.Change | tuple[UUID | None, Invalid]


def parse_operation(raw: msgspec.Raw, now: datetime) -> Parsed:
    """A Change, or the op's id (when readable) and why it was refused."""
    try:
        op = msgspec.json.decode(raw, type=SyncOp)
    except msgspec.ValidationError:
        return _loose_id(raw), Invalid(errors=[invalid_json(raw, SyncOp)])
    found: list[FieldError] = []
    if op.op == "upsert" and op.entry is None:
        found.append(FieldError("entry", "is required for an upsert"))
    if op.op == "delete" and op.entry is not None:
        found.append(FieldError("entry", "must be left out of a delete"))
    if op.entry is not None:
        if op.entry.id is not None and op.entry.id != op.id:
            found.append(FieldError("entry.id", "must match the operation's id"))
        found += entry_errors(op.entry, now, "entry.")
    if found:
        return op.id, Invalid(errors=found)
    if op.entry is None:
        return sync.delete(op.id, op.base_version)
    return sync.upsert(op.id, op.entry, op.base_version)


def _loose_id(raw: msgspec.Raw) -> UUID | None:
    try:
        return msgspec.json.decode(raw, type=_IdOnly).id
    except msgspec.DecodeError:
        return None


def refuse_repeats(parsed: list[Parsed]) -> None:
    """Two operations on one id in one batch have no order: refuse the batch, naming them."""
    repeated = _repeated_ids(parsed)
    if repeated:
        names = ", ".join(str(i) for i in repeated)
        raise Invalid.field("operations", f"ids must not repeat in one batch: {names}")


def _repeated_ids(parsed: list[Parsed]) -> list[UUID]:
    seen: set[UUID] = set()
    repeated: dict[UUID, None] = {}
    for item in parsed:
        entry_id = item.id if isinstance(item, sync.Change) else item[0]
        if entry_id is None:
            continue
        if entry_id in seen:
            repeated[entry_id] = None
        seen.add(entry_id)
    return list(repeated)


def parse_batch(body: bytes) -> list[Parsed]:
    """Each operation of a POST /sync body, checked on its own; Invalid only when the
    body as a whole is wrong (not an envelope, or an id twice)."""
    envelope = decode_json(body, Envelope)
    now = datetime.now(UTC)
    parsed = [parse_operation(raw, now) for raw in envelope.operations]
    refuse_repeats(parsed)
    return parsed


async def run_batch(
    conn: asyncpg.Connection, claim: SessionClaim, parsed: list[Parsed], per_hour: int
) -> SyncOut:
    changes = [i for i in parsed if isinstance(i, sync.Change)]
    outcomes = await sync.apply(conn, claim, changes, per_hour)
    results = []
    for item in parsed:
        if not isinstance(item, sync.Change):
            results.append(_refused(*item))
            continue
        outcome = outcomes[item.id]
        if outcome.error is not None or outcome.kind is None:
            results.append(_refused(item.id, outcome.error))
        else:
            results.append(SyncResult(item.id, STATUS[outcome.kind], outcome.entry))
    return SyncOut(results)


def _refused(entry_id: UUID | None, exc: DiaryError | None) -> SyncResult:
    """What the single call would answer, from the domain error itself."""
    assert exc is not None
    status, code = problems.status_of(exc)
    errors = list(exc.errors) if isinstance(exc, Invalid) else []
    return SyncResult(entry_id, status, problem=Problem(status, code, exc.detail, errors))
