"""The app's database role, made and granted by the migrator (roles.sql says what each
may do). Separate roles mean a bug or an injection in the app cannot change the schema or
rewrite the audit trail."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import asyncpg

from diarycard.db.queries import load_queries

SQL = load_queries(Path(__file__).with_name("roles.sql"))


def user_of(url: str) -> tuple[str | None, str | None]:
    """The role name and password a postgresql:// URL signs in with (None when unset)."""
    parts = urlsplit(url)
    name = unquote(parts.username) if parts.username else None
    password = unquote(parts.password) if parts.password else None
    return name, password


async def may_migrate(conn: asyncpg.Connection) -> bool:
    return bool(await conn.fetchval(SQL["may_migrate"]))


async def grant_app_role(conn: asyncpg.Connection, role: str, password: str | None) -> None:
    """Create the app role if missing (when we may), then grant it row access and no more.
    Safe to run again, and by two migrators at once."""
    async with conn.transaction():
        await conn.fetch(SQL["set_app_role"], role, password or "")
        await conn.execute(SQL["ensure_app_role"])
        await conn.execute(SQL["grant_app_role"])
