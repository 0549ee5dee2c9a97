"""The background worker, wired in one place: the reminder scheduler loop and pgqueuer's
queue manager (reminder pushes, study exports) on one small asyncpg pool, and one pooled
HTTP client for the push services.

`diarycard serve` starts it beside the web server (unless `--no-worker`); `diarycard
worker` runs it alone, for deployments that scale the two separately. Any number may run
on one database: the ledger decides each reminder once (reminders/schedule.py) and a push
is claimed before it is sent (reminders/deliver.py).

With `--health-port`, a plain HTTP answer on /healthz says whether the scheduler has
finished a pass recently (200) or not (503), for a liveness probe.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

from pgqueuer import AsyncpgPoolDriver, Job, Queries, QueueManager

from diarycard.auth.stepup import prune_counts
from diarycard.db.pool import DB_DOWN, create_pool
from diarycard.push.guard import push_client
from diarycard.push.vapid import Signer, service_key
from diarycard.reminders import jobs
from diarycard.reminders.deliver import Delivery, deliver
from diarycard.reminders.schedule import plan, prune
from diarycard.settings import Settings
from diarycard.studies import exports

log = logging.getLogger("diarycard.worker")


# Old reminder history and hourly counts are removed this often (seconds).
PRUNE_EVERY = 3600


class Worker:
    def __init__(self, settings: Settings, dsn: str) -> None:
        self.settings = settings
        self.dsn = dsn
        self.stop = asyncio.Event()
        self.last_pass = 0.0  # time.monotonic() of the scheduler's last finished pass

    @property
    def healthy(self) -> bool:
        return time.monotonic() - self.last_pass < 3 * self.settings.reminder_tick + 30

    async def run(self, health_port: int | None = None) -> None:
        key = service_key(self.settings)
        if key is None:
            log.warning("no VAPID key (DIARYCARD_VAPID_PRIVATE_KEY): reminders are shown "
                        "in the app only")
        async with self._resources() as pool, push_client(self.settings) as client:
            delivery = Delivery(
                client, Signer(key, self.settings.push_subject),
                self.settings.db_acquire_timeout,
            ) if key else None
            tasks = [asyncio.create_task(self._schedule(pool)),
                     asyncio.create_task(self._deliver(pool, delivery))]
            if health_port is not None:
                server = await asyncio.start_server(self._health, "0.0.0.0", health_port)  # noqa: S104
                tasks.append(asyncio.create_task(server.serve_forever()))
            await self.stop.wait()
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)

    @contextlib.asynccontextmanager
    async def _resources(self) -> AsyncIterator[Any]:
        pool = await create_pool(self.settings, self.dsn)
        try:
            yield pool
        finally:
            await pool.close()

    async def _schedule(self, pool: Any) -> None:
        pruned = 0.0
        while not self.stop.is_set():
            try:
                async with pool.acquire(timeout=self.settings.db_acquire_timeout) as conn:
                    await plan(conn, datetime.now(UTC))
                    if time.monotonic() - pruned > PRUNE_EVERY:
                        await prune(conn, datetime.now(UTC))
                        await prune_counts(conn)
                        pruned = time.monotonic()
                self.last_pass = time.monotonic()
            except (*DB_DOWN, Exception):
                log.exception("reminder scheduler pass failed; trying again next tick")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.stop.wait(), self.settings.reminder_tick)

    async def _deliver(self, pool: Any, delivery: Delivery | None) -> None:
        """pgqueuer's queue manager: pushes (when there is a key to sign them) and study
        exports; started again after a failure (the database went)."""
        while not self.stop.is_set():
            manager = QueueManager(Queries(AsyncpgPoolDriver(pool)))
            if delivery is not None:

                @manager.entrypoint(jobs.SEND)
                async def send(job: Job, sender: Delivery = delivery) -> None:
                    assert job.payload is not None
                    await deliver(pool, sender, int(job.payload))

            # One export at a time per worker: each holds a connection and a snapshot.
            @manager.entrypoint(exports.EXPORT, concurrency_limit=1)
            async def study_export(job: Job) -> None:
                assert job.payload is not None
                async with pool.acquire(timeout=self.settings.db_acquire_timeout) as conn:
                    await exports.run(conn, UUID(job.payload.decode()))

            waiter = asyncio.create_task(self._stop_manager(manager))
            try:
                await manager.run(
                    dequeue_timeout=timedelta(seconds=self.settings.reminder_tick),
                    # It takes half of what it may hold from the queue at a time.
                    batch_size=self.settings.push_concurrency // 2,
                    max_concurrent_tasks=self.settings.push_concurrency,
                )
            except Exception:
                log.exception("reminder queue stopped; starting it again in 5 seconds")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.stop.wait(), 5)
            finally:
                waiter.cancel()

    async def _stop_manager(self, manager: QueueManager) -> None:
        await self.stop.wait()
        manager.shutdown.set()

    async def _health(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(reader.readline(), 5)
            status = "200 OK" if self.healthy else "503 Service Unavailable"
            body = b"ok\n" if self.healthy else b"scheduler stalled\n"
            writer.write(f"HTTP/1.1 {status}\r\nContent-Type: text/plain\r\n"
                         f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n".encode()
                         + body)
            await writer.drain()
        writer.close()
