"""What researchers read of a study: CONSORT, the follow-up list and the export. Each is
scoped to the caller's study sites and audited; none names anyone."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any, Literal
from uuid import UUID

import asyncpg

from diarycard.audit.store import record
from diarycard.auth.principal import Principal
from diarycard.outcomes.schedule import add_months
from diarycard.outcomes.store import london_today
from diarycard.studies import export
from diarycard.studies.consort import consort
from diarycard.studies.models import Consort, FollowUp
from diarycard.studies.store import SQL, participants, pseudonym, study

GRACE = timedelta(days=14)


async def _consort(conn: asyncpg.Connection, study_id: UUID, arms: list[str],
                   today: date, people: list[Any], records: list[Any]) -> Consort:
    screened = {r["reason"]: r["n"] for r in await conn.fetch(SQL["screened_counts"],
                                                              study_id)}
    start = {p["patient_id"]: p["enrolled_on"] for p in people}
    # Included in analyses: at least one measure completed after enrolment.
    analysed = {r["patient_id"] for r in records
                if r["record"] == "measure" and r["day"] > start[r["patient_id"]]}
    return consort(arms, screened, people, analysed, today)


async def consort_of(conn: asyncpg.Connection, who: Principal, study_id: UUID) -> Consort:
    async with conn.transaction():
        found = await study(conn, who, study_id)
        await record(conn, who, None, "study.consort", str(study_id))
        people = await participants(conn, study_id)
        records = list(await conn.fetch(SQL["measures"], study_id))
        return await _consort(conn, study_id, found.arms, london_today(), people, records)


async def follow_ups(conn: asyncpg.Connection, who: Principal, study_id: UUID,
                     today: date | None = None) -> list[FollowUp]:
    """Visits due (from 7 days before to 14 after) or overdue (no measure since), every
    `primary` months and, where it falls, every `secondary` months, to the end."""
    today = today or london_today()
    async with conn.transaction():
        found = await study(conn, who, study_id)
        keys = await conn.fetchrow("SELECT pseudonym_key FROM studies WHERE id = $1", study_id)
        await record(conn, who, None, "study.follow_ups", str(study_id))
        people = await participants(conn, study_id)
        records = await conn.fetch(SQL["measures"], study_id)
    last: dict[UUID, date] = {}
    for r in records:
        if r["record"] == "measure":
            last[r["patient_id"]] = max(r["day"], last.get(r["patient_id"], r["day"]))
    out = []
    for p in people:
        if p["completed"] or p["left_on"]:
            continue
        month = 0
        for m in range(found.follow_up_primary_months, found.follow_up_until_months + 1,
                       found.follow_up_primary_months):
            if add_months(p["enrolled_on"], m) - timedelta(days=7) <= today:
                month = m
        if not month:
            continue
        visit = add_months(p["enrolled_on"], month)
        if last.get(p["patient_id"], date.min) >= visit - timedelta(days=7):
            continue
        kind: Literal["primary", "secondary"] = (
            "secondary" if month % found.follow_up_secondary_months == 0 else "primary")
        out.append(FollowUp(pseudonym(keys["pseudonym_key"], p["patient_id"]), p["arm"],
                            month, kind, (visit - p["enrolled_on"]).days,
                            "due" if today <= visit + GRACE else "overdue"))
    return out


async def export_of(conn: asyncpg.Connection, who: Principal, study_id: UUID,
                    fmt: Literal["csv", "fhir"]) -> bytes:
    """A small study's export, at once (a large one is a background job: exports.py)."""
    parts: list[bytes] = []

    async def write(data: bytes) -> None:
        parts.append(data)

    async with conn.transaction():
        found = await study(conn, who, study_id)
        await record(conn, who, None, f"study.export.{fmt}", str(study_id))
        await export.stream(conn, found, fmt, london_today(), write)
    return b"".join(parts)
