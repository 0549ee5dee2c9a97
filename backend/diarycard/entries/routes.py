"""The patient's own diary over HTTP. Clinicians read diaries through the review routes
and never write a patient's words: every route here is for patients only (403 otherwise).
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

import msgspec
from litestar import Request, Response, delete, get, post, put
from litestar.di import Provide
from litestar.params import FromPath, FromQuery, QueryParameter

from diarycard.auth.access import Own
from diarycard.auth.principal import Claim
from diarycard.db.pool import Conn
from diarycard.entries import store
from diarycard.entries.batch import STATUS, parse_batch, run_batch
from diarycard.entries.checks import DiaryRequest
from diarycard.entries.models import (
    Category,
    Entry,
    EntryPage,
    EntryPut,
    EntryQuery,
    EntryRevision,
    SyncIn,
    SyncOut,
)
from diarycard.entries.sync import who_first
from diarycard.errors import Invalid

# A full outbox of 500 entries with long notes fits; one entry never needs more than 64 KB.
SYNC_MAX_BYTES = 2 * 1024 * 1024


def _entry_body(data: EntryPut) -> None:
    """Never resolved (the handler does not ask for it): the body is decoded after the
    session is proven (401 and 403 come before 422), and this only shows the OpenAPI
    document the shape of the body."""


@put(
    "/entries/{entry_id:uuid}", request_class=DiaryRequest, tags=["entries"],
    dependencies={"entry_body": Provide(_entry_body, sync_to_thread=False)},
    opt={"also": {201: "Created"}},
)
async def put_entry(
    request: Request[Any, Any, Any], conn: Conn, claim: Claim, entry_id: FromPath[UUID]
) -> Response[Entry]:
    """Create (201) or edit (200) an entry; the same body again answers 200 with the same
    entry. A different body needs `base_version` (409 without it, 412 when stale)."""
    async with who_first(conn, claim):
        change = store.entry_change(entry_id, await request.body())
    per_hour = request.app.state.settings.entries_per_hour
    outcome = await store.put_entry(conn, claim, change, per_hour)
    assert outcome.entry is not None and outcome.kind is not None
    return Response(outcome.entry, status_code=STATUS[outcome.kind])


@get("/entries/{entry_id:uuid}", tags=["entries"])
async def get_entry(conn: Conn, own: Own, entry_id: FromPath[UUID]) -> Entry:
    """One of your entries."""
    return await store.get_entry(conn, own, entry_id)


@get("/entries/{entry_id:uuid}/revisions", tags=["entries"])
async def get_revisions(
    conn: Conn, own: Own, entry_id: FromPath[UUID]
) -> list[EntryRevision]:
    """Earlier versions of one of your entries, newest first."""
    return await store.list_revisions(conn, own, entry_id)


@delete("/entries/{entry_id:uuid}", status_code=204, tags=["entries"])
async def delete_entry(
    conn: Conn,
    claim: Claim,
    entry_id: FromPath[UUID],
    base_version: Annotated[int | None, QueryParameter(ge=1, le=2_147_483_647)] = None,
) -> None:
    """Delete one of your entries (its history is kept). Deleting again is fine."""
    await store.delete_entry(conn, claim, entry_id, base_version)


@post("/entries/{entry_id:uuid}/withdraw", status_code=204, tags=["entries"])
async def withdraw_entry(conn: Conn, own: Own, entry_id: FromPath[UUID]) -> None:
    """Withdraw one of your entries: it leaves your diary at once; your care team still
    sees it, marked as withdrawn by you, because it is part of your clinical record."""
    await store.withdraw_entry(conn, own, entry_id)


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
    own: Own,
    limit: Annotated[int, QueryParameter(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, QueryParameter(max_length=200)] = None,
    to: Annotated[str | None, QueryParameter(max_length=64)] = None,
    category: FromQuery[Category | None] = None,
) -> EntryPage:
    """Your entries, newest first; `from` <= occurred_at < `to`, optional category.
    Pass `next_cursor` back as `cursor` for the next page."""
    # `from` is a Python keyword; Litestar's alias for it is deprecated, so read it here.
    query = entry_query(limit, cursor, request.query_params.get("from"), to, category)
    return await store.list_entries(conn, own, query)


def _sync_body(data: SyncIn) -> None:
    """Never resolved (the handler does not ask for it): the handler reads operations one
    at a time, and this only shows the OpenAPI document the shape of the body."""


@post(
    "/sync", status_code=200, request_class=DiaryRequest,
    request_max_body_size=SYNC_MAX_BYTES, tags=["entries"],
    dependencies={"sync_body": Provide(_sync_body, sync_to_thread=False)},
)
async def sync_entries(
    request: Request[Any, Any, Any], conn: Conn, claim: Claim
) -> SyncOut:
    """Apply up to 500 queued operations. Body: {"operations": [{"op": "upsert" | "delete",
    "id", "base_version"?, "entry"?}]}. Each result carries the status the single call
    would give (201, 200, 204, 404, 409, 412, 422) and its entry or problem."""
    async with who_first(conn, claim):
        parsed = parse_batch(await request.body())
    per_hour = request.app.state.settings.entries_per_hour
    return await run_batch(conn, claim, parsed, per_hour)


routes = [put_entry, get_entry, get_revisions, delete_entry, withdraw_entry, list_entries,
          sync_entries]
