"""Signing in and out, and describing the signed-in person.

CSRF: a synchronizer token. Each session has its own random token, given once in the
sign-in answer; the page keeps it in memory and sends it as `X-CSRF-Token` on every unsafe
request, where `principal.py` compares it with the session's. A cross-site page can neither
read the answer nor set the header, and the cookie is SameSite=Strict besides.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

import asyncpg
import msgspec
from litestar import Request, Response, delete, get, post
from litestar.datastructures import Cookie
from litestar.params import JSONBody
from msgspec import Meta

from diarycard.audit.security import notices_for
from diarycard.auth.principal import CurrentUser, Principal, Role, cookie_name
from diarycard.auth.sessions import ABSOLUTE, NewSession, end_presented, revoke_session
from diarycard.auth.signin import sign_in as check_and_sign_in
from diarycard.db.pool import Conn
from diarycard.settings import Settings


class SignIn(msgspec.Struct, forbid_unknown_fields=True):
    # No control characters: PostgreSQL cannot store NUL, and no login has the others.
    login: Annotated[str, Meta(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f\x7f]+$")]
    password: Annotated[str, Meta(min_length=1, max_length=1024)]
    totp: Annotated[str, Meta(max_length=10)] | None = None


class Me(msgspec.Struct):
    user_id: UUID
    role: Role
    site_id: UUID
    login: str
    display_name: str
    totp_enabled: bool
    # True for a clinician or admin who must set up an authenticator app first.
    needs_totp_enrolment: bool


class Notice(msgspec.Struct):
    """Something someone else did to your account since you last signed in."""

    at: datetime
    action: str  # invitation.reissue, totp.reset or account.enable
    by: str  # the display name of the clinician or admin
    by_role: str
    message: str  # in plain words, to show as it is


_NOTICE_WORDS = {
    "invitation.reissue": "made a new invitation code for your account",
    "totp.reset": "cleared the authenticator app on your account",
    "account.enable": "turned your account back on",
}


class SignedIn(Me):
    csrf_token: str
    # Shown at sign-in, so a change nobody asked for does not go unnoticed.
    notices: list[Notice] = msgspec.field(default_factory=list)


def client_ip(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else ""


def session_cookie(settings: Settings, token: str, role: Role) -> Cookie:
    return Cookie(
        key=cookie_name(settings),
        value=token,
        path="/",
        httponly=True,
        secure=settings.cookie_secure,
        samesite="strict",
        max_age=int(ABSOLUTE[role].total_seconds()),
    )


async def session_response(
    request: Request[Any, Any, Any], conn: asyncpg.Connection, user: asyncpg.Record,
    new: NewSession,
) -> Response[SignedIn]:
    """The answer to a successful sign-in (or invitation redemption): who, what others
    did to the account since last time, and the cookie. A session this browser had
    before ends (a new sign-in always gets a new token)."""
    settings: Settings = request.app.state.settings
    await end_presented(conn, request.cookies.get(cookie_name(settings)), new.session_id)
    enrol = user["role"] != "patient" and not user["totp_enabled"]
    notices = [
        Notice(row["at"], row["action"], row["actor"], row["actor_role"],
               f"{row['actor']} ({row['actor_role']}) {_NOTICE_WORDS[row['action']]} on "
               f"{row['at']:%d %B %Y at %H:%M} UTC. If you did not ask for this, please "
               "tell your care team.")
        for row in await notices_for(conn, user["id"])
    ]
    body = SignedIn(
        user["id"], user["role"], user["site_id"], user["login"], user["display_name"],
        user["totp_enabled"], enrol, csrf_token=new.csrf_token, notices=notices,
    )
    return Response(body, cookies=[session_cookie(settings, new.token, user["role"])])


@post("/session", exclude_from_auth=True, status_code=200, tags=["auth"])
async def sign_in(
    request: Request[Any, Any, Any], conn: Conn, data: JSONBody[SignIn]
) -> Response[SignedIn]:
    """Sign in with login, password and (when turned on) the authenticator code."""
    agent = request.headers.get("user-agent", "")
    user, new = await check_and_sign_in(
        conn, data.login, data.password, data.totp, client_ip(request), agent
    )
    return await session_response(request, conn, user, new)


@delete("/session", status_code=204, tags=["auth"], before_totp=True)
async def sign_out(
    request: Request[Any, Any, Any], conn: Conn, principal: CurrentUser
) -> Response[None]:
    """Sign out: the session ends on the server at once."""
    await revoke_session(conn, principal)
    settings: Settings = request.app.state.settings
    response: Response[None] = Response(None, status_code=204)
    response.delete_cookie(cookie_name(settings), path="/")
    return response


def describe(who: Principal) -> Me:
    return Me(
        who.user_id, who.role, who.site_id, who.login, who.display_name,
        who.totp_enabled, who.needs_totp_enrolment,
    )


@get("/me", tags=["auth"], before_totp=True)
async def me(principal: CurrentUser) -> Me:
    """The signed-in person."""
    return describe(principal)


routes = [sign_in, sign_out, me]
