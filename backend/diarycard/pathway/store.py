"""The pathway in PostgreSQL. Functions take the `PatientScope` that proves access: the
patient's own, or the clinician's care team and audit row (`auth.access.as_clinician`)."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import asyncpg
import msgspec

from diarycard.auth.access import PatientScope
from diarycard.caseload.words import LONDON
from diarycard.db.queries import load_queries
from diarycard.errors import Invalid, NotFound
from diarycard.pathway.models import Pathway, PathwayIn, PhaseChange
from diarycard.pathway.rules import EXPECTED_WORDS, PHASES, overrun, phase_words
from diarycard.tools.text import check_text

SQL = load_queries(Path(__file__).with_name("queries.sql"))
_history = msgspec.json.Decoder(list[PhaseChange])


def london_today() -> date:
    return datetime.now(UTC).astimezone(LONDON).date()


def _pathway(row: Any, today: date) -> Pathway:
    phase, started, sessions = row["phase"], row["phase_started_on"], row["sessions_in_phase"]
    return Pathway(
        patient_id=row["patient_id"], phase=phase, phase_name=PHASES[phase],
        phase_started_on=started, started_on=row["started_on"],
        phase_words=phase_words(phase, started, today, sessions),
        overrun=overrun(phase, started, today, sessions), expected=EXPECTED_WORDS[phase],
        responsibilities=row["responsibilities"], formulation=row["formulation"],
        assessment_done_on=row["assessment_done_on"], assessment_by=row["assessment_by"],
        therapy_type=row["therapy_type"], therapy_duration=row["therapy_duration"],
        therapy_intensity=row["therapy_intensity"],
        choice_discussed_on=row["choice_discussed_on"],
        history=_history.decode(row["history"]), updated_at=row["updated_at"],
    )


async def get(conn: asyncpg.Connection, scope: PatientScope) -> Pathway:
    row = await conn.fetchrow(SQL["get"], scope.patient_id)
    if row is None:
        raise NotFound("No pathway has been recorded yet.")
    return _pathway(row, london_today())


async def save(
    conn: asyncpg.Connection, scope: PatientScope, data: PathwayIn
) -> Pathway:
    """Record the pathway; a new phase is added to the history. "discharged" only with an
    agreed discharge plan (422 naming `phase` otherwise, nothing stored)."""
    check_text(data)
    who, patient_id = scope.who, scope.patient_id
    today = london_today()
    if data.phase_started_on is not None and data.phase_started_on > today:
        raise Invalid.field("phase_started_on", "cannot be in the future")
    async with conn.transaction():
        before = await conn.fetchval(SQL["phase_of"], patient_id)
        row = await conn.fetchrow(
            SQL["save"], patient_id, scope.site_id, data.phase, data.phase_started_on or today,
            data.responsibilities, data.formulation, data.assessment_done_on,
            data.assessment_by, data.therapy_type, data.therapy_duration,
            data.therapy_intensity, data.choice_discussed_on, who.user_id,
            data.phase_started_on)
        if row is None:
            raise Invalid.field("phase", "discharged needs a discharge plan agreed by the "
                                         "patient and the clinician first")
        if before != row["phase"]:
            await conn.execute(SQL["record_phase"], patient_id, row["phase"],
                               row["phase_started_on"], who.user_id)
        return await get(conn, scope)
