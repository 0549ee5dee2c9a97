"""The worker's job: one push to one phone, and what to do with the push service's answer.
429 and 5xx (and no answer at all) are tried again after Retry-After, or after a back-off
that doubles, until the reminder is an hour late or has had five tries; then it is failed
and the patient's Settings says why."""

from __future__ import annotations

import json
import logging
import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import httpx

from diarycard.db.pool import connection
from diarycard.db.queries import load_queries
from diarycard.push.send import Answer, Outcome, Subscription, send
from diarycard.push.vapid import Signer
from diarycard.reminders import jobs

SQL = load_queries(Path(__file__).with_name("deliver.sql"))
log = logging.getLogger("diarycard.reminders")

MAX_ATTEMPTS = 5
GIVE_UP_AFTER = timedelta(hours=1)
FIRST_BACKOFF = 5.0  # seconds; doubles with each try
# The words a notification may carry: neutral, chosen by the patient, never about care.
WORDS = {
    "diary": "Time for your diary",
    "moment": "A moment for you",
    "app": "",
}
PROBLEMS = {
    Outcome.FAILED: "The push service refused our message.",
    Outcome.RETRY: "The push service could not be reached.",
}


@dataclass(frozen=True)
class Delivery:
    """What a worker needs to push: a pooled HTTP client and the service's VAPID signer."""

    client: httpx.AsyncClient
    signer: Signer
    acquire_timeout: float = 5.0


def notification(wording: str) -> bytes:
    """The whole payload the phone receives, as the service worker's showNotification
    options (its title is always the app's name): the patient's chosen neutral words and
    where a tap goes (the quick log). Nothing else: no name, no clinic, no diary content."""
    return json.dumps(
        {"body": WORDS.get(wording, ""), "tag": "reminder", "icon": "/icons/icon-192.png",
         "data": "/"},
        separators=(",", ":"),
    ).encode()


def retry_delay(answer: Answer, attempts: int) -> float:
    if answer.retry_after is not None:
        return max(1.0, answer.retry_after)
    backoff = FIRST_BACKOFF * 2.0 ** (attempts - 1)
    return backoff * random.uniform(0.8, 1.2)  # noqa: S311 - jitter, not a secret


async def deliver(pool: Any, delivery: Delivery, send_id: int) -> Outcome | None:
    """Push send `send_id` once; None when it was not ours to send (already handled). No
    connection is held while the push service answers."""
    async with connection(pool, delivery.acquire_timeout) as conn:
        row = await conn.fetchrow(SQL["claim"], send_id)
        if row is None:
            await conn.execute(SQL["orphan"], send_id)
            return None
    now = datetime.now(UTC)
    ttl = max(60, int((row["due_at"] + GIVE_UP_AFTER - now).total_seconds()))
    answer = await send(
        delivery.client, delivery.signer,
        Subscription(row["endpoint"], bytes(row["p256dh"]), bytes(row["auth"])),
        notification(row["wording"]), ttl=ttl, topic="reminder",
    )
    async with connection(pool, delivery.acquire_timeout) as conn:
        return await record(conn, row, answer, now)


async def record(conn: asyncpg.Connection, row: Any, answer: Answer, now: datetime) -> Outcome:
    """Store what the answer means; answer it (RETRY becomes FAILED past the limits)."""
    send_id, attempts = row["id"], row["attempts"]
    async with conn.transaction():
        if answer.outcome is Outcome.SENT:
            await conn.execute(SQL["sent"], send_id, answer.status)
            return Outcome.SENT
        if answer.outcome is Outcome.GONE:
            await conn.execute(SQL["gone"], send_id, answer.status)
            return Outcome.GONE
        if answer.outcome is Outcome.RETRY:
            delay = retry_delay(answer, attempts)
            deadline = row["due_at"] + GIVE_UP_AFTER
            if attempts < MAX_ATTEMPTS and now + timedelta(seconds=delay) < deadline:
                await conn.execute(SQL["again"], send_id, answer.status)
                await jobs.enqueue_sends(conn, [(send_id, attempts)], timedelta(seconds=delay))
                return Outcome.RETRY
        log.warning("push failed", extra={"send": send_id, "answer": answer.status,
                                          "attempts": attempts})
        await conn.execute(SQL["failed"], send_id, answer.status,
                           PROBLEMS.get(answer.outcome, PROBLEMS[Outcome.FAILED]))
    return Outcome.FAILED
