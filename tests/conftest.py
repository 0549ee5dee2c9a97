"""Test fixtures on a real PostgreSQL.

DIARYCARD_TEST_DATABASE_URL points at a server (CI sets it to the machine's service);
unset, the suite starts an embedded one. The schema is migrated once into a template
database, and each test gets its own clone (CREATE DATABASE ... TEMPLATE), which is cheap
and keeps tests independent, including under pytest-xdist or parallel runs.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
import tempfile
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import asyncpg
import pytest
from litestar import Litestar
from litestar.testing import AsyncTestClient

from diarycard.app import create_app
from diarycard.db.database import with_database
from diarycard.db.embedded import EmbeddedPostgres
from diarycard.db.migrate import migrate
from diarycard.settings import Settings, load_settings
from factories import as_app

BASE_URL = "https://testserver.local"
_PREFIX = f"dct_{os.getpid()}"
_counter = itertools.count()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark every test in a module that drives Playwright as `browser`, so the test command
    runs them in a process of their own (see scripts/test)."""
    for item in items:
        module = getattr(item, "module", None)
        uses_browser = any(
            getattr(value, "__module__", "").startswith(("playwright", "axe_playwright"))
            for value in vars(module).values()
        ) if module is not None else False
        if uses_browser:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """URL of a maintenance database on the server the tests use."""
    url = os.environ.get("DIARYCARD_TEST_DATABASE_URL")
    if url:
        yield url
        return
    server = EmbeddedPostgres(str(Path(tempfile.gettempdir()) / f"diarycard-test-{os.getuid()}"))
    try:
        yield server.start()
    finally:
        server.stop()


@pytest.fixture
def embedded_dir() -> Iterator[Path]:
    """A folder for an embedded PostgreSQL of a test's own. Not under pytest's tmp_path: as
    root the server runs as its own user, which must reach the folder, and every pytest
    session on the machine sets /tmp/pytest-of-<user> back to 0700 when it starts."""
    path = Path(tempfile.mkdtemp(prefix="diarycard-pg-"))
    path.chmod(0o755)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


async def _admin(url: str, *statements: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        for statement in statements:
            await conn.execute(statement)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def template_db(pg_url: str) -> Iterator[str]:
    name = f"{_PREFIX}_template"

    async def build() -> None:
        await _admin(pg_url, f'DROP DATABASE IF EXISTS "{name}"', f'CREATE DATABASE "{name}"')
        conn = await asyncpg.connect(with_database(pg_url, name))
        try:
            await migrate(conn, app_url=as_app(pg_url))
        finally:
            await conn.close()

    asyncio.run(build())
    yield name
    asyncio.run(_admin(pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def db_url(pg_url: str, template_db: str) -> AsyncIterator[str]:
    """A fresh, fully migrated database for this test alone."""
    name = f"{_PREFIX}_{next(_counter)}"
    await _admin(pg_url, f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"')
    yield with_database(pg_url, name)
    await _admin(pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
async def conn(db_url: str) -> AsyncIterator[asyncpg.Connection]:
    connection = await asyncpg.connect(db_url)
    yield connection
    await connection.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings({}, public_url=BASE_URL, data_dir=str(tmp_path), pool_max=4)


@pytest.fixture
def app(settings: Settings, db_url: str) -> Litestar:
    return create_app(settings, as_app(db_url))


@pytest.fixture
async def client(app: Litestar) -> AsyncIterator[AsyncTestClient[Litestar]]:
    # Like the PWA in a browser: same-origin requests say where they come from.
    async with AsyncTestClient(app, base_url=BASE_URL) as test_client:
        test_client.headers["origin"] = BASE_URL
        yield test_client
