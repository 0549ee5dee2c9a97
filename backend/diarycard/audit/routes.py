"""'Who has looked at my diary': a patient's view of the audit trail about them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec
from litestar import get
from litestar.params import QueryParameter

from diarycard.audit.store import views_of
from diarycard.web.deps import Conn, CurrentUser


class AccessLogItem(msgspec.Struct):
    at: datetime
    who: str  # the display name of the clinician or admin
    role: str
    action: str
    # What kind of record was touched, when the action alone does not say ("crisis_plan"
    # for "read"); empty when the trail names a record by its id, which a patient never sees.
    about: str


@get("/me/access-log", tags=["audit"])
async def access_log(
    conn: Conn,
    principal: CurrentUser,
    limit: Annotated[int, QueryParameter(ge=1, le=500)] = 100,
) -> list[AccessLogItem]:
    """Who has looked at or changed your diary, and when (patients only)."""
    principal.require("patient")
    rows = await views_of(conn, principal, limit)
    return [AccessLogItem(**dict(row)) for row in rows]


routes = [access_log]
