"""An empty database of a deployment test's own."""

from __future__ import annotations

import itertools
import os
from collections.abc import AsyncIterator

import asyncpg
import pytest

from diarycard.db.database import with_database

_names = itertools.count()


@pytest.fixture
async def fresh_db(pg_url: str) -> AsyncIterator[str]:
    """An empty database (no migrations): its server superuser's URL."""
    name = f"dct_{os.getpid()}_deploy_{next(_names)}"
    admin = await asyncpg.connect(pg_url)
    try:
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await admin.execute(f'CREATE DATABASE "{name}"')
        yield with_database(pg_url, name)
        await admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    finally:
        await admin.close()
