"""Supervision (clinicians and their site admin) and the quality statements (site admin)."""

from __future__ import annotations

from uuid import UUID

from litestar import get, post, put
from litestar.params import FromPath, JSONBody

from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.quality import store
from diarycard.quality.models import (
    QualityReport,
    Supervision,
    SupervisionAgreementIn,
    SupervisionSessionIn,
)

TAGS = ["quality"]
ONE = "/supervision/{clinician_id:uuid}"


@get(ONE, tags=TAGS)
async def supervision_read(
    conn: Conn, principal: CurrentUser, clinician_id: FromPath[UUID]
) -> Supervision:
    """A clinician's agreed supervision and the dates it happened (their own, or as admin)."""
    return await store.supervision(conn, principal, clinician_id)


@put(f"{ONE}/agreement", tags=TAGS)
async def supervision_agree(
    conn: Conn, principal: CurrentUser, clinician_id: FromPath[UUID],
    data: JSONBody[SupervisionAgreementIn],
) -> Supervision:
    """Record the agreed level and frequency of supervision."""
    return await store.agree(conn, principal, clinician_id, data)


@post(f"{ONE}/sessions", tags=TAGS)
async def supervision_session(
    conn: Conn, principal: CurrentUser, clinician_id: FromPath[UUID],
    data: JSONBody[SupervisionSessionIn],
) -> Supervision:
    """Record a supervision session that happened."""
    return await store.add_session(conn, principal, clinician_id, data)


@get("/site/quality-statements", tags=TAGS)
async def quality_statements(conn: Conn, principal: CurrentUser) -> QualityReport:
    """Per NICE QS88 statement, how many patients or clinicians meet it (site admins)."""
    return await store.report(conn, principal)


routes = [supervision_read, supervision_agree, supervision_session, quality_statements]
