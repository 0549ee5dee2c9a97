"""An agreed crisis plan for a test patient, seeded through the real store code (the
browser tests of the tools and of clinical safety use it)."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from diarycard.crisis import store
from diarycard.crisis.demo import demo_plan
from diarycard.crisis.models import AgreeIn, DraftIn
from diarycard.tools.demo import person
from factories import assign, make_user


async def agree_plan(db_url: str, patient_id: UUID) -> None:
    conn = await asyncpg.connect(db_url)
    try:
        site = await conn.fetchval("SELECT site_id FROM users WHERE id = $1", patient_id)
        clinician_id = await make_user(conn, site, "clinician", f"clin-{patient_id.hex[:12]}",
                                       "Dr Rowan Ellis")
        await assign(conn, clinician_id, patient_id)
        patient, clinician = await person(conn, patient_id), await person(conn, clinician_id)
        start = await store.draft(conn, patient_id, site)
        draft = await store.save_draft(conn, patient, patient_id, site,
                                       DraftIn(0, demo_plan(start.plan.professionals)))
        for side, who in (("patient", patient), ("clinician", clinician)):
            await store.agree(conn, side, who, patient_id, site, AgreeIn(draft.version))
    finally:
        await conn.close()
