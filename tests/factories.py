"""Small, stable helpers for tests that need people: sites, users, care teams and
signed-in clients. Sessions are made directly (no argon2 on the hot path); clinicians
and admins get TOTP turned on, so they pass the second-factor gate.

    site = await make_site(conn)
    alex = await make_user(conn, site, "patient", "alex")
    csrf = await sign_in(client, conn, alex)      # cookie and X-CSRF-Token now set
"""

from __future__ import annotations

import functools
import itertools
from uuid import UUID

import asyncpg
from argon2 import PasswordHasher
from litestar.testing import AsyncTestClient

from diarycard.accounts.seed import assign as _assign
from diarycard.accounts.seed import ensure_site, ensure_user
from diarycard.auth.principal import Role
from diarycard.auth.sessions import create_session
from diarycard.db.database import EMBEDDED_APP_ROLE, with_user

PASSWORD = "quiet-harbour-lantern-plum"
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
COOKIE = "__Host-diarycard"  # the test settings use https://testserver.local
_sites = itertools.count(1)


def as_app(url: str) -> str:
    """The same database, signed in as the app's least-privilege role (which the template's
    migration created and granted): the app under test never holds more rights than in a
    deployment. Tests set up data through `conn`, as the server's superuser."""
    return with_user(url, EMBEDDED_APP_ROLE)


@functools.cache
def password_hash() -> str:
    """PASSWORD, hashed once per test process."""
    return PasswordHasher().hash(PASSWORD)


async def make_site(conn: asyncpg.Connection, name: str | None = None) -> UUID:
    return await ensure_site(conn, name or f"Test site {next(_sites)}")


async def make_user(
    conn: asyncpg.Connection, site_id: UUID, role: Role, login: str,
    display_name: str | None = None,
) -> UUID:
    secret = None if role == "patient" else TOTP_SECRET
    return await ensure_user(
        conn, site_id, role, login, display_name or login.title(), password_hash(), secret
    )


async def assign(conn: asyncpg.Connection, clinician_id: UUID, patient_id: UUID) -> None:
    site_id = await conn.fetchval("SELECT site_id FROM users WHERE id = $1", patient_id)
    await _assign(conn, site_id, clinician_id, patient_id)


async def sign_in(client: AsyncTestClient, conn: asyncpg.Connection, user_id: UUID) -> str:
    """Give `client` a fresh session for `user_id`; answers (and sets) its CSRF token."""
    role = await conn.fetchval("SELECT role FROM users WHERE id = $1", user_id)
    new = await create_session(conn, user_id, role, "pytest")
    client.cookies.set(COOKIE, new.token)
    client.headers["x-csrf-token"] = new.csrf_token
    return new.csrf_token
