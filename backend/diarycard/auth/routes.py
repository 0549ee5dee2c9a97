"""Signing in and out, and describing the signed-in person.

CSRF: a synchronizer token. Each session has its own random token, given once in the
sign-in answer; the page keeps it in memory and sends it as `X-CSRF-Token` on every unsafe
request, where `principal.py` compares it with the session's. A cross-site page can neither
read the answer nor set the header, and the cookie is SameSite=Strict besides.
"""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import asyncpg
import msgspec
from litestar import Request, Response, delete, get, post
from litestar.datastructures import Cookie
from litestar.params import JSONBody
from msgspec import Meta

from diarycard.auth.principal import Principal, Role, cookie_name
from diarycard.auth.sessions import ABSOLUTE, NewSession, revoke_session
from diarycard.auth.signin import sign_in as check_and_sign_in
from diarycard.settings import Settings
from diarycard.web.deps import Conn, CurrentUser


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


class SignedIn(Me):
    csrf_token: str


def client_ip(request: Request[Any, Any, Any]) -> str:
    return request.client.host if request.client else ""


def session_response(
    request: Request[Any, Any, Any], user: asyncpg.Record, new: NewSession
) -> Response[SignedIn]:
    """The answer to a successful sign-in (or invitation redemption): who, and the cookie."""
    settings: Settings = request.app.state.settings
    enrol = user["role"] != "patient" and not user["totp_enabled"]
    body = SignedIn(
        user["id"], user["role"], user["site_id"], user["login"], user["display_name"],
        user["totp_enabled"], enrol, csrf_token=new.csrf_token,
    )
    cookie = Cookie(
        key=cookie_name(settings),
        value=new.token,
        path="/",
        httponly=True,
        secure=settings.cookie_secure,
        samesite="strict",
        max_age=int(ABSOLUTE[user["role"]].total_seconds()),
    )
    return Response(body, cookies=[cookie])


@post("/session", exclude_from_auth=True, status_code=200, tags=["auth"])
async def sign_in(
    request: Request[Any, Any, Any], conn: Conn, data: JSONBody[SignIn]
) -> Response[SignedIn]:
    """Sign in with login, password and (when turned on) the authenticator code."""
    agent = request.headers.get("user-agent", "")
    user, new = await check_and_sign_in(
        conn, data.login, data.password, data.totp, client_ip(request), agent
    )
    return session_response(request, user, new)


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
