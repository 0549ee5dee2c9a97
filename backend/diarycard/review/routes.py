"""The pre-session review of one patient, and their entries, for their care team."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

from litestar import Request, get
from litestar.params import FromPath, FromQuery, QueryParameter

from diarycard.auth.access import as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.entries import store as entries
from diarycard.entries.models import Category, EntryPage, EntryRevision
from diarycard.entries.routes import entry_query
from diarycard.review.models import Review
from diarycard.review.store import parse_day, review

TAGS = ["review"]
PATIENT = "/patients/{patient_id:uuid}"


@get(f"{PATIENT}/review", tags=TAGS)
async def patient_review(
    conn: Conn,
    principal: CurrentUser,
    request: Request[Any, Any, Any],
    patient_id: FromPath[UUID],
    to: Annotated[str | None, QueryParameter(max_length=64)] = None,
) -> Review:
    """Since the last session (or `from` one date `to` another, London days, at most a
    year): the digest, the charts' data and the timeline."""
    # `from` is a Python keyword; Litestar's alias for it is deprecated, so read it here.
    start, end = parse_day("from", request.query_params.get("from")), parse_day("to", to)
    return await as_clinician(conn, principal, patient_id, "review.view", "",
                              lambda scope: review(conn, scope, start, end))


@get(f"{PATIENT}/entries", tags=TAGS)
async def patient_entries_list(
    request: Request[Any, Any, Any],
    conn: Conn,
    principal: CurrentUser,
    patient_id: FromPath[UUID],
    limit: Annotated[int, QueryParameter(ge=1, le=200)] = 50,
    cursor: Annotated[str | None, QueryParameter(max_length=200)] = None,
    to: Annotated[str | None, QueryParameter(max_length=64)] = None,
    category: FromQuery[Category | None] = None,
) -> EntryPage:
    """The patient's entries, newest first: the same shape and filters as their own list."""
    query = entry_query(limit, cursor, request.query_params.get("from"), to, category)
    return await as_clinician(
        conn, principal, patient_id, "entries.list", "",
        lambda scope: entries.list_entries(conn, scope, query, withdrawn=True))


@get(f"{PATIENT}/entries/{{entry_id:uuid}}/revisions", tags=TAGS)
async def patient_entry_revisions(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], entry_id: FromPath[UUID]
) -> list[EntryRevision]:
    """What an entry said before each of the patient's edits, newest first."""
    return await as_clinician(
        conn, principal, patient_id, "entries.revisions", str(entry_id),
        lambda scope: entries.list_revisions(conn, scope, entry_id))


routes = [patient_review, patient_entries_list, patient_entry_revisions]
