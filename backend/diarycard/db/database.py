"""Which database a command uses: DATABASE_URL, or the embedded server's `diarycard` db."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from contextlib import contextmanager
from urllib.parse import urlsplit, urlunsplit

import asyncpg

from diarycard.db.embedded import EmbeddedPostgres
from diarycard.settings import Settings

EMBEDDED_DB = "diarycard"


def with_database(url: str, name: str) -> str:
    """The same server URL, pointing at database `name`."""
    parts = urlsplit(url)
    return urlunsplit(parts._replace(path="/" + name))


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
def database_url(settings: Settings) -> Iterator[str]:
    """Yield the URL to use; with no DATABASE_URL, hold a handle on the embedded server."""
    if settings.database_url is not None:
        yield settings.database_url
        return
    server = EmbeddedPostgres(settings.data_dir)
    try:
        base = server.start()
        asyncio.run(ensure_database(base, EMBEDDED_DB))
        yield with_database(base, EMBEDDED_DB)
    finally:
        server.stop()
