"""Acts, service contacts and measures: stored by the patient's own id, read back scoped to
the one patient. Clinicians reach these through `auth.access.as_clinician` (care team
and audit first)."""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import asyncpg
import msgspec

from diarycard.auth.access import PatientScope
from diarycard.db.queries import load_queries
from diarycard.errors import Conflict, FieldError, Invalid, NotFound
from diarycard.outcomes import questionnaires
from diarycard.outcomes.models import (
    Due,
    Event,
    EventIn,
    MeasureIn,
    MeasureResponse,
    ResponseItem,
    Score,
)
from diarycard.outcomes.schedule import due
from diarycard.tools.text import check_text
from diarycard.tools.versioning import Step, decide, request_hash

SQL = load_queries(Path(__file__).with_name("queries.sql"))
LONDON = ZoneInfo("Europe/London")
EARLIEST = date(2000, 1, 1)
INJURY_BAND = {"no_injury": 1, "first_aid": 3, "hospital": 4}
BAND_INJURY = {v: k for k, v in INJURY_BAND.items()}
AGGRESSION = ("verbal", "property", "others")


def london_today(now: datetime | None = None) -> date:
    return (now or datetime.now(UTC)).astimezone(LONDON).date()


def check_event(data: EventIn) -> None:
    """The rules between fields, each failure naming its field."""
    check_text(data)
    errors: list[FieldError] = []
    if data.occurred_on > london_today():
        errors.append(FieldError("occurred_on", "must not be in the future"))
    elif data.occurred_on < EARLIEST:
        errors.append(FieldError("occurred_on", "must be in 2000 or later"))
    rules = (
        ("injury", data.injury, data.kind == "self_harm", "self_harm"),
        ("severity", data.severity, data.kind in AGGRESSION, "verbal, property or others"),
        ("nights", data.nights, data.kind == "admission", "admission"),
    )
    for field, value, needed, kinds in rules:
        if needed and value is None:
            errors.append(FieldError(field, f"required when kind is {data.kind}"))
        elif not needed and value is not None:
            errors.append(FieldError(field, f"only for kind {kinds}"))
    if errors:
        raise Invalid(errors=errors)


def _event(row: Any) -> Event:
    severity = row["severity"]
    return Event(
        id=row["id"], kind=row["kind"], occurred_on=row["occurred_on"],
        injury=BAND_INJURY.get(severity) if row["kind"] == "self_harm" else None,  # type: ignore[arg-type]
        severity=severity, nights=row["nights"], note=row["note"], entry_id=row["entry_id"],
        recorded_by=row["recorded_role"], version=row["version"], created_at=row["created_at"],
    )


async def save_event(
    conn: asyncpg.Connection, scope: PatientScope, event_id: UUID, data: EventIn
) -> Event:
    """Create or change one act or contact of the scope's patient (the same rule as every
    offline write: based on the current version, or the very last request again)."""
    check_event(data)
    who, patient_id = scope.who, scope.patient_id
    digest = request_hash(data)
    severity = INJURY_BAND[data.injury] if data.injury else data.severity
    values = (data.kind, data.occurred_on, severity, data.nights, data.note, data.entry_id,
              who.user_id, who.role, digest)
    async with conn.transaction():
        if data.entry_id and not await conn.fetchval(SQL["entry_mine"], data.entry_id,
                                                     patient_id):
            raise Invalid.field("entry_id", "must be one of this patient's diary entries")
        for _ in range(2):  # a second pass only when the id was taken at the same moment
            row = await conn.fetchrow(SQL["event_lock"], event_id, patient_id)
            step = decide(row["version"] if row else None, row["request_hash"] if row else None,
                          data.base_version, digest)
            if step is Step.CREATE:
                if await conn.fetchval(SQL["event_create"], event_id, patient_id,
                                       *values) is None:
                    continue
            elif step is Step.UPDATE:
                await conn.execute(SQL["event_update"], event_id, patient_id, *values)
            found = await conn.fetchrow(SQL["event_one"], event_id, patient_id)
            if found is None:
                raise NotFound()
            return _event(found)
    raise NotFound()


async def events(conn: asyncpg.Connection, scope: PatientScope, since: date) -> list[Event]:
    return [_event(r) for r in await conn.fetch(SQL["events"], scope.patient_id, since)]


def _measure(row: Any, base_url: str) -> MeasureResponse:
    qid = row["questionnaire"]
    items = msgspec.convert(json.loads(row["items"]), list[ResponseItem])
    return MeasureResponse(
        id=row["id"],
        questionnaire=f"{questionnaires.canonical(base_url, qid)}|1",
        authored=row["authored"],
        item=items,
        score=Score(row["total"], questionnaires.stored_band(qid, row["total"], items),
                    row["self_harm_item"]),
    )


def _measure_hash(data: MeasureIn) -> bytes:
    canonical = {"q": data.questionnaire, "at": data.authored.isoformat(),
                 "a": sorted(data.answers.items())}
    return hashlib.sha256(json.dumps(canonical).encode()).digest()


async def save_measure(
    conn: asyncpg.Connection, own: PatientScope, measure_id: UUID, data: MeasureIn,
    base_url: str, now: datetime | None = None,
) -> MeasureResponse:
    """Store a patient's own completed measure once: the same request again answers what
    is stored; a different one under the same id is a conflict (a completed measure is not
    edited)."""
    patient_id = own.patient_id
    now = now or datetime.now(UTC)
    if data.authored.tzinfo is None:
        raise Invalid.field("authored", "needs a time zone offset")
    if data.authored > now + timedelta(minutes=5):
        raise Invalid.field("authored", "must not be in the future")
    if data.authored.date() < EARLIEST:
        raise Invalid.field("authored", "must be in 2000 or later")
    items, score = questionnaires.score(data)
    digest = _measure_hash(data)
    encoded = msgspec.json.encode(items).decode()
    async with conn.transaction():
        await conn.fetchval(SQL["measure_create"], measure_id, patient_id, data.questionnaire,
                            data.authored, encoded, score.total, score.self_harm_item,
                            own.who.user_id, digest)
        row = await conn.fetchrow(SQL["measure_one"], measure_id, patient_id)
    if row is None:
        raise NotFound()
    if row["request_hash"] != digest:
        raise Conflict("A different questionnaire was already sent with this id.")
    return _measure(row, base_url)


async def measures(
    conn: asyncpg.Connection, scope: PatientScope, base_url: str
) -> list[MeasureResponse]:
    rows = await conn.fetch(SQL["measures"], scope.patient_id)
    return [_measure(r, base_url) for r in rows]


async def schedule(conn: asyncpg.Connection, scope: PatientScope,
                   today: date | None = None) -> list[Due]:
    row = await conn.fetchrow(SQL["schedule"], scope.patient_id)
    if row is None:
        raise NotFound()
    return due_from(row, today or london_today())


def due_from(row: Any, today: date) -> list[Due]:
    """Each measure's place in the schedule, from a row of the `schedule` query."""
    last = {"phq-9": row["last_phq9"], "gad-7": row["last_gad7"],
            "monthly-summary": row["last_summary"]}
    # The monthly summary is due every month; the standard measures at the site's interval.
    every: dict[str, int] = {qid: row["every_months"] for qid in questionnaires.IDS}
    return [due(qid, questionnaires.INSTRUMENTS[qid].title, row["schedule_from"],
                every.get(qid, 1), today, last[qid]) for qid in questionnaires.ALL]
