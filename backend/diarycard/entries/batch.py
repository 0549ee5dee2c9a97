"""Reading a sync batch one operation at a time, so a bad operation gets its own 422
(naming the field, relative to the operation) and the good ones still go through."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

from diarycard.entries import sync
from diarycard.entries.checks import entry_errors
from diarycard.entries.models import MAX_BATCH, SyncOp
from diarycard.errors import FieldError, Invalid
from diarycard.web.problems import field_error


class Envelope(msgspec.Struct, forbid_unknown_fields=True):
    operations: Annotated[list[msgspec.Raw], Meta(max_length=MAX_BATCH)]


class _IdOnly(msgspec.Struct):
    id: UUID | None = None


Parsed = sync.Change | tuple[UUID | None, Invalid]


def parse_operation(raw: msgspec.Raw, now: datetime) -> Parsed:
    """A Change, or the op's id (when readable) and why it was refused."""
    try:
        op = msgspec.json.decode(raw, type=SyncOp)
    except msgspec.DecodeError as exc:
        return _loose_id(raw), Invalid(errors=[field_error(str(exc))])
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
