"""Signing in and out, and describing the signed-in person."""

from __future__ import annotations

from typing import Annotated, Any
from uuid import UUID

import msgspec
from litestar import Request, Response, delete, get, post
from litestar.datastructures import Cookie
from litestar.params import JSONBody
from msgspec import Meta

from diarycard.auth.passwords import verify_password
from diarycard.auth.principal import SQL, Principal, Role, cookie_name
from diarycard.auth.sessions import ABSOLUTE, create_session, revoke_session
from diarycard.errors import Unauthenticated
from diarycard.settings import Settings
from diarycard.web.deps import Conn, CurrentUser


class SignIn(msgspec.Struct, forbid_unknown_fields=True):
    login: Annotated[str, Meta(min_length=1, max_length=64)]
    password: Annotated[str, Meta(min_length=1, max_length=1024)]
    totp: Annotated[str, Meta(max_length=10)] | None = None


class Me(msgspec.Struct):
    user_id: UUID
    role: Role
    site_id: UUID
    login: str
    display_name: str


class SignedIn(Me):
    csrf_token: str


def _me(who: Principal) -> Me:
    return Me(who.user_id, who.role, who.site_id, who.login, who.display_name)


@post("/session", exclude_from_auth=True, status_code=200, tags=["auth"])
async def sign_in(
    request: Request[Any, Any, Any], conn: Conn, data: JSONBody[SignIn]
) -> Response[SignedIn]:
    """Sign in with login and password; sets the session cookie."""
    settings: Settings = request.app.state.settings
    user = await conn.fetchrow(SQL["user_for_login"], data.login)
    ok = await verify_password(user["password_hash"] if user else None, data.password)
    if user is None or not ok:
        raise Unauthenticated("That login and password do not match.")
    agent = request.headers.get("user-agent", "")
    new = await create_session(conn, user["id"], user["role"], agent)
    body = SignedIn(
        user["id"], user["role"], user["site_id"], user["login"], user["display_name"],
        csrf_token=new.csrf_token,
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


@delete("/session", status_code=204, tags=["auth"])
async def sign_out(
    request: Request[Any, Any, Any], conn: Conn, principal: CurrentUser
) -> Response[None]:
    """Sign out: the session ends on the server at once."""
    await revoke_session(conn, principal)
    settings: Settings = request.app.state.settings
    response: Response[None] = Response(None, status_code=204)
    response.delete_cookie(cookie_name(settings), path="/")
    return response


@get("/me", tags=["auth"])
async def me(principal: CurrentUser) -> Me:
    """The signed-in person."""
    return _me(principal)


routes = [sign_in, sign_out, me]
