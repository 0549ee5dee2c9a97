"""Who is asking: the principal every store function takes, proven from the session
cookie on each request by PostgreSQL's `session_principal` (one indexed lookup), with the
CSRF check for unsafe methods. The diary's writes prove the same claim inside the write
statement instead, through the same function and the same `proven`.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal, TypeAlias
from uuid import UUID

import asyncpg
import msgspec
from litestar import Request
from litestar.di import Dependency

from diarycard.db.queries import load_queries
from diarycard.errors import Forbidden, Unauthenticated
from diarycard.logs import request_id
from diarycard.settings import Settings

SQL = load_queries(Path(__file__).with_name("queries.sql"))
Role = Literal["patient", "clinician", "admin", "researcher"]
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CSRF_HEADER = "x-csrf-token"


class Principal(msgspec.Struct, frozen=True):
    user_id: UUID
    role: Role
    site_id: UUID
    login: str
    display_name: str
    session_id: UUID
    request_id: str = "-"
    client_ip: str = ""
    totp_enabled: bool = False

    @property
    def needs_totp_enrolment(self) -> bool:
        # Clinicians and admins must set up a second factor before anything else.
        return self.role != "patient" and not self.totp_enabled

    def require(self, *roles: Role) -> Principal:
        """Raise Forbidden unless this principal has one of `roles`."""
        if self.role not in roles:
            raise Forbidden()
        return self


def cookie_name(settings: Settings) -> str:
    # The __Host- prefix needs Secure; plain-http development on localhost drops both.
    return "__Host-diarycard" if settings.cookie_secure else "diarycard"


def token_hash(token: str) -> bytes:
    return hashlib.sha256(token.encode()).digest()


class SessionClaim(msgspec.Struct, frozen=True):
    """What a request says about who sent it, not yet proven: the hash of its session
    cookie and, for a change, the CSRF token it sent. PostgreSQL's `session_principal`
    proves it, either in `prove` or inside the statement that uses it (the diary's write),
    and `proven` turns the answer into a Principal or the error."""

    token_hash: bytes
    csrf: str | None  # None for a safe method, which needs none
    before_totp: bool  # the route is open to staff before they set up a second factor
    request_id: str
    client_ip: str

    @property
    def params(self) -> tuple[bytes, str | None]:
        """The first two parameters of every statement that proves a claim."""
        return self.token_hash, self.csrf


def claim_of(request: Request[Any, Any, Any]) -> SessionClaim:
    """The request's claim. Without a session cookie it claims nothing PostgreSQL can
    find (an empty hash), so it is refused (401) where it is proven, like a stale one."""
    token = request.cookies.get(cookie_name(request.app.state.settings))
    csrf = None
    if request.method in UNSAFE:
        # A token is 43 characters; anything much longer is not one, and is not hashed.
        csrf = request.headers.get(CSRF_HEADER, "")[:128]
    return SessionClaim(
        token_hash=token_hash(token) if token and len(token) <= 128 else b"",
        csrf=csrf,
        before_totp=bool(request.route_handler.opt.get("before_totp")),
        request_id=request_id.get(),
        client_ip=request.client.host if request.client else "",
    )


def proven(row: Mapping[str, Any] | None, claim: SessionClaim) -> Principal:
    """The principal `session_principal` found for `claim` (`row`), or the error:
    Unauthenticated (401: no live session) or Forbidden (403: the CSRF token is wrong, or
    a clinician or admin has not set up a second factor yet)."""
    if row is None or row["session_id"] is None:
        raise Unauthenticated()
    if claim.csrf is not None and not row["csrf_ok"]:
        raise Forbidden("This request is missing its security token. Please reload the page.")
    if row["role"] != "patient" and not row["totp_enabled"] and not claim.before_totp:
        # Until a clinician or admin has a second factor, only the routes that set one up
        # (marked `before_totp=True`) are open to them.
        raise Forbidden("Please set up your authenticator app first. You can do it at /accounts/.")
    return Principal(
        user_id=row["user_id"],
        role=row["role"],
        site_id=row["site_id"],
        login=row["login"],
        display_name=row["display_name"],
        session_id=row["session_id"],
        request_id=claim.request_id,
        client_ip=claim.client_ip,
        totp_enabled=row["totp_enabled"],
    )


async def prove(conn: asyncpg.Connection, claim: SessionClaim) -> Principal:
    """Check `claim` on its own round trip (one indexed lookup; none without a cookie)."""
    if not claim.token_hash:
        raise Unauthenticated()
    return proven(await conn.fetchrow(SQL["principal_for_token"], *claim.params), claim)


async def provide_principal(
    request: Request[Any, Any, Any], conn: Annotated[asyncpg.Connection, Dependency(kind="named")]
) -> Principal:
    """The signed-in principal, for every route but the diary's writes (`provide_claim`)."""
    return await prove(conn, claim_of(request))


def provide_claim(
    request: Request[Any, Any, Any], conn: Annotated[asyncpg.Connection, Dependency(kind="named")]
) -> SessionClaim:
    # `conn` only orders it after the connection, as `principal` is: Litestar resolves
    # independent dependencies together in a task group, which costs more than the claim.
    return claim_of(request)


CurrentUser: TypeAlias = Annotated[Principal, Dependency(kind="named")]
"""Who is asking, for handlers: `async def handler(conn: Conn, principal: CurrentUser)`."""

Claim: TypeAlias = Annotated[SessionClaim, Dependency(kind="named")]
"""Who says they are asking, for the diary's writes, which prove it in the write itself:
one round trip for the most frequent thing a patient does."""
