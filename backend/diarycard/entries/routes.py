"""The patient's own diary over HTTP. Clinicians read diaries through the review routes
and never write a patient's words: every route here is for patients only (403 otherwise).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Annotated, Any
from uuid import UUID

import msgspec
from litestar import Request, Response, delete, get, post, put
from litestar.exceptions import ClientException, ValidationException
from litestar.params import FromPath, FromQuery, JSONBody, QueryParameter

from diarycard.entries import store, sync
from diarycard.entries.batch import Envelope, parse_operation, refuse_repeats
from diarycard.entries.checks import DiaryRequest
from diarycard.entries.models import (
    Category,
    Entry,
    EntryPage,
    EntryPut,
    EntryQuery,
    EntryRevision,
    Problem,
    SyncOut,
    SyncResult,
)
from diarycard.errors import DiaryError, Invalid
from diarycard.web import problems
from diarycard.web.deps import Conn, CurrentUser

# A full outbox of 500 entries with long notes fits; one entry never needs more than 64 KB.
SYNC_MAX_BYTES = 2 * 1024 * 1024
_STATUS = {"created": 201, "unchanged": 200, "edited": 200, "deleted": 204}


@put("/entries/{entry_id:uuid}", request_class=DiaryRequest, tags=["entries"])
async def put_entry(
    conn: Conn, principal: CurrentUser, entry_id: FromPath[UUID], data: JSONBody[EntryPut]
) -> Response[Entry]:
    """Create (201) or edit (200) an entry; the same body again answers 200 with the same
    entry. A different body needs `base_version` (409 without it, 412 when stale)."""
    outcome = await store.put_entry(conn, principal, entry_id, data)
    assert outcome.entry is not None and outcome.kind is not None
    return Response(outcome.entry, status_code=_STATUS[outcome.kind])


@get("/entries/{entry_id:uuid}", tags=["entries"])
async def get_entry(conn: Conn, principal: CurrentUser, entry_id: FromPath[UUID]) -> Entry:
    """One of your entries."""
    principal.require("patient")
    return await store.get_entry(conn, principal.user_id, entry_id)


@get("/entries/{entry_id:uuid}/revisions", tags=["entries"])
async def get_revisions(
    conn: Conn, principal: CurrentUser, entry_id: FromPath[UUID]
) -> list[EntryRevision]:
    """Earlier versions of one of your entries, newest first."""
    principal.require("patient")
    return await store.list_revisions(conn, principal.user_id, entry_id)


@delete("/entries/{entry_id:uuid}", status_code=204, tags=["entries"])
async def delete_entry(
    conn: Conn,
    principal: CurrentUser,
    entry_id: FromPath[UUID],
    base_version: Annotated[int | None, QueryParameter(ge=1)] = None,
) -> None:
    """Delete one of your entries (its history is kept). Deleting again is fine."""
    await store.delete_entry(conn, principal, entry_id, base_version)


def _moment(name: str, value: str | None) -> datetime | None:
    if value is None:
        return None
    try:
        return msgspec.convert(value, datetime, strict=False)
    except msgspec.ValidationError:
        pass
    raise Invalid.field(name, "must be an RFC 3339 date-time with an offset")


def entry_query(
    limit: int, cursor: str | None, from_: str | None, to: str | None,
    category: Category | None,
) -> EntryQuery:
    """Checks the list filters; shared with the clinician review's list."""
    if not 1 <= limit <= 200:
        raise Invalid.field("limit", "must be between 1 and 200")
    start, end = _moment("from", from_), _moment("to", to)
    for name, value in (("from", start), ("to", end)):
        if value is not None and value.tzinfo is None:
            raise Invalid.field(name, "must include a time-zone offset")
    return EntryQuery(limit, cursor, start, end, category)


@get("/entries", tags=["entries"])
async def list_entries(
    request: Request[Any, Any, Any],
    conn: Conn,
    principal: CurrentUser,
    limit: FromQuery[int] = 50,
    cursor: Annotated[str | None, QueryParameter(max_length=200)] = None,
    to: Annotated[str | None, QueryParameter(max_length=64)] = None,
    category: FromQuery[Category | None] = None,
) -> EntryPage:
    """Your entries, newest first; `from` <= occurred_at < `to`, optional category.
    Pass `next_cursor` back as `cursor` for the next page."""
    principal.require("patient")
    # `from` is a Python keyword; Litestar's alias for it is deprecated, so read it here.
    query = entry_query(limit, cursor, request.query_params.get("from"), to, category)
    return await store.list_entries(conn, principal.user_id, query)


@post(
    "/sync", status_code=200, request_class=DiaryRequest,
    request_max_body_size=SYNC_MAX_BYTES, tags=["entries"],
)
async def sync_entries(
    request: Request[Any, Any, Any], conn: Conn, principal: CurrentUser
) -> SyncOut:
    """Apply up to 500 queued operations. Body: {"operations": [{"op": "upsert" | "delete",
    "id", "base_version"?, "entry"?}]}. Each result carries the status the single call
    would give (201, 200, 204, 404, 409, 412, 422) and its entry or problem."""
    principal.require("patient")
    try:
        envelope = msgspec.json.decode(await request.body(), type=Envelope)
    except msgspec.ValidationError as exc:
        raise ValidationException(str(exc), extra=[{"message": str(exc)}]) from None
    except msgspec.DecodeError as exc:  # not JSON at all: 400, as for any other body
        raise ClientException(str(exc)) from None
    now = datetime.now(UTC)
    parsed = [parse_operation(raw, now) for raw in envelope.operations]
    refuse_repeats(parsed)
    changes = [item for item in parsed if isinstance(item, sync.Change)]
    outcomes = await sync.apply(conn, principal, changes)
    results = []
    for item in parsed:
        if isinstance(item, sync.Change):
            outcome = outcomes[item.id]
            if outcome.error is None and outcome.kind is not None:
                results.append(SyncResult(item.id, _STATUS[outcome.kind], outcome.entry))
            else:
                results.append(_refused(request, item.id, outcome.error))
        else:
            results.append(_refused(request, item[0], item[1]))
    return SyncOut(results)


def _refused(request: Request[Any, Any, Any], entry_id: UUID | None, exc: Any) -> SyncResult:
    """The problem the single call would answer, through the one error mapping."""
    assert isinstance(exc, DiaryError)
    response = problems.handle(request, exc)
    body = msgspec.json.decode(response.content)
    problem = msgspec.convert(
        {k: body[k] for k in ("status", "code", "detail", "errors") if k in body}, Problem
    )
    return SyncResult(entry_id, response.status_code or 500, problem=problem)


routes = [put_entry, get_entry, get_revisions, delete_entry, list_entries, sync_entries]
