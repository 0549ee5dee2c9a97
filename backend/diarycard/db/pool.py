"""The asyncpg pool and the per-request connection.

Every acquire has a timeout (asyncpg waits forever otherwise) and every connection a
command timeout, so a slow or exhausted database answers 503 quickly instead of hanging.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Annotated, Any, TypeAlias

import asyncpg
from litestar import Request
from litestar.di import Dependency

from diarycard.errors import Unavailable
from diarycard.settings import Settings

# Errors that mean "the database is not there right now", as opposed to a bug.
DB_DOWN = (
    OSError,
    asyncio.TimeoutError,
    asyncpg.exceptions.CannotConnectNowError,
    asyncpg.exceptions.ConnectionDoesNotExistError,
    asyncpg.exceptions.TooManyConnectionsError,
    asyncpg.exceptions.QueryCanceledError,
    asyncpg.exceptions.AdminShutdownError,
    asyncpg.exceptions.InterfaceError,
)


async def _nothing_to_reset(conn: asyncpg.Connection) -> None:
    """Our requests leave no session state (no SET, LISTEN, cursors or advisory locks), so
    the default reset query would be a wasted round trip on every request. asyncpg still
    rolls back any open transaction before calling this."""


async def create_pool(settings: Settings, dsn: str) -> Any:
    return await asyncpg.create_pool(
        dsn,
        min_size=settings.pool_min,
        max_size=settings.pool_max,
        command_timeout=settings.db_command_timeout,
        max_inactive_connection_lifetime=60,
        reset=_nothing_to_reset,
        server_settings={
            "application_name": "diarycard",
            # A runaway query is stopped by the server too, not only by the client.
            "statement_timeout": str(int(settings.db_command_timeout * 1000)),
            "idle_in_transaction_session_timeout": "30000",
        },
    )


async def acquire(pool: Any, timeout: float) -> asyncpg.Connection:
    """A connection, or Unavailable within `timeout` seconds. Give it back with
    `pool.release`; `connection` does both for code that is not a dependency."""
    try:
        # asyncio.timeout rather than acquire(timeout=...), whose wait_for runs each
        # acquire as a task of its own: an extra task and loop turn on every request.
        async with asyncio.timeout(timeout):
            conn: asyncpg.Connection = await pool.acquire()
            return conn
    except (*DB_DOWN, asyncpg.PostgresError) as exc:
        # Whatever stops us getting a connection (server down, database missing, too
        # many clients) is the same to the person waiting: try again shortly.
        raise Unavailable() from exc


@asynccontextmanager
async def connection(pool: Any, timeout: float) -> AsyncIterator[asyncpg.Connection]:
    """Acquire a connection or raise Unavailable within `timeout` seconds."""
    conn = await acquire(pool, timeout)
    try:
        yield conn
    finally:
        await pool.release(conn)


async def provide_conn(request: Request[Any, Any, Any]) -> AsyncIterator[asyncpg.Connection]:
    """A pooled connection for this request, released when the handler is done."""
    # By hand rather than through `connection`: one context-manager layer fewer on
    # every request.
    settings: Settings = request.app.state.settings
    pool = request.app.state.pool
    conn = await acquire(pool, settings.db_acquire_timeout)
    try:
        yield conn
    finally:
        await pool.release(conn)


Conn: TypeAlias = Annotated[asyncpg.Connection, Dependency(kind="named")]
"""The request's connection, for handlers: `async def handler(conn: Conn, ...)`."""
