"""Which database a command uses, and as whom: DATABASE_URL (the app role) and
DIARYCARD_MIGRATE_URL (the migrator), or the embedded server's `diarycard` database, where
the server's superuser migrates and the app signs in as `diarycard_app`."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

import asyncpg

from diarycard.db.embedded import EmbeddedPostgres
from diarycard.settings import Settings

EMBEDDED_DB = "diarycard"
# The app's role on the embedded server (local socket, trust: no password).
EMBEDDED_APP_ROLE = "diarycard_app"


@dataclass(frozen=True)
class Urls:
    app: str
    # None: no separate migrator was given; DATABASE_URL's role migrates if it may.
    migrator: str | None


def with_database(url: str, name: str) -> str:
    """The same server URL, pointing at database `name`."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


def with_user(url: str, user: str, password: str | None = None) -> str:
    """The same server and database, signing in as `user`."""
    parts = urlsplit(url)
    host = parts.netloc.rpartition("@")[2]
    auth = quote(user, safe="") + (":" + quote(password, safe="") if password else "")
    return urlunsplit(parts._replace(netloc=f"{auth}@{host}"))


async def ensure_database(url: str, name: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        exists = await conn.fetchval("SELECT 1 FROM pg_database WHERE datname = $1", name)
        if not exists:
            # Identifiers cannot be parameters; `name` is our own constant, never input.
            await conn.execute(f'CREATE DATABASE "{name}"')
    except asyncpg.exceptions.DuplicateDatabaseError:
        pass  # another command created it at the same moment
    finally:
        await conn.close()


@contextmanager
def database_urls(settings: Settings) -> Iterator[Urls]:
    """Yield the URLs to use; with no DATABASE_URL, hold a handle on the embedded server."""
    if settings.database_url is not None:
        yield Urls(settings.database_url, settings.migrate_url)
        return
    server = EmbeddedPostgres(settings.data_dir)
    try:
        base = server.start()
        asyncio.run(ensure_database(base, EMBEDDED_DB))
        owner = with_database(base, EMBEDDED_DB)
        yield Urls(with_user(owner, EMBEDDED_APP_ROLE), owner)
    finally:
        server.stop()


@contextmanager
def database_url(settings: Settings) -> Iterator[str]:
    """The app role's URL, for commands that only read and write rows (admin, demo data)."""
    with database_urls(settings) as urls:
        yield urls.app
