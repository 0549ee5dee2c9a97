"""An agreed crisis plan for a test patient, seeded through the real store code (the
browser tests of the tools and of clinical safety use it)."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from diarycard.agreement.models import AgreeIn
from diarycard.auth.access import open_patient, own_scope
from diarycard.crisis import store
from diarycard.crisis.demo import demo_plan
from diarycard.crisis.models import DraftIn
from diarycard.tools.demo import person
from factories import assign, make_user


async def agree_plan(db_url: str, patient_id: UUID) -> None:
    conn = await asyncpg.connect(db_url)
    try:
        site = await conn.fetchval("SELECT site_id FROM users WHERE id = $1", patient_id)
        clinician_id = await make_user(conn, site, "clinician", f"clin-{patient_id.hex[:12]}",
                                       "Dr Rowan Ellis")
        await assign(conn, clinician_id, patient_id)
        own = own_scope(await person(conn, patient_id))
        start = await store.draft(conn, own)
        draft = await store.save_draft(conn, own, DraftIn(0, demo_plan(start.plan.professionals)))
        await store.agree(conn, "patient", own, AgreeIn(draft.version))
        async with conn.transaction():
            theirs = await open_patient(conn, await person(conn, clinician_id), patient_id,
                                        "agree", "crisis_plan")
            await store.agree(conn, "clinician", theirs, AgreeIn(draft.version))
    finally:
        await conn.close()
