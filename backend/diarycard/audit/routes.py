"""'Who has looked at my diary': a patient's view of the audit trail about them."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

import msgspec
from litestar import get
from litestar.params import QueryParameter

from diarycard.audit.security import site_events
from diarycard.audit.store import views_of
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn


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


class SecurityEvent(msgspec.Struct):
    at: datetime
    action: str  # e.g. signin, account.locked, invitation.reissue, totp.reset
    outcome: str  # ok, wrong_password, wrong_code, locked
    client_ip: str
    actor: str | None  # who did it (None: someone not signed in)
    actor_role: str | None
    subject: str | None  # whose account (None: a login that does not exist)
    subject_role: str | None


@get("/site/security-events", tags=["audit"])
async def security_events(
    conn: Conn,
    principal: CurrentUser,
    limit: Annotated[int, QueryParameter(ge=1, le=500)] = 100,
) -> list[SecurityEvent]:
    """Your site's sign-ins, lock-outs, second-factor events and account changes by
    staff, newest first (admins only)."""
    rows = await site_events(conn, principal, limit)
    return [SecurityEvent(**dict(row)) for row in rows]


routes = [access_log, security_events]
