"""The discharge plan: a document both sides agree (agreement/store.py does the agreeing).
Every function takes the `PatientScope` that proves access: the patient's own, or a
clinician's from `auth.access.as_clinician`."""

from __future__ import annotations

import asyncpg
import msgspec

from diarycard.agreement import store as agreement
from diarycard.agreement.models import AgreeIn
from diarycard.agreement.store import Side, StoredDraft, StoredVersion
from diarycard.auth.access import PatientScope
from diarycard.discharge.models import (
    AgreedDischargePlan,
    DischargeAgreement,
    DischargeDraft,
    DischargeDraftIn,
    DischargePlan,
)
from diarycard.discharge.rules import check_ready
from diarycard.errors import NotFound
from diarycard.tools.text import check_text
from diarycard.tools.versioning import request_hash

KIND = "discharge"
_plan = msgspec.json.Decoder(DischargePlan)


def _draft(d: StoredDraft) -> DischargeDraft:
    plan = _plan.decode(d.body) if d.body else DischargePlan()
    return DischargeDraft(d.version, plan, d.updated_at, d.updated_by_name, d.patient_agreed,
                          d.clinician_agreed, d.agreed_version)


def _agreed(v: StoredVersion) -> AgreedDischargePlan:
    return AgreedDischargePlan(v.version, _plan.decode(v.body), v.agreed_at,
                               v.patient_agreed_at, v.clinician_name, v.clinician_agreed_at,
                               v.proposed_by_name)


async def current(conn: asyncpg.Connection, scope: PatientScope) -> AgreedDischargePlan:
    latest = await agreement.versions(conn, KIND, scope, limit=1)
    if not latest:
        raise NotFound("There is no agreed discharge plan yet. You write it with your "
                       "clinician before treatment ends.")
    return _agreed(latest[0])


async def versions(conn: asyncpg.Connection, scope: PatientScope) -> list[AgreedDischargePlan]:
    return [_agreed(v) for v in await agreement.versions(conn, KIND, scope)]


async def draft(conn: asyncpg.Connection, scope: PatientScope) -> DischargeDraft:
    return _draft(await agreement.draft(conn, KIND, scope))


async def save_draft(
    conn: asyncpg.Connection, scope: PatientScope, data: DischargeDraftIn
) -> DischargeDraft:
    check_text(data)
    body = msgspec.json.encode(data.plan).decode()
    stored = await agreement.save_draft(conn, KIND, scope, data.base_version, body,
                                        request_hash(data))
    return _draft(stored)


async def agree(
    conn: asyncpg.Connection, side: Side, scope: PatientScope, data: AgreeIn
) -> DischargeAgreement:
    stored, done = await agreement.agree(
        conn, KIND, side, scope, data.draft_version,
        lambda body: check_ready(_plan.decode(body)), "discharge plan")
    return DischargeAgreement(_draft(stored), _agreed(done) if done else None)
