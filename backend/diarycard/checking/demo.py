"""A demo "checking it out" record for each demo patient."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

from diarycard.checking.models import Checking, CheckingIn
from diarycard.tools.demo import save_for_each

RECORD = CheckingIn(
    situation="My friend did not answer my messages all day.",
    assumed="She is fed up with me and does not want to see me.",
    how_sure=85,
    other_explanations=["Her phone was off", "She was busy at work", "She was unwell"],
    strategies=["ask", "context"],
    asked_or_said="Hope you're OK. Is everything all right with us?",
    learned="She had been on a long shift. I was much less sure once I thought of other reasons.",
    status="done",
)


async def load_demo(
    conn: asyncpg.Connection, site_id: UUID, patient_ids: Sequence[UUID],
    clinician_ids: Sequence[UUID],
) -> None:
    await save_for_each(conn, patient_ids, "checking_it_out", {"friend": RECORD}, Checking)
