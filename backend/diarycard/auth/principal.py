"""Who is asking: the principal every store function takes, resolved from the session
cookie on each request (one indexed lookup), with the CSRF check for unsafe methods.
"""

from __future__ import annotations

import hashlib
import hmac
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


async def provide_principal(
    request: Request[Any, Any, Any], conn: Annotated[asyncpg.Connection, Dependency(kind="named")]
) -> Principal:
    """The signed-in principal, or Unauthenticated (401) or Forbidden (403: the CSRF token
    is wrong, or a clinician or admin has not set up a second factor yet)."""
    settings: Settings = request.app.state.settings
    token = request.cookies.get(cookie_name(settings))
    if not token or len(token) > 128:
        raise Unauthenticated()
    row = await conn.fetchrow(SQL["principal_for_token"], token_hash(token))
    if row is None:
        raise Unauthenticated()
    if request.method in UNSAFE:
        sent = request.headers.get(CSRF_HEADER, "")
        if not hmac.compare_digest(sent.encode(), row["csrf_token"].encode()):
            raise Forbidden("This request is missing its security token. Please reload the page.")
    if row["role"] != "patient" and not row["totp_enabled"]:
        # Until a clinician or admin has a second factor, only the routes that set one up
        # (marked `before_totp=True`) are open to them.
        if not request.route_handler.opt.get("before_totp"):
            raise Forbidden(
                "Please set up your authenticator app first. You can do it at /accounts/."
            )
    return Principal(
        user_id=row["user_id"],
        role=row["role"],
        site_id=row["site_id"],
        login=row["login"],
        display_name=row["display_name"],
        session_id=row["session_id"],
        request_id=request_id.get(),
        client_ip=request.client.host if request.client else "",
        totp_enabled=row["totp_enabled"],
    )


CurrentUser: TypeAlias = Annotated[Principal, Dependency(kind="named")]
"""Who is asking, for handlers: `async def handler(conn: Conn, principal: CurrentUser)`."""
