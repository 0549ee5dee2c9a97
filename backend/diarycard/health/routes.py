"""Liveness and readiness, for load balancers and the deploy scripts."""

from __future__ import annotations

from typing import Any

import msgspec
from litestar import get
from litestar.datastructures import State

from diarycard.db import migrate
from diarycard.db.pool import DB_DOWN, connection
from diarycard.errors import Unavailable


class Health(msgspec.Struct):
    status: str


@get("/healthz", sync_to_thread=False, exclude_from_auth=True, tags=["health"])
def healthz() -> Health:
    """The process is alive. Touches no database, so it stays up when the database is down."""
    return Health(status="ok")


@get("/readyz", exclude_from_auth=True, tags=["health"])
async def readyz(state: State) -> Health:
    """The database answers and every migration is applied; 503 otherwise."""
    try:
        async with connection(state.pool, timeout=1.0) as conn:
            missing: list[Any] = await migrate.pending(conn)
    except DB_DOWN as exc:
        raise Unavailable("The database is not reachable.") from exc
    if missing:
        raise Unavailable("The database is not migrated yet.")
    return Health(status="ready")


routes = [healthz, readyz]
