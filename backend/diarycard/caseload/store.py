"""The caseload: one query for all of a clinician's patients, then words and order."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import asyncpg
import msgspec

from diarycard.auth.principal import Principal
from diarycard.caseload.access import SQL, record_many
from diarycard.caseload.models import CaseloadItem
from diarycard.caseload.words import Figures, days_between, describe, review_due

# With no attended session on record, "recently" means the last two weeks.
WINDOW_DAYS = 14


async def caseload(
    conn: asyncpg.Connection, who: Principal, now: datetime | None = None
) -> list[CaseloadItem]:
    who.require("clinician")
    now = now or datetime.now(UTC)
    async with conn.transaction():
        rows = await conn.fetch(
            SQL["caseload"], who.user_id, who.site_id, now, timedelta(days=WINDOW_DAYS)
        )
        # Audited before anything is returned; if the rows cannot be written, nothing is.
        await record_many(conn, who, [r["patient_id"] for r in rows], "caseload.view")
    items = [_item(msgspec.convert(dict(r), Figures), now) for r in rows]
    # Most attention first; then the longest silence; then by name, so the order is stable.
    items.sort(key=lambda i: (-i.attention, -(i.days_since_last_entry or 0),
                              i.display_name.casefold(), str(i.patient_id)))
    return items


def _item(f: Figures, now: datetime) -> CaseloadItem:
    summary, score, reasons = describe(f, now, WINDOW_DAYS)
    return CaseloadItem(
        patient_id=f.patient_id,
        login=f.login,
        display_name=f.display_name,
        summary=summary,
        attention=score,
        reasons=reasons,
        follow_up=f.missed_appointments > 0,
        missed_appointments=f.missed_appointments,
        since=f.since,
        since_last_session=f.last_session_at is not None,
        last_session_at=f.last_session_at,
        next_appointment_at=f.next_appointment_at,
        last_entry_at=f.last_entry_at,
        days_since_last_entry=None if f.last_entry_at is None
        else days_between(f.last_entry_at, now),
        entries_since=f.entries,
        acted_since=f.acted,
        partly_since=f.partly,
        max_self_harm=f.max_self_harm,
        max_aggression=f.max_aggression,
        substance_use_since=f.substance_use,
        crisis_offers_since=f.crisis_offers,
        plan_review_date=f.plan_review_date,
        plan_review_due=review_due(f.plan_review_date, now),
    )
