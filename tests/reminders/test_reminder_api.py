"""The patient's reminder routes through the real app and database."""

from __future__ import annotations

from uuid import UUID

import asyncpg
from litestar.testing import AsyncTestClient
from push_service import VAPID_PUBLIC, PushService, b64url

from factories import make_site, make_user, sign_in

ON = {"enabled": True, "times": ["20:00", "09:00"], "days": [1, 2, 3, 4, 5],
      "quiet_hours": {"start": "22:00", "end": "07:30"}, "time_zone": "Europe/London",
      "wording": "moment"}


async def test_public_key_is_the_services_vapid_key(client: AsyncTestClient,
                                                    patient: UUID) -> None:
    response = await client.get("/api/v1/push/public-key")
    assert response.status_code == 200
    assert response.json() == {"public_key": VAPID_PUBLIC}


async def test_reminders_start_off_in_london_and_keep_what_the_patient_chose(
    client: AsyncTestClient, patient: UUID
) -> None:
    first = (await client.get("/api/v1/me/reminders")).json()
    assert first["enabled"] is False and first["time_zone"] == "Europe/London"
    assert first["wording"] == "diary" and first["days"] == [1, 2, 3, 4, 5, 6, 7]
    assert first["push_available"] is True and first["devices"] == []

    saved = await client.put("/api/v1/me/reminders", json=ON)
    assert saved.status_code == 200, saved.text
    again = (await client.get("/api/v1/me/reminders")).json()
    assert again == saved.json()
    assert again["times"] == ["09:00", "20:00"]
    assert again["quiet_hours"] == {"start": "22:00", "end": "07:30"}
    assert again["wording"] == "moment"


async def test_bad_reminder_settings_name_the_field_and_store_nothing(
    client: AsyncTestClient, patient: UUID
) -> None:
    cases = [
        ({**ON, "times": ["09:00", "12:00", "15:00", "18:00"]}, "times"),
        ({**ON, "times": ["25:00"]}, "times[0]"),
        ({**ON, "times": ["09:00", "09:00"]}, "times"),
        ({**ON, "times": []}, "times"),
        ({**ON, "days": [0]}, "days[0]"),
        ({**ON, "days": []}, "days"),
        ({**ON, "time_zone": "Mars/Olympus"}, "time_zone"),
        ({**ON, "wording": "Your urges diary"}, "wording"),
        ({**ON, "quiet_hours": {"start": "22:00", "end": "22:00"}}, "quiet_hours.end"),
        ({**ON, "extra": 1}, "extra"),
    ]
    for body, field in cases:
        response = await client.put("/api/v1/me/reminders", json=body)
        assert response.status_code in (400, 422), (body, response.text)
        assert response.headers["content-type"].startswith("application/problem+json")
        assert field in response.text, (field, response.text)
    assert (await client.get("/api/v1/me/reminders")).json()["enabled"] is False


async def test_a_subscription_is_kept_and_removed(
    client: AsyncTestClient, patient: UUID, push_service: PushService
) -> None:
    sub = push_service.subscription("alex-phone")
    response = await client.put("/api/v1/me/push-subscription", json=sub.json)
    assert response.status_code == 204, response.text
    devices = (await client.get("/api/v1/me/reminders")).json()["devices"]
    assert [d["endpoint"] for d in devices] == [sub.endpoint]
    # The same browser subscribing again is one device, not two.
    assert (await client.put("/api/v1/me/push-subscription", json=sub.json)).status_code == 204
    assert len((await client.get("/api/v1/me/reminders")).json()["devices"]) == 1

    gone = await client.delete("/api/v1/me/push-subscription",
                               params={"endpoint": sub.endpoint})
    assert gone.status_code == 204
    assert (await client.get("/api/v1/me/reminders")).json()["devices"] == []


async def test_bad_keys_are_refused_naming_the_field(
    client: AsyncTestClient, conn: asyncpg.Connection, patient: UUID,
    push_service: PushService,
) -> None:
    good = push_service.subscription("alex-phone").json
    not_a_point = b64url(b"\x04" + b"\x01" * 64)
    cases = [
        ({**good, "keys": {**good["keys"], "p256dh": "not base64!"}}, "keys.p256dh"),
        ({**good, "keys": {**good["keys"], "p256dh": not_a_point}}, "keys.p256dh"),
        ({**good, "keys": {**good["keys"], "auth": b64url(b"short")}}, "keys.auth"),
        ({**good, "keys": {"p256dh": good["keys"]["p256dh"]}}, "keys.auth"),
        ({"keys": good["keys"]}, "endpoint"),
    ]
    for body, field in cases:
        response = await client.put("/api/v1/me/push-subscription", json=body)
        assert response.status_code in (400, 422), (body, response.text)
        fields = [e["field"] for e in response.json().get("errors", [])]
        assert field in fields or field in response.text, (field, response.text)
    assert await conn.fetchval("SELECT count(*) FROM push_subscriptions") == 0


async def test_test_reminder_is_queued_for_each_phone(
    client: AsyncTestClient, conn: asyncpg.Connection, patient: UUID,
    push_service: PushService,
) -> None:
    refused = await client.post("/api/v1/me/reminders/test")
    assert refused.status_code == 409  # no phone yet: says so instead of pretending
    for name in ("alex-phone", "alex-tablet"):
        await client.put("/api/v1/me/push-subscription", json=push_service.subscription(name).json)
    response = await client.post("/api/v1/me/reminders/test")
    assert response.status_code == 202
    assert response.json() == {"queued": 2}
    jobs = await conn.fetchval(
        "SELECT count(*) FROM pgqueuer WHERE entrypoint = 'reminder_send' AND status = 'queued'")
    assert jobs == 2


async def test_clinicians_have_no_reminders_of_their_own(
    client: AsyncTestClient, conn: asyncpg.Connection
) -> None:
    site = await make_site(conn)
    sam = await make_user(conn, site, "clinician", "sam")
    await sign_in(client, conn, sam)
    assert (await client.get("/api/v1/me/reminders")).status_code == 403
    assert (await client.put("/api/v1/me/reminders", json=ON)).status_code == 403
