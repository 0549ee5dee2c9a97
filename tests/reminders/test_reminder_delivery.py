"""Pushes to a stand-in push service on this machine, which checks every VAPID JWT and
decrypts every message with the subscription's own private key: what the patient's phone
would show, and what happens on each kind of answer."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from typing import Any
from uuid import UUID

import asyncpg
import msgspec
import pytest
from litestar.testing import AsyncTestClient
from push_service import VAPID_PRIVATE, PushService, unb64url

from diarycard.db.pool import create_pool
from diarycard.push.guard import push_client
from diarycard.push.send import Outcome, Subscription, send
from diarycard.push.vapid import Signer, load_private_key
from diarycard.reminders.deliver import MAX_ATTEMPTS, Delivery, deliver
from diarycard.settings import Settings


@pytest.fixture
async def delivery(settings: Settings) -> AsyncIterator[Delivery]:
    async with push_client(settings) as client:
        yield Delivery(client, Signer(load_private_key(VAPID_PRIVATE), settings.push_subject))


@pytest.fixture
async def pool(settings: Settings, db_url: str) -> AsyncIterator[Any]:
    pool = await create_pool(settings, db_url)
    yield pool
    await pool.close()


async def subscribe(client: AsyncTestClient, service: PushService, name: str) -> None:
    response = await client.put("/api/v1/me/push-subscription",
                                json=service.subscription(name).json)
    assert response.status_code == 204, response.text


async def queued_test(client: AsyncTestClient, conn: asyncpg.Connection) -> list[int]:
    assert (await client.post("/api/v1/me/reminders/test")).status_code == 202
    return [r["id"] for r in await conn.fetch(
        "SELECT id FROM reminder_sends WHERE status = 'queued' ORDER BY id")]


async def test_the_phone_gets_only_the_neutral_words_the_patient_chose(
    client: AsyncTestClient, conn: asyncpg.Connection, patient: UUID, pool: Any,
    delivery: Delivery, push_service: PushService,
) -> None:
    await client.put("/api/v1/me/reminders", json={"enabled": True, "times": ["20:00"],
                                                   "wording": "moment"})
    await subscribe(client, push_service, "alex-phone")
    [send_id] = await queued_test(client, conn)
    assert await deliver(pool, delivery, send_id) is Outcome.SENT
    [message] = push_service.messages("alex-phone")
    # showNotification's options; the title is always just "diarycard" (sw.js).
    assert message.payload == {"body": "A moment for you", "tag": "reminder",
                               "icon": "/icons/icon-192.png", "data": "/"}
    assert message.headers["content-encoding"] == "aes128gcm"
    assert int(message.headers["ttl"]) > 0 and message.headers["topic"] == "reminder"
    assert push_service.rejected == []  # the VAPID JWT checked out
    # The same job again (a worker that stalled and woke) sends nothing more.
    assert await deliver(pool, delivery, send_id) is None
    assert len(push_service.messages("alex-phone")) == 1
    row = await conn.fetchrow("SELECT status, last_answer FROM reminder_sends")
    assert (row["status"], row["last_answer"]) == ("sent", 201)

    await client.put("/api/v1/me/reminders", json={"enabled": True, "times": ["20:00"],
                                                   "wording": "app"})
    [second] = await queued_test(client, conn)
    await deliver(pool, delivery, second)
    assert push_service.messages("alex-phone")[-1].payload["body"] == ""


async def test_404_and_410_remove_the_subscription(
    client: AsyncTestClient, conn: asyncpg.Connection, patient: UUID, pool: Any,
    delivery: Delivery, push_service: PushService,
) -> None:
    await subscribe(client, push_service, "old-phone")
    await subscribe(client, push_service, "lost-phone")
    push_service.script("old-phone", [(410, {})])
    push_service.script("lost-phone", [(404, {})])
    for send_id in await queued_test(client, conn):
        assert await deliver(pool, delivery, send_id) is Outcome.GONE
    assert await conn.fetchval("SELECT count(*) FROM push_subscriptions") == 0
    assert await conn.fetchval("SELECT count(*) FROM reminder_sends WHERE status = 'gone'") == 2
    # The patient's Settings no longer lists them, and a test says there is no phone.
    assert (await client.get("/api/v1/me/reminders")).json()["devices"] == []
    assert (await client.post("/api/v1/me/reminders/test")).status_code == 409


async def test_429_and_5xx_are_retried_after_retry_after_then_failed(
    client: AsyncTestClient, conn: asyncpg.Connection, patient: UUID, pool: Any,
    delivery: Delivery, push_service: PushService,
) -> None:
    await subscribe(client, push_service, "busy")
    push_service.script("busy", [(429, {"Retry-After": "120"})] + [(503, {})] * 10)
    [send_id] = await queued_test(client, conn)
    assert await deliver(pool, delivery, send_id) is Outcome.RETRY
    job = await conn.fetchrow(
        """SELECT execute_after - now() AS wait, dedupe_key FROM pgqueuer
            WHERE status = 'queued' ORDER BY id DESC LIMIT 1""")
    # Retry-After: 120 is honoured: the next try waits two minutes.
    assert 110 < job["wait"].total_seconds() <= 120
    assert job["dedupe_key"] == f"reminder-send:{send_id}:1"
    for attempt in range(2, MAX_ATTEMPTS + 1):
        outcome = await deliver(pool, delivery, send_id)
        assert outcome is (Outcome.RETRY if attempt < MAX_ATTEMPTS else Outcome.FAILED)
    row = await conn.fetchrow("SELECT status, attempts, last_answer FROM reminder_sends")
    assert dict(row) == {"status": "failed", "attempts": MAX_ATTEMPTS, "last_answer": 503}
    assert push_service.requests("busy") == MAX_ATTEMPTS and push_service.messages("busy") == []
    [device] = (await client.get("/api/v1/me/reminders")).json()["devices"]
    assert device["problem"] == "The push service could not be reached."


async def test_a_retry_after_beyond_the_reminders_useful_life_fails_at_once(
    client: AsyncTestClient, conn: asyncpg.Connection, patient: UUID, pool: Any,
    delivery: Delivery, push_service: PushService,
) -> None:
    await subscribe(client, push_service, "busy")
    push_service.script("busy", [(429, {"Retry-After": "7200"})])
    [send_id] = await queued_test(client, conn)
    assert await deliver(pool, delivery, send_id) is Outcome.FAILED


async def test_a_redirect_is_not_followed(
    client: AsyncTestClient, conn: asyncpg.Connection, patient: UUID, pool: Any,
    delivery: Delivery, push_service: PushService,
) -> None:
    await subscribe(client, push_service, "moved")
    target = push_service.subscription("elsewhere")
    push_service.script("moved", [(307, {"Location": target.endpoint})])
    [send_id] = await queued_test(client, conn)
    assert await deliver(pool, delivery, send_id) is Outcome.FAILED
    assert push_service.requests("elsewhere") == 0


async def test_a_name_that_resolves_to_this_machine_is_refused_when_connecting(
    settings: Settings, push_service: PushService
) -> None:
    # As if a push service's name were re-pointed at an internal address after the
    # subscription was checked (DNS rebinding): the address is checked on connect.
    strict = msgspec.structs.replace(settings, push_allow_loopback=False)
    sub = push_service.subscription("internal")
    key = load_private_key(VAPID_PRIVATE)
    async with push_client(strict) as client:
        answer = await send(
            client, Signer(key, "mailto:ops@example.org"),
            Subscription(sub.endpoint.replace("127.0.0.1", "localhost"),
                         unb64url(sub.json["keys"]["p256dh"]), sub.auth),
            b"{}", ttl=60,
        )
    assert answer.outcome is Outcome.FAILED
    assert push_service.requests("internal") == 0


async def test_vapid_tokens_are_reused_for_an_hour_per_push_service() -> None:
    signer = Signer(load_private_key(VAPID_PRIVATE), "mailto:ops@example.org")
    now = time.time()
    first = signer.authorization("https://fcm.googleapis.com", now)
    assert signer.authorization("https://fcm.googleapis.com", now + 3000) == first
    assert signer.authorization("https://fcm.googleapis.com", now + 3700) != first
    assert signer.authorization("https://web.push.apple.com", now) != first


async def test_signing_out_on_a_phone_stops_its_reminders(
    client: AsyncTestClient, conn: asyncpg.Connection, patient: UUID, pool: Any,
    delivery: Delivery, push_service: PushService,
) -> None:
    await subscribe(client, push_service, "shared-phone")
    [send_id] = await queued_test(client, conn)
    assert (await client.delete("/api/v1/session")).status_code == 204
    assert await deliver(pool, delivery, send_id) is None
    assert push_service.requests("shared-phone") == 0
    assert await conn.fetchval("SELECT status FROM reminder_sends") == "gone"
