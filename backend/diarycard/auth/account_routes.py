"""The signed-in person's own account: sessions, password and authenticator app."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Request, Response, delete, get, post, put
from litestar.params import FromPath, JSONBody

from diarycard.auth import account, sessions
from diarycard.auth.models import PasswordChange, Reauth, Session, TotpCode, TotpSetup
from diarycard.auth.principal import CurrentUser, Principal
from diarycard.auth.routes import session_cookie
from diarycard.auth.stepup import reauthenticate
from diarycard.auth.totp import provisioning_uri, qr_svg
from diarycard.db.pool import Conn


@get("/me/sessions", tags=["auth"], before_totp=True)
async def list_sessions(conn: Conn, principal: CurrentUser) -> list[Session]:
    """Where you are signed in."""
    rows = await sessions.list_sessions(conn, principal)
    return [Session(**dict(row)) for row in rows]


@delete("/me/sessions/{session_id:uuid}", status_code=204, tags=["auth"], before_totp=True)
async def end_session(conn: Conn, principal: CurrentUser, session_id: FromPath[UUID]) -> None:
    """Sign out one of your sessions (for example a lost phone)."""
    await sessions.end_session(conn, principal, session_id)


@delete("/me/sessions", status_code=204, tags=["auth"], before_totp=True)
async def end_other_sessions(conn: Conn, principal: CurrentUser) -> None:
    """Sign out everywhere except here."""
    await sessions.revoke_others(conn, principal)


def _rotated(request: Request[Any, Any, Any], who: Principal, token: str) -> Response[None]:
    """204 with the session's new cookie (the CSRF token stays the same)."""
    cookie = session_cookie(request.app.state.settings, token, who.role)
    return Response(None, status_code=204, cookies=[cookie])


@put("/me/password", status_code=204, tags=["auth"], before_totp=True)
async def change_password(
    request: Request[Any, Any, Any], conn: Conn, principal: CurrentUser,
    data: JSONBody[PasswordChange],
) -> Response[None]:
    """Change your password; every other session ends at once and this one gets a new
    session cookie."""
    token = await account.change_password(
        conn, principal, data.current_password, data.new_password)
    return _rotated(request, principal, token)


@post("/me/totp", status_code=201, tags=["auth"], before_totp=True)
async def start_totp(conn: Conn, principal: CurrentUser) -> TotpSetup:
    """Start setting up an authenticator app: scan the QR code, then confirm a code."""
    secret = await account.start_totp(conn, principal)
    uri = provisioning_uri(secret, principal.login)
    return TotpSetup(secret=secret, otpauth_uri=uri, qr_svg=qr_svg(uri))


@post("/me/totp/confirm", status_code=204, tags=["auth"], before_totp=True)
async def confirm_totp(
    request: Request[Any, Any, Any], conn: Conn, principal: CurrentUser,
    data: JSONBody[TotpCode],
) -> Response[None]:
    """Turn the authenticator app on with a code from it; other sessions end and this
    one gets a new session cookie."""
    return _rotated(request, principal, await account.confirm_totp(conn, principal, data.code))


@post("/me/totp/off", status_code=204, tags=["auth"])
async def turn_off_totp(
    request: Request[Any, Any, Any], conn: Conn, principal: CurrentUser,
    data: JSONBody[TotpCode],
) -> Response[None]:
    """Patients only: turn the authenticator app off with a current code (this session
    gets a new session cookie)."""
    return _rotated(request, principal, await account.turn_off_totp(conn, principal, data.code))


@post("/me/reauth", status_code=204, tags=["auth"])
async def reauth(conn: Conn, principal: CurrentUser, data: JSONBody[Reauth]) -> None:
    """Give your password (and code) again; exports ask for it unless given in the last
    5 minutes."""
    await reauthenticate(conn, principal, data.password, data.totp)


routes = [
    reauth, list_sessions, end_session, end_other_sessions, change_password, start_totp,
    confirm_totp, turn_off_totp,
]
