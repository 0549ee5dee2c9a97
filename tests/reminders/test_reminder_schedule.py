"""The scheduler against a real database, with the clock given: local times in the
patient's zone (both British clock changes), days, quiet hours, skipping after a log, and
each slot decided once however often (and by however many) it runs."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from uuid import UUID

import asyncpg
import pytest

from diarycard.auth.sessions import create_session
from diarycard.reminders.schedule import plan, prune
from factories import make_site, make_user


@pytest.fixture
async def alex(conn: asyncpg.Connection) -> UUID:
    return await make_user(conn, await make_site(conn), "patient", "alex")


async def choose(
    conn: asyncpg.Connection, patient: UUID, *times: str, days: list[int] | None = None,
    quiet: tuple[str, str] | None = None, zone: str = "Europe/London",
) -> None:
    def t(text: str) -> time:
        return time.fromisoformat(text)

    await conn.execute(
        """INSERT INTO reminder_settings (patient_id, enabled, times, days, quiet_start,
                                          quiet_end, time_zone)
           VALUES ($1, true, $2, $3, $4, $5, $6)""",
        patient, [t(x) for x in times], days or [1, 2, 3, 4, 5, 6, 7],
        t(quiet[0]) if quiet else None, t(quiet[1]) if quiet else None, zone,
    )


async def run_every(conn: asyncpg.Connection, start: datetime, end: datetime,
                    step: timedelta = timedelta(minutes=5)) -> None:
    now = start
    while now <= end:
        await plan(conn, now)
        now += step


async def slots(conn: asyncpg.Connection) -> list[tuple[str, datetime, str]]:
    rows = await conn.fetch(
        "SELECT local_day, local_time, due_at, outcome FROM reminder_slots ORDER BY due_at")
    return [(f"{r['local_day']} {r['local_time']:%H:%M}", r["due_at"], r["outcome"])
            for r in rows]


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


async def test_spring_forward_keeps_local_times_and_fires_each_once(
    conn: asyncpg.Connection, alex: UUID
) -> None:
    # Sunday 29 March 2026: at 01:00 GMT the clocks go to 02:00 BST. 01:30 does not exist.
    await choose(conn, alex, "01:30", "09:00")
    await run_every(conn, utc("2026-03-28 00:00"), utc("2026-03-29 12:00"))
    assert await slots(conn) == [
        ("2026-03-28 01:30", utc("2026-03-28 01:30"), "no_push"),
        ("2026-03-28 09:00", utc("2026-03-28 09:00"), "no_push"),
        # The skipped local time becomes the instant an hour on (02:30 BST), once.
        ("2026-03-29 01:30", utc("2026-03-29 01:30"), "no_push"),
        # 09:00 BST is 08:00 UTC.
        ("2026-03-29 09:00", utc("2026-03-29 08:00"), "no_push"),
    ]


async def test_fall_back_keeps_local_times_and_fires_each_once(
    conn: asyncpg.Connection, alex: UUID
) -> None:
    # Sunday 25 October 2026: at 02:00 BST the clocks go back to 01:00 GMT; 01:30 happens
    # twice (00:30 and 01:30 UTC) and must remind once.
    await choose(conn, alex, "01:30", "09:00")
    await run_every(conn, utc("2026-10-24 00:00"), utc("2026-10-25 12:00"))
    got = await slots(conn)
    assert [(day, due) for day, due, _ in got] == [
        ("2026-10-24 01:30", utc("2026-10-24 00:30")),
        ("2026-10-24 09:00", utc("2026-10-24 08:00")),
        ("2026-10-25 01:30", utc("2026-10-25 01:30")),
        ("2026-10-25 09:00", utc("2026-10-25 09:00")),
    ]
    # The scheduler passed the first 01:30 (00:30 UTC) too, yet made no slot for it: the
    # local day and time are the key, and PostgreSQL maps an ambiguous 01:30 to the second.


async def test_another_zone_and_chosen_days(conn: asyncpg.Connection, alex: UUID) -> None:
    await choose(conn, alex, "07:15", days=[6, 7], zone="America/New_York")
    # Friday 3 to Monday 6 April 2026; New York is on EDT (UTC-4).
    await run_every(conn, utc("2026-04-03 00:00"), utc("2026-04-06 23:55"), timedelta(minutes=5))
    assert [(day, due) for day, due, _ in await slots(conn)] == [
        ("2026-04-04 07:15", utc("2026-04-04 11:15")),
        ("2026-04-05 07:15", utc("2026-04-05 11:15")),
    ]


async def test_quiet_hours_and_a_recent_log_skip_the_slot(
    conn: asyncpg.Connection, alex: UUID
) -> None:
    await choose(conn, alex, "06:30", "12:00", "23:00", quiet=("22:30", "07:00"))
    await conn.execute(
        """INSERT INTO entries (id, patient_id, occurred_at, occurred_offset, category,
                                body_hash, recorded_at)
           VALUES (gen_random_uuid(), $1, $2, 0, 'action', '\\x00', $2)""",
        alex, utc("2026-06-01 10:40"),  # 11:40 BST, twenty minutes before noon
    )
    await run_every(conn, utc("2026-06-01 00:00"), utc("2026-06-01 23:55"))
    assert [(day, outcome) for day, _, outcome in await slots(conn)] == [
        ("2026-06-01 06:30", "quiet"),
        ("2026-06-01 12:00", "logged"),
        ("2026-06-01 23:00", "quiet"),
    ]


async def test_a_slot_found_late_is_not_pushed(conn: asyncpg.Connection, alex: UUID) -> None:
    await choose(conn, alex, "09:00")
    # The scheduler was down from 08:50 to 09:40 UTC (09:00 BST is 08:00 UTC; use winter).
    await plan(conn, utc("2026-01-12 09:40"))
    assert [(o) for _, _, o in await slots(conn)] == ["late"]


async def test_turned_off_or_disabled_patients_get_nothing(
    conn: asyncpg.Connection, alex: UUID
) -> None:
    await choose(conn, alex, "09:00")
    await conn.execute("UPDATE reminder_settings SET enabled = false")
    await plan(conn, utc("2026-01-12 09:01"))
    await conn.execute("UPDATE reminder_settings SET enabled = true")
    await conn.execute("UPDATE users SET disabled_at = now()")
    await plan(conn, utc("2026-01-12 09:02"))
    assert await slots(conn) == []


async def test_planners_at_the_same_moment_decide_each_slot_once(
    db_url: str, conn: asyncpg.Connection
) -> None:
    site = await make_site(conn)
    for n in range(20):
        patient = await make_user(conn, site, "patient", f"patient{n}")
        await choose(conn, patient, "09:00")
        session = await create_session(conn, patient, "patient", "pytest")
        await conn.execute(
            """INSERT INTO push_subscriptions (user_id, session_id, endpoint, p256dh, auth)
               VALUES ($1, $2, $3, $4, $5)""",
            patient, session.session_id, f"https://fcm.googleapis.com/fcm/send/{n}",
            b"\x04" * 65, b"\x00" * 16)
    import asyncio

    conns = [await asyncpg.connect(db_url) for _ in range(4)]
    try:
        for _ in range(3):
            await asyncio.gather(*(plan(c, utc("2026-01-12 09:01")) for c in conns))
    finally:
        for c in conns:
            await c.close()
    assert await conn.fetchval("SELECT count(*) FROM reminder_slots") == 20
    assert await conn.fetchval("SELECT count(*) FROM reminder_sends") == 20
    assert await conn.fetchval(
        "SELECT count(*) FROM pgqueuer WHERE entrypoint = 'reminder_send'") == 20


async def test_history_older_than_five_weeks_is_removed(
    conn: asyncpg.Connection, alex: UUID
) -> None:
    await choose(conn, alex, "09:00")
    await plan(conn, utc("2026-01-12 09:01"))
    await plan(conn, utc("2026-02-20 09:01"))
    assert await prune(conn, utc("2026-02-20 10:00")) == 1
    assert [day for day, _, _ in await slots(conn)] == ["2026-02-20 09:00"]
