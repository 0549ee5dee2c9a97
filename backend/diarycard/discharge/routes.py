"""Discharge-plan routes for the patient (`/discharge-plan...`) and their clinician
(`/patients/{patient_id}/discharge-plan...`): the current agreed plan, its versions, the
shared draft and agreeing it (the crisis plan's pattern)."""

from __future__ import annotations

from uuid import UUID

from litestar import get, put
from litestar.params import FromPath, JSONBody

from diarycard.auth.access import Own, as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.discharge import store
from diarycard.discharge.models import (
    AgreedDischargePlan,
    DischargeAgreeIn,
    DischargeAgreement,
    DischargeDraft,
    DischargeDraftIn,
)
from diarycard.entries.checks import DiaryRequest

MINE = "/discharge-plan"
THEIRS = "/patients/{patient_id:uuid}/discharge-plan"
TAGS = ["discharge plan"]


@get(MINE, tags=TAGS)
async def my_discharge_plan(conn: Conn, own: Own) -> AgreedDischargePlan:
    """Your agreed discharge plan (404 before one is agreed)."""
    return await store.current(conn, own)


@get(f"{MINE}/versions", tags=TAGS)
async def my_discharge_versions(
    conn: Conn, own: Own
) -> list[AgreedDischargePlan]:
    """Every agreed version of your discharge plan, newest first."""
    return await store.versions(conn, own)


@get(f"{MINE}/draft", tags=TAGS)
async def my_discharge_draft(conn: Conn, own: Own) -> DischargeDraft:
    """The discharge plan you and your clinician are writing (version 0: nothing yet)."""
    return await store.draft(conn, own)


@put(f"{MINE}/draft", tags=TAGS, request_class=DiaryRequest)
async def save_my_discharge_draft(
    conn: Conn, own: Own, data: JSONBody[DischargeDraftIn]
) -> DischargeDraft:
    """Change the draft, based on the version you last saw (412 if it changed since)."""
    return await store.save_draft(conn, own, data)


@put(f"{MINE}/agreement", tags=TAGS, request_class=DiaryRequest)
async def agree_my_discharge_plan(
    conn: Conn, own: Own, data: JSONBody[DischargeAgreeIn]
) -> DischargeAgreement:
    """Agree this version; once your clinician has too, it is your discharge plan."""
    return await store.agree(conn, "patient", own, data)


@get(THEIRS, tags=TAGS)
async def their_discharge_plan(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> AgreedDischargePlan:
    """A patient's agreed discharge plan (assigned clinicians; audited)."""
    return await as_clinician(conn, principal, patient_id, "read", "discharge_plan",
                              lambda scope: store.current(conn, scope))


@get(f"{THEIRS}/versions", tags=TAGS)
async def their_discharge_versions(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> list[AgreedDischargePlan]:
    """Every agreed version (assigned clinicians; audited)."""
    return await as_clinician(conn, principal, patient_id, "read", "discharge_plan_versions",
                              lambda scope: store.versions(conn, scope))


@get(f"{THEIRS}/draft", tags=TAGS)
async def their_discharge_draft(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> DischargeDraft:
    """A patient's draft discharge plan (assigned clinicians; audited)."""
    return await as_clinician(conn, principal, patient_id, "read", "discharge_plan_draft",
                              lambda scope: store.draft(conn, scope))


@put(f"{THEIRS}/draft", tags=TAGS, request_class=DiaryRequest)
async def save_their_discharge_draft(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID],
    data: JSONBody[DischargeDraftIn],
) -> DischargeDraft:
    """Change a patient's draft with them (assigned clinicians; audited; 412 when stale)."""
    return await as_clinician(
        conn, principal, patient_id, "update", "discharge_plan_draft",
        lambda scope: store.save_draft(conn, scope, data))


@put(f"{THEIRS}/agreement", tags=TAGS, request_class=DiaryRequest)
async def agree_their_discharge_plan(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID],
    data: JSONBody[DischargeAgreeIn],
) -> DischargeAgreement:
    """Agree a version of the draft as the clinician (assigned clinicians; audited)."""
    return await as_clinician(
        conn, principal, patient_id, "agree", "discharge_plan",
        lambda scope: store.agree(conn, "clinician", scope, data))


routes = [my_discharge_plan, my_discharge_versions, my_discharge_draft,
          save_my_discharge_draft, agree_my_discharge_plan, their_discharge_plan,
          their_discharge_versions, their_discharge_draft, save_their_discharge_draft,
          agree_their_discharge_plan]
