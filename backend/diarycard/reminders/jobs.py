"""The job queue (pgqueuer, on our own PostgreSQL): one job per push. Jobs are added in the
caller's transaction, so a reminder's ledger row and its job commit together or not at all.

Each job carries a dedupe key made of the send's id and its attempt number: while a job for
that attempt is queued or running, enqueueing it again is a no-op (the sweeper relies on
that), and a retry (the next attempt) gets a key of its own.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta

import asyncpg
from pgqueuer import AsyncpgDriver, Queries

SEND = "reminder_send"


def dedupe_key(send_id: int, attempts: int) -> str:
    return f"reminder-send:{send_id}:{attempts}"


async def enqueue_sends(
    conn: asyncpg.Connection,
    sends: Sequence[tuple[int, int]],
    delay: timedelta | None = None,
) -> None:
    """Queue a job for each (send id, attempts so far); skip any already queued."""
    if not sends:
        return
    queries = Queries(AsyncpgDriver(conn))
    await queries.enqueue(
        [SEND] * len(sends),
        [str(send_id).encode() for send_id, _ in sends],
        [0] * len(sends),
        [delay] * len(sends),
        [dedupe_key(send_id, attempts) for send_id, attempts in sends],
        on_conflict="skip",
    )
