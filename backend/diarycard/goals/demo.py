"""Demo goals: one short-term and one long-term, agreed with the clinician."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from diarycard.auth.access import open_patient
from diarycard.goals.models import AGREED_FIELDS, Goal, GoalIn
from diarycard.tools import records
from diarycard.tools.demo import clinician_of, demo_id, person, save_as_patient

GOALS = {
    "walk": GoalIn(goal="Go for a walk three times a week", term="short",
                   steps="Start with ten minutes after lunch", progress=4),
    "work": GoalIn(goal="Find part-time work I can keep", term="long",
                   steps="Visit the job centre; ask about volunteering first", progress=2),
}


async def load_demo(
    conn: asyncpg.Connection, site_id: UUID, patient_ids: Sequence[UUID],
    clinician_ids: Sequence[UUID],
) -> None:
    for patient_id in patient_ids:
        patient = await person(conn, patient_id)
        clinician = await clinician_of(conn, patient_id)
        for name, goal in GOALS.items():
            saved = await save_as_patient(conn, patient, "goal", name, goal, Goal, AGREED_FIELDS)
            if saved and clinician is not None and saved.agreed_by is None and saved.version == 1:
                # The demo clinician agrees it, as one would: through the gate, audited.
                scope = await open_patient(conn, clinician, patient_id, "agree", "goal")
                await records.agree(conn, scope, "goal", demo_id(patient_id, name), 1, Goal)
