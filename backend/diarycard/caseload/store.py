"""The caseload: one query for all of a clinician's patients, then tiers, words and order.

This read is set-based, not one patient's record, so it takes the clinician's `Principal`
rather than a `PatientScope` (`auth.access`): a scope per patient would mean one gate
round trip per patient, where here the care-team join is in the one query's SQL
(`WHERE` the clinician's own links at their own site) and `record_many` audits every
patient it returns in the same transaction. Anything that opens one patient goes through
`auth.access.as_clinician` like every other feature.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import asyncpg
import msgspec

from diarycard.audit.store import record_many
from diarycard.auth.principal import Principal
from diarycard.caseload.models import CaseloadItem
from diarycard.caseload.tiers import TIER_NAMES, Placement, measures_due, place
from diarycard.caseload.words import LONDON, Figures, days_between, review_due
from diarycard.db.queries import load_queries
from diarycard.follow_up.rules import overdue
from diarycard.pathway.rules import overrun, phase_words

SQL = load_queries(Path(__file__).with_name("queries.sql"))

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
    placed = [(place(f, now, WINDOW_DAYS), f)
              for f in (msgspec.convert(dict(r), Figures) for r in rows)]
    # Tier, severity, recency; then by name, so the order is stable.
    placed.sort(key=lambda p: (*p[0].order, p[1].display_name.casefold(), str(p[1].patient_id)))
    return [_item(f, placement, now) for placement, f in placed]


def _item(f: Figures, placement: Placement, now: datetime) -> CaseloadItem:
    return CaseloadItem(
        patient_id=f.patient_id,
        login=f.login,
        display_name=f.display_name,
        summary=placement.summary,
        tier=placement.tier,
        tier_name=TIER_NAMES[placement.tier],
        reasons=placement.reasons,
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
        risk_floor=f.risk_floor,
        self_harm_threshold=f.self_harm_threshold,
        aggression_threshold=f.aggression_threshold,
        plan_review_date=f.plan_review_date,
        plan_review_due=review_due(f.plan_review_date, now),
        measures=measures_due(f, now),
        follow_up_tasks=f.follow_up_tasks,
        follow_up_overdue=f.follow_up_last_touch is not None
        and overdue(f.follow_up_last_touch, None, now),
        **_phase(f, now),
    )


def _phase(f: Figures, now: datetime) -> dict[str, Any]:
    if f.phase is None or f.phase_started_on is None:
        return {}
    today, sessions = now.astimezone(LONDON).date(), f.sessions_in_phase or 0
    return {"phase": f.phase,
            "phase_words": phase_words(f.phase, f.phase_started_on, today, sessions),
            "phase_overrun": overrun(f.phase, f.phase_started_on, today, sessions)}
