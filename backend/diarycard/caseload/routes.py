"""The signed-in clinician's caseload."""

from __future__ import annotations

from litestar import get

from diarycard.auth.principal import CurrentUser
from diarycard.caseload.models import CaseloadItem
from diarycard.caseload.store import caseload
from diarycard.db.pool import Conn


@get("/patients", tags=["caseload"])
async def patients(conn: Conn, principal: CurrentUser) -> list[CaseloadItem]:
    """My patients, the one who most needs attention first, each described in words."""
    return await caseload(conn, principal)


routes = [patients]
