"""The scheduler: find the reminder slots that are due, decide each one once, and queue a
push for each phone. Every instance runs it; the ledger's primary key (patient, local day,
local time) lets exactly one of them decide a slot, and an advisory lock keeps the others
from doing the same work at the same moment.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

import asyncpg

from diarycard.db.queries import load_queries
from diarycard.reminders import jobs

SQL = load_queries(Path(__file__).with_name("schedule.sql"))
log = logging.getLogger("diarycard.reminders")

# A slot found this long after its time (the service was down) is recorded, and shown in
# the app, but not pushed: a reminder hours late is noise.
PUSH_DEADLINE = timedelta(minutes=10)
# How far back the scheduler looks for slots it has not decided yet.
LOOKBACK = timedelta(hours=2)
# A send still queued this long after its last change has lost its job (a worker died
# between the ledger and the queue, which share a transaction, so in practice: the queue
# was cleared by hand): queue it again.
SWEEP_AFTER = timedelta(minutes=5)
_LOCK = 0x72656D696E64  # "remind"
KEEP = timedelta(days=35)


@dataclass(frozen=True)
class Planned:
    slots: int
    sends: int
    requeued: int
    skipped: bool = False  # another instance was planning at the same moment


async def plan(conn: asyncpg.Connection, now: datetime) -> Planned:
    async with conn.transaction():
        if not await conn.fetchval("SELECT pg_try_advisory_xact_lock($1)", _LOCK):
            return Planned(0, 0, 0, skipped=True)
        rows = await conn.fetch(SQL["plan"], now, LOOKBACK, PUSH_DEADLINE)
        sends = [(r["send_id"], 0) for r in rows if r["send_id"] is not None]
        slots = len({(r["patient_id"], r["due_at"]) for r in rows})
        stale = await conn.fetch(SQL["stale_sends"], now - SWEEP_AFTER)
        await jobs.enqueue_sends(conn, sends + [(r["id"], r["attempts"]) for r in stale])
    if rows:
        log.info("reminders planned", extra={"slots": slots, "sends": len(sends)})
    return Planned(slots, len(sends), len(stale))


async def prune(conn: asyncpg.Connection, now: datetime) -> int:
    """Forget reminder history older than KEEP; answers how many rows went."""
    async with conn.transaction():
        slots = await conn.execute(SQL["prune_slots"], now - KEEP)
        sends = await conn.execute(SQL["prune_sends"], now - KEEP)
    return int(slots.split()[-1]) + int(sends.split()[-1])
