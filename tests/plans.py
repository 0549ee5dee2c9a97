"""An agreed crisis plan for a test patient, seeded through the real store code (the
browser tests of the tools and of clinical safety use it), and an agreed discharge plan
with a new version to agree."""

from __future__ import annotations

import json
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


AGREED = {"what_continues": ["Monthly check-in with Dr Ward"],
          "contacts": [{"name": "Dr Ward", "phone": "020 7946 0000"}],
          "if_worse": ["Use my crisis plan"], "steps_down": [{"what": "Monthly sessions"}]}
NEW = AGREED | {"if_worse": ["Use my crisis plan", "Ask my GP to refer me back"],
                "steps_down": [{"when": "2027-03-01", "what": "Sessions every two weeks"}]}


async def agreed_and_a_new_draft(db_url: str, patient: UUID) -> None:
    conn = await asyncpg.connect(db_url)
    try:
        site = await conn.fetchval("SELECT site_id FROM users WHERE id = $1", patient)
        ward = await make_user(conn, site, "clinician", f"dr.ward.{patient.hex[:8]}", "Dr Ward")
        await conn.execute(
            "INSERT INTO agreed_versions (kind, patient_id, site_id, version, draft_version,"
            " body, patient_agreed_at, clinician_id, clinician_name, clinician_agreed_at,"
            " proposed_by_name) VALUES ('discharge', $1, $2, 1, 1, $3::jsonb, now(), $4,"
            " 'Dr Ward', now(), 'Dr Ward')", patient, site, json.dumps(AGREED), ward)
        await conn.execute(
            "INSERT INTO agreed_drafts (kind, patient_id, site_id, body, version, request_hash,"
            " updated_by, patient_agreed, clinician_agreed, clinician_agreed_at, clinician_id)"
            " VALUES ('discharge', $1, $2, $3::jsonb, 2, '\\x00', $4, 1, 2, now(), $4)",
            patient, site, json.dumps(NEW), ward)
    finally:
        await conn.close()
