"""Supervision records and the site's quality-statement counts. A clinician sees and
records their own supervision; their site's admin sees everyone's and the counts. Another
site's clinician is a 404."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import asyncpg
import msgspec

from diarycard.auth.principal import Principal
from diarycard.db.queries import load_queries
from diarycard.errors import Invalid, NotFound
from diarycard.pathway.store import london_today
from diarycard.quality.models import (
    QualityReport,
    Statement,
    Supervision,
    SupervisionAgreementIn,
    SupervisionSession,
    SupervisionSessionIn,
)
from diarycard.quality.rules import next_due, percent
from diarycard.tools.text import check_text

SQL = load_queries(Path(__file__).with_name("queries.sql"))
_sessions = msgspec.json.Decoder(list[SupervisionSession])


def _short(day: date) -> str:
    return f"{day.day} {day.strftime('%b %Y')}"


def _supervision(row: Any, today: date) -> Supervision:
    sessions = _sessions.decode(row["sessions"])
    last = sessions[0].held_on if sessions else None
    if row["level"] is None:
        return Supervision(row["clinician_id"], row["display_name"], None, None, None,
                           sessions, None, False,
                           "No level and frequency of supervision agreed yet")
    due = next_due(row["agreed_on"], row["every_weeks"], last)
    overdue = today > due
    words = (f"Every {row['every_weeks']} weeks ({row['level']}); "
             + (f"last on {_short(last)}" if last else "none recorded yet")
             + f"; next due by {_short(due)}" + (": overdue" if overdue else ""))
    return Supervision(row["clinician_id"], row["display_name"], row["level"],
                       row["every_weeks"], row["agreed_on"], sessions, due, overdue, words)


async def _check(conn: asyncpg.Connection, who: Principal, clinician_id: UUID) -> None:
    who.require("clinician", "admin")
    if who.role == "clinician" and who.user_id != clinician_id:
        raise NotFound()
    if await conn.fetchrow(SQL["clinician"], clinician_id, who.site_id) is None:
        raise NotFound()


async def supervision(
    conn: asyncpg.Connection, who: Principal, clinician_id: UUID
) -> Supervision:
    await _check(conn, who, clinician_id)
    row = await conn.fetchrow(SQL["supervision"], who.site_id, clinician_id)
    return _supervision(row, london_today())


async def agree(
    conn: asyncpg.Connection, who: Principal, clinician_id: UUID, data: SupervisionAgreementIn
) -> Supervision:
    check_text(data)
    if data.agreed_on > london_today():
        raise Invalid.field("agreed_on", "cannot be in the future")
    return await _change(conn, who, clinician_id, "agree", data.level, data.every_weeks,
                         data.agreed_on)


async def add_session(
    conn: asyncpg.Connection, who: Principal, clinician_id: UUID, data: SupervisionSessionIn
) -> Supervision:
    check_text(data)
    if data.held_on > london_today():
        raise Invalid.field("held_on", "record a supervision session once it has happened")
    return await _change(conn, who, clinician_id, "add_session", data.held_on,
                         data.supervisor, who.user_id)


async def _change(
    conn: asyncpg.Connection, who: Principal, clinician_id: UUID, query: str, *args: object
) -> Supervision:
    """Check who may, write, and read the clinician's supervision back, in one transaction."""
    async with conn.transaction():
        await _check(conn, who, clinician_id)
        await conn.execute(SQL[query], clinician_id, who.site_id, *args)
        return await supervision(conn, who, clinician_id)


async def report(conn: asyncpg.Connection, who: Principal) -> QualityReport:
    """The site admin's page: per statement, how many meet it, in words and figures."""
    who.require("admin")
    today = london_today()
    counts = await conn.fetchrow(SQL["patient_statements"], who.site_id)
    clinicians = [_supervision(r, today)
                  for r in await conn.fetch(SQL["supervision"], who.site_id, None)]
    supervised = sum(1 for c in clinicians if c.level is not None and not c.overdue)
    n, ending = counts["patients"], counts["ending"]
    statements = [
        Statement(1, "Structured assessment", counts["assessed"], n,
                  f"{counts['assessed']} of {n} patients{percent(counts['assessed'], n)} "
                  "have a structured assessment recorded, with its date"),
        Statement(2, "Choice of psychological therapy", counts["chose"], n,
                  f"{counts['chose']} of {n} patients{percent(counts['chose'], n)} chose "
                  "the type, duration and intensity of their therapy, recorded with the date"),
        Statement(5, "A phased plan agreed before services change or end",
                  counts["ending_with_plan"], ending,
                  f"{counts['ending_with_plan']} of {ending} patients in the discharge "
                  f"transition or discharged{percent(counts['ending_with_plan'], ending)} "
                  "have a discharge plan agreed with them"),
        Statement(6, "Supervision for the professionals", supervised, len(clinicians),
                  f"{supervised} of {len(clinicians)} clinicians"
                  f"{percent(supervised, len(clinicians))} have an agreed level and "
                  "frequency of supervision and are up to date with it"),
    ]
    return QualityReport(statements, clinicians)
