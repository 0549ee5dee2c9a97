"""The access matrix (schemas/access-matrix.json) against every route of the app.

Each row is one request made by every actor of a freshly seeded world (see
access_world.py), checked against the status the row expects. A route of the app with no
row, or a row whose route no longer exists, fails. The format is described in
docs/development.md, "Access matrix".

All rows share one database and one app (cloning a database per row cost about a second
each); every row seeds its own world, with its own sites and logins, so rows stay
independent of one another.
"""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import asyncpg
import pytest
import pytest_asyncio
from argon2 import PasswordHasher
from litestar import Litestar
from litestar.testing import AsyncTestClient

from access_world import ACTORS, COOKIE, PASSWORD, World, seed_world, session_headers
from diarycard.accounts.seed import assign, ensure_user
from diarycard.app import create_app
from diarycard.auth import passwords
from diarycard.auth.sessions import create_session
from diarycard.db.database import with_database
from diarycard.settings import load_settings
from factories import as_app

MATRIX = Path(__file__).resolve().parents[1] / "schemas" / "access-matrix.json"
ROWS: list[dict[str, Any]] = json.loads(MATRIX.read_text(encoding="utf-8"))["routes"]
# D1: a patient at site A whose account an admin has disabled, with a session made
# before that (every session ends when an account is disabled; this one checks that a
# leftover cookie opens nothing).
DISABLED = "D1"
ALL_ACTORS = ["anon", *ACTORS, DISABLED]
_CONVERTER = re.compile(r"\{(\w+):[^}]+\}")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
BASE_URL = "https://testserver.local"
_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.I)


def _route_key(route: str) -> tuple[str, str]:
    method, _, path = route.partition(" ")
    return method.upper(), _CONVERTER.sub(r"{\1}", path)


def app_routes() -> set[tuple[str, str]]:
    app = create_app(load_settings({}), "postgresql://unused@127.0.0.1/unused")
    found = set()
    for route in app.routes:
        for method in getattr(route, "methods", ()):
            if method != "OPTIONS":  # answered by Litestar itself for every route
                found.add(_route_key(f"{method} {route.path}"))
    return found


def test_every_route_has_a_row_and_every_row_a_route() -> None:
    in_matrix = {_route_key(row["route"]) for row in ROWS}
    routes = app_routes()
    missing = sorted(f"{m} {p}" for m, p in routes - in_matrix)
    stale = sorted(f"{m} {p}" for m, p in in_matrix - routes)
    assert not missing, f"routes missing from schemas/access-matrix.json: {missing}"
    assert not stale, f"rows for routes the app no longer has: {stale}"


# The only API routes anyone may call without a session (security goal: the
# unauthenticated surface equals a documented allow-list). Add to it deliberately.
PUBLIC_API = {("POST", "/api/v1/session"), ("POST", "/api/v1/invitations/redeem"),
              ("POST", "/api/v1/csp-reports")}


def test_only_the_allowed_api_routes_answer_without_a_session() -> None:
    public = {
        _route_key(row["route"]) for row in ROWS
        if row["route"].split(" ", 1)[1].startswith("/api/") and expected(row, "anon") != [401]
    }
    assert public <= PUBLIC_API, f"open without a session: {sorted(public - PUBLIC_API)}"


def test_every_route_in_the_openapi_document_has_a_row() -> None:
    """A route added to the API is in the OpenAPI document; without a row here, this
    fails, so nobody has to remember to add one."""
    document = json.loads((MATRIX.parent / "openapi.json").read_text(encoding="utf-8"))
    documented = {
        (method.upper(), path) for path, item in document["paths"].items()
        for method in item if method in {"get", "put", "post", "patch", "delete"}
    }
    in_matrix = {_route_key(row["route"]) for row in ROWS}
    missing = sorted(f"{m} {p}" for m, p in documented - in_matrix)
    assert len(documented) > 70
    assert not missing, f"documented routes missing from schemas/access-matrix.json: {missing}"


def expected(row: dict[str, Any], actor: str) -> list[int]:
    expect = row["expect"]
    if actor == DISABLED:
        # A disabled account's session is dead: it gets what no session gets.
        keys = (actor, "disabled", "anon", "*")
    else:
        keys = (actor, ACTORS[actor][0] if actor != "anon" else "anon", "*")
    for key in keys:
        if key in expect:
            value = expect[key]
            return value if isinstance(value, list) else [value]
    raise AssertionError(f"{row['route']}: no expectation for {actor} (add it or '*')")


def fill(value: Any, names: dict[str, str]) -> Any:
    """Replace {name} placeholders in strings, recursively through lists and objects."""
    if isinstance(value, str):
        return _PLACEHOLDER.sub(lambda m: names.get(m[1], m[0]), value)
    if isinstance(value, list):
        return [fill(v, names) for v in value]
    if isinstance(value, dict):
        return {k: fill(v, names) for k, v in value.items()}
    return value


def _names(world: World) -> dict[str, str]:
    names = {name: str(uid) for name, uid in world.ids.items()}
    names.update({f"site_{s}": str(uid) for s, uid in world.sites.items()})
    names.update({f"login_{name}": world.login(name) for name in world.ids})
    return names


async def _run_setup(
    client: AsyncTestClient[Litestar], conn: asyncpg.Connection, world: World,
    row: dict[str, Any], names: dict[str, str],
) -> None:
    for step in row.get("setup", []):
        headers = await session_headers(conn, world, step["as"])
        response = await client.request(
            step["method"], fill(step["path"], names), json=fill(step.get("body"), names),
            headers={**headers, **fill(step.get("headers", {}), names)},
        )
        assert response.is_success, f"setup {step['method']} {step['path']}: {response.text}"
        for name, source in step.get("save", {}).items():
            if source.startswith("header:"):
                names[name] = response.headers[source.removeprefix("header:")]
                continue
            value: Any = response.json()
            for part in source.split("."):
                value = value[int(part)] if isinstance(value, list) else value[part]
            names[name] = str(value)


def _own_ids(value: Any, number: int) -> Any:
    """The row with every literal UUID swapped for one unique to the row (the same literal
    gets the same swap throughout the row), so client-chosen ids never meet another row's
    records in the shared database."""
    if isinstance(value, str):
        return _UUID.sub(lambda m: str(uuid.uuid5(uuid.NAMESPACE_URL, f"{number}/{m[0]}")), value)
    if isinstance(value, list):
        return [_own_ids(v, number) for v in value]
    if isinstance(value, dict):
        return {k: _own_ids(v, number) for k, v in value.items()}
    return value


async def _headers(conn: asyncpg.Connection, world: World, actor: str) -> dict[str, str]:
    if actor != DISABLED:
        return await session_headers(conn, world, actor)
    new = await create_session(conn, world.ids[DISABLED], "patient", "pytest")
    await conn.execute("UPDATE users SET disabled_at = now() WHERE id = $1", world.ids[DISABLED])
    return {"cookie": f"{COOKIE}={new.token}", "x-csrf-token": new.csrf_token}


def _row_id(row: dict[str, Any]) -> str:
    return row["route"] + (f" [{row['note']}]" if "note" in row else "")


# The matrix checks who may call what, not password hashing (tests/auth does that): a
# cheap argon2id for this module keeps its sign-in rows from costing seconds each.
CHEAP = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture(scope="module", autouse=True)
def cheap_argon2() -> Iterator[str]:
    patch = pytest.MonkeyPatch()
    patch.setattr(passwords, "_hasher", CHEAP)
    patch.setattr(passwords, "_DUMMY", CHEAP.hash("diarycard-timing-equaliser"))
    yield CHEAP.hash(PASSWORD)
    patch.undo()


@pytest.fixture(scope="module")
def matrix_db(pg_url: str, template_db: str) -> Iterator[str]:
    name = f"{template_db}_matrix"
    asyncio.run(_admin(pg_url, f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"'))
    yield with_database(pg_url, name)
    asyncio.run(_admin(pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


async def _admin(url: str, statement: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(statement)
    finally:
        await conn.close()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def matrix_client(
    matrix_db: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[AsyncTestClient[Litestar]]:
    settings = load_settings({}, public_url=BASE_URL, pool_max=4,
                             data_dir=str(tmp_path_factory.mktemp("matrix")))
    app = create_app(settings, as_app(matrix_db))
    async with AsyncTestClient(app, base_url=BASE_URL) as client:
        client.headers["origin"] = BASE_URL
        yield client


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def matrix_conn(matrix_db: str) -> AsyncIterator[asyncpg.Connection]:
    conn = await asyncpg.connect(matrix_db)
    yield conn
    await conn.close()


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize("number", range(len(ROWS)), ids=[_row_id(r) for r in ROWS])
async def test_matrix_row(
    number: int, matrix_client: AsyncTestClient[Litestar], matrix_conn: asyncpg.Connection,
    cheap_argon2: str,
) -> None:
    row, client, conn = _own_ids(ROWS[number], number), matrix_client, matrix_conn
    world = await seed_world(conn, tag=f"-r{number}", hashed=cheap_argon2)
    world.ids[DISABLED] = await ensure_user(conn, world.sites["A"], "patient",
                                            world.login(DISABLED), "Person D1", cheap_argon2)
    await assign(conn, world.sites["A"], world.ids["C1"], world.ids[DISABLED])
    method, path = _route_key(row["route"])
    failures = []
    for actor in ALL_ACTORS:
        names = {**_names(world), **row.get("params", {}), "actor": f"{actor.lower()}{world.tag}"}
        names = {k: _names(world).get(v, v) for k, v in names.items()}
        await _run_setup(client, conn, world, row, names)
        names = {k: names.get(v, v) for k, v in names.items()}
        client.cookies.clear()
        headers = await _headers(conn, world, actor)
        response = await client.request(
            method, fill(path, names), params=fill(row.get("query"), names),
            json=fill(row.get("body"), names),
            headers={**headers, **fill(row.get("headers", {}), names)},
        )
        want = expected(row, actor)
        if response.status_code not in want:
            failures.append(f"{actor}: got {response.status_code}, expected {want}")
    assert not failures, f"{_row_id(row)}: " + "; ".join(failures)
