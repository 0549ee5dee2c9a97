"""Tools reviewed together in the session (assigned clinicians; audited):
`GET /patients/{patient_id}/session-tools` and
`POST /patients/{patient_id}/session-tools/{record_id}/reviewed` `{version, note}`."""

from __future__ import annotations

from uuid import UUID

from litestar import get, post
from litestar.params import FromPath, JSONBody

from diarycard.auth.access import as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.entries.checks import DiaryRequest
from diarycard.together import store
from diarycard.together.models import ReviewedIn, SessionTools

BASE = "/patients/{patient_id:uuid}/session-tools"
TAGS = ["session"]


@get(BASE, tags=TAGS)
async def session_tools(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> SessionTools:
    """Every worksheet and checking-it-out record since the last session, all of each."""
    return await as_clinician(conn, principal, patient_id, "read", "session_tools",
                              lambda scope: store.session_tools(conn, scope))


@post(f"{BASE}/{{record_id:uuid}}/reviewed", tags=TAGS, request_class=DiaryRequest)
async def reviewed_together(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], record_id: FromPath[UUID],
    data: JSONBody[ReviewedIn],
) -> SessionTools:
    """Mark a record reviewed together in the session, with a short note."""
    return await as_clinician(
        conn, principal, patient_id, "update", "session_tools",
        lambda scope: store.mark_reviewed(conn, scope, record_id, data))


routes = [session_tools, reviewed_together]
