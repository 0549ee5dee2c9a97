"""A patient's own reminders: their choices, their phones' subscriptions, a test push and
their answer to a clinician's suggestion. Every function takes the
patient's own `PatientScope` (the `Own` dependency), and every query is scoped to it."""

from __future__ import annotations

import zoneinfo
from collections.abc import Sequence
from datetime import time
from pathlib import Path
from typing import Any

import asyncpg

from diarycard.auth.access import PatientScope
from diarycard.db.queries import load_queries
from diarycard.entries.checks import text_errors
from diarycard.errors import Conflict, FieldError, Invalid, NotFound
from diarycard.reminders import jobs
from diarycard.reminders.models import (
    Device,
    QuietHours,
    Reminders,
    RemindersIn,
    Suggestion,
    Unanswered,
)
from diarycard.reminders.subscriptions import Checked

SQL = load_queries(Path(__file__).with_name("queries.sql"))


def as_time(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def as_text(value: time) -> str:
    return value.strftime("%H:%M")


def suggestion_from(row: Any) -> Suggestion:
    return Suggestion(
        times=[as_text(t) for t in row["times"]], days=list(row["days"]),
        suggested_by=row["suggested_by"], suggested_at=row["suggested_at"],
        answer=row["answer"],
    )


async def get_reminders(conn: asyncpg.Connection, own: PatientScope, push_on: bool) -> Reminders:
    row = await conn.fetchrow(SQL["get_settings"], own.patient_id)
    devices = await conn.fetch(SQL["devices"], own.patient_id)
    pending = await conn.fetchrow(SQL["pending_suggestion"], own.patient_id, False)
    late = await conn.fetchrow(SQL["unanswered"], own.patient_id)
    quiet = None
    if row is not None and row["quiet_start"] is not None:
        quiet = QuietHours(as_text(row["quiet_start"]), as_text(row["quiet_end"]))
    return Reminders(
        enabled=row["enabled"] if row else False,
        times=[as_text(t) for t in row["times"]] if row else [],
        days=list(row["days"]) if row else [1, 2, 3, 4, 5, 6, 7],
        quiet_hours=quiet,
        time_zone=row["time_zone"] if row else "Europe/London",
        wording=row["wording"] if row else "diary",
        push_available=push_on,
        devices=[Device(d["endpoint"], d["last_sent_at"], d["last_error"]) for d in devices],
        suggestion=suggestion_from(pending) if pending else None,
        unanswered=Unanswered(late["due_at"], late["delivered"]) if late else None,
    )


def _check(data: RemindersIn) -> None:
    errors = []
    if len(set(data.times)) != len(data.times):
        errors.append(("times", "each time once"))
    if data.enabled and not data.times:
        errors.append(("times", "choose at least one time to turn reminders on"))
    if len(set(data.days)) != len(data.days):
        errors.append(("days", "each day once"))
    if data.quiet_hours and data.quiet_hours.start == data.quiet_hours.end:
        errors.append(("quiet_hours.end", "must differ from the start"))
    try:
        zoneinfo.ZoneInfo(data.time_zone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        errors.append(("time_zone", "must be a time zone name such as Europe/London"))
    if errors:
        raise Invalid(errors=[FieldError(f, r) for f, r in errors])


async def put_reminders(
    conn: asyncpg.Connection, own: PatientScope, data: RemindersIn, push_on: bool
) -> Reminders:
    _check(data)
    quiet = data.quiet_hours
    async with conn.transaction():
        try:
            await conn.execute(SQL["check_time_zone"], data.time_zone)
        except asyncpg.InvalidParameterValueError as exc:
            raise Invalid.field("time_zone", "is not a time zone this service knows") from exc
        await conn.execute(
            SQL["put_settings"], own.patient_id, data.enabled,
            sorted(as_time(t) for t in data.times), sorted(data.days),
            as_time(quiet.start) if quiet else None, as_time(quiet.end) if quiet else None,
            data.time_zone, data.wording,
        )
    return await get_reminders(conn, own, push_on)


async def put_subscription(conn: asyncpg.Connection, own: PatientScope, sub: Checked) -> None:
    await conn.execute(SQL["put_subscription"], own.patient_id, own.who.session_id, sub.endpoint,
                       sub.p256dh, sub.auth)


async def delete_subscription(
    conn: asyncpg.Connection, own: PatientScope, endpoint: str | None
) -> None:
    if endpoint is not None and (bad := text_errors("endpoint", endpoint)):
        raise Invalid(errors=bad)  # PostgreSQL cannot compare text holding NUL
    await conn.execute(SQL["delete_subscription"], own.patient_id, endpoint)


async def queue_test(conn: asyncpg.Connection, own: PatientScope) -> int:
    """One push to each of the patient's phones, through the same queue as reminders."""
    async with conn.transaction():
        ids: Sequence[int] = [r["id"] for r in await conn.fetch(SQL["queue_test"], own.patient_id)]
        if not ids:
            raise Conflict("No phone is set up for notifications yet. Turn reminders on in "
                           "Settings on your phone first.")
        await jobs.enqueue_sends(conn, [(i, 0) for i in ids])
    return len(ids)


async def answer_suggestion(
    conn: asyncpg.Connection, own: PatientScope, accept: bool, push_on: bool
) -> Reminders:
    async with conn.transaction():
        pending = await conn.fetchval(SQL["suggestion_exists"], own.patient_id)
        if not pending:
            raise NotFound("There is no suggestion waiting for your answer.")
        await conn.execute(SQL["accept_suggestion"], own.patient_id, accept)
    return await get_reminders(conn, own, push_on)

