"""The seeded world the access matrix and the auth tests run in.

Site A: patients P1 and P2, clinicians C1 (assigned P1) and C2 (assigned P2), admin A1.
Site A also has researcher R1.
Site B: patient P3, clinician C3 (assigned P3), admin A2. Staff (clinicians, admins and
researchers) have TOTP
turned on, so they pass the second-factor gate. Everyone's password is PASSWORD, hashed
once per test process to keep argon2 out of the hot path.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from typing import Any
from uuid import UUID

import asyncpg
from argon2 import PasswordHasher

from diarycard.accounts.seed import assign, ensure_site, ensure_user
from diarycard.auth.principal import Role
from diarycard.auth.sessions import create_session

PASSWORD = "plum-kettle-harbour-lantern"
COOKIE = "__Host-diarycard"  # the test settings use https://testserver.local
ACTORS: dict[str, tuple[Role, str]] = {
    "P1": ("patient", "A"),
    "P2": ("patient", "A"),
    "P3": ("patient", "B"),
    "C1": ("clinician", "A"),
    "C2": ("clinician", "A"),
    "C3": ("clinician", "B"),
    "A1": ("admin", "A"),
    "A2": ("admin", "B"),
    "R1": ("researcher", "A"),
}
CARE_TEAMS = [("C1", "P1"), ("C2", "P2"), ("C3", "P3")]
TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


@functools.cache
def password_hash() -> str:
    return PasswordHasher().hash(PASSWORD)


@dataclass
class World:
    # Appended to logins and site names, so several worlds can share one database.
    tag: str = ""
    sites: dict[str, UUID] = field(default_factory=dict)
    ids: dict[str, UUID] = field(default_factory=dict)

    def login(self, name: str) -> str:
        return f"user.{name.lower()}{self.tag}"


async def seed_world(
    conn: asyncpg.Connection, tag: str = "", hashed: str | None = None
) -> World:
    """Seed the world; `hashed` replaces the hash of PASSWORD (e.g. a cheaper one)."""
    world = World(tag)
    for site in ("A", "B"):
        world.sites[site] = await ensure_site(conn, f"Site {site}{tag}")
    for name, (role, site) in ACTORS.items():
        secret = None if role == "patient" else TOTP_SECRET
        world.ids[name] = await ensure_user(
            conn, world.sites[site], role, world.login(name), f"Person {name}",
            hashed or password_hash(), secret,
        )
    for clinician, patient in CARE_TEAMS:
        site = world.sites[ACTORS[patient][1]]
        await assign(conn, site, world.ids[clinician], world.ids[patient])
    return world


async def session_headers(conn: asyncpg.Connection, world: World, name: str) -> dict[str, str]:
    """Headers that make a request as `name` ("anon" sends none): a fresh session cookie
    and its CSRF token."""
    if name == "anon":
        return {}
    new = await create_session(conn, world.ids[name], ACTORS[name][0], "pytest")
    return {"cookie": f"{COOKIE}={new.token}", "x-csrf-token": new.csrf_token}


async def api_sign_in(
    client: Any, login: str, password: str = PASSWORD, totp: str | None = None
) -> Any:
    """Sign in through the API (argon2 and all); answers the response. On success the
    client holds the cookie and sends the CSRF header from then on."""
    body: dict[str, str] = {"login": login, "password": password}
    if totp is not None:
        body["totp"] = totp
    response = await client.post("/api/v1/session", json=body)
    if response.status_code == 200:
        client.headers["x-csrf-token"] = response.json()["csrf_token"]
    return response


async def acting_as(
    client: Any, conn: asyncpg.Connection, world: World, name: str
) -> dict[str, str]:
    """session_headers for `name`, with the client's own cookie jar emptied so that only
    these headers decide who is asking."""
    headers = await session_headers(conn, world, name)
    client.cookies.clear()
    return headers
