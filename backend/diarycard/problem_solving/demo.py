"""Demo worksheets: one finished, one still open for the next session."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from diarycard.problem_solving.models import Solution, Worksheet, WorksheetIn
from diarycard.tools.demo import save_for_each

SHEETS = {
    "bus": WorksheetIn(
        problem="I keep missing the bus to my appointments.",
        solutions=[Solution("Set two alarms", "Easy to do", "Might sleep through them"),
                   Solution("Ask Jo for a lift", "Reliable", "Jo works some mornings"),
                   Solution("Get the earlier bus")],
        chosen=0, first_step="Buy a cheap alarm clock", when="Saturday morning",
        what_happened="Made it on time three times this week.",
        learned="A small practical step helped more than I expected.", status="done",
    ),
    "rent": WorksheetIn(
        problem="I am behind with my rent and avoid opening letters.",
        solutions=[Solution("Open the letters with Jo"), Solution("Call the housing office"),
                   Solution("Ask at the advice centre")],
        chosen=1, first_step="Write down what I want to say", when="Tuesday after lunch",
    ),
}


async def load_demo(
    conn: asyncpg.Connection, site_id: UUID, patient_ids: Sequence[UUID],
    clinician_ids: Sequence[UUID],
) -> None:
    await save_for_each(conn, patient_ids, "problem_solving", SHEETS, Worksheet)
