"""The crisis plan in PostgreSQL: the shared draft, agreeing it, and the agreed versions.

Every function takes the `PatientScope` that proves access: the patient's own (`Own`), or
a clinician's from `auth.access.as_clinician`, which checked the care team and wrote the
audit row in the same transaction.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any, Literal

import asyncpg
import msgspec

from diarycard.agreement.models import AgreeIn
from diarycard.auth.access import PatientScope
from diarycard.crisis.models import (
    Agreed,
    Agreement,
    Contact,
    CrisisPlan,
    Draft,
    DraftIn,
    Plan,
    SiteNumber,
)
from diarycard.crisis.rules import check_ready
from diarycard.db.queries import load_queries
from diarycard.errors import NotFound, PreconditionFailed
from diarycard.tools.text import check_text
from diarycard.tools.versioning import Step, decide, request_hash

SQL = load_queries(Path(__file__).with_name("queries.sql"))
Side = Literal["patient", "clinician"]

_numbers = msgspec.json.Decoder(list[SiteNumber])
_plan = msgspec.json.Decoder(Plan)


def _agreed(row: Any) -> Agreed:
    return Agreed(
        version=row["version"], plan=_plan.decode(row["plan"]), review_date=row["review_date"],
        agreed_at=row["agreed_at"], patient_agreed_at=row["patient_agreed_at"],
        clinician_name=row["clinician_name"], clinician_agreed_at=row["clinician_agreed_at"],
    )


async def current(conn: asyncpg.Connection, scope: PatientScope) -> CrisisPlan:
    """The current agreed plan with the site's crisis lines; NotFound before one is agreed."""
    row = await conn.fetchrow(SQL["current_version"], scope.patient_id)
    if row is None:
        raise NotFound("There is no agreed crisis plan yet. You can make one with your clinician.")
    agreed = _agreed(row)
    return CrisisPlan(**msgspec.structs.asdict(agreed),
                      site_numbers=_numbers.decode(row["site_numbers"]))


async def versions(conn: asyncpg.Connection, scope: PatientScope) -> list[Agreed]:
    """Every agreed version, newest first."""
    return [_agreed(row) for row in await conn.fetch(SQL["versions"], scope.patient_id)]


async def draft(conn: asyncpg.Connection, scope: PatientScope) -> Draft:
    patient_id, site_id = scope.patient_id, scope.site_id
    row = await conn.fetchrow(SQL["draft"], patient_id)
    if row is None:
        # Nothing written yet: start the professionals section with the site's lines.
        raw = await conn.fetchval(SQL["site_numbers"], site_id)
        lines = _numbers.decode(raw) if raw else []
        plan = Plan(professionals=[Contact(name=n.label, phone=n.number) for n in lines])
        agreed = await conn.fetchval(SQL["latest_version"], patient_id)
        return Draft(0, plan, None, False, False, agreed)
    return Draft(
        version=row["version"], plan=_plan.decode(row["plan"]), updated_at=row["updated_at"],
        patient_agreed=row["patient_agreed"] == row["version"],
        clinician_agreed=row["clinician_agreed"] == row["version"],
        agreed_version=row["agreed_version"],
    )


async def save_draft(
    conn: asyncpg.Connection, scope: PatientScope, data: DraftIn
) -> Draft:
    """Apply a change based on `data.base_version` (412 when the draft moved on since)."""
    who, patient_id, site_id = scope.who, scope.patient_id, scope.site_id
    check_text(data)
    digest = request_hash(data)
    body = msgspec.json.encode(data.plan).decode()
    async with conn.transaction():
        for _ in range(2):  # a second pass only when another first save won the race
            row = await conn.fetchrow(SQL["lock_draft"], patient_id)
            step = decide(row["version"] if row else None, row["request_hash"] if row else None,
                          data.base_version, digest)
            if step is Step.CREATE:
                if await conn.fetchval(SQL["create_draft"], patient_id, site_id, body, digest,
                                       who.user_id) is None:
                    continue
            elif step is Step.UPDATE:
                await conn.execute(SQL["update_draft"], patient_id, body, digest, who.user_id)
            return await draft(conn, scope)
    raise PreconditionFailed()


async def agree(
    conn: asyncpg.Connection, side: Side, scope: PatientScope, data: AgreeIn
) -> Agreement:
    """Record that `side` agrees draft version `data.draft_version`; when both sides have
    agreed the same version it becomes the next agreed version. Agreeing again is harmless.
    """
    who, patient_id, site_id = scope.who, scope.patient_id, scope.site_id
    async with conn.transaction():
        row = await conn.fetchrow(SQL["lock_draft"], patient_id)
        if row is None:
            raise NotFound("There is no draft crisis plan to agree yet.")
        done = await conn.fetchrow(SQL["version_of_draft"], patient_id, data.draft_version)
        if done is None:
            if row["version"] != data.draft_version:
                raise PreconditionFailed(
                    "The draft was changed since you read it. Please read it again, then agree."
                )
            current_draft = await draft(conn, scope)
            raw = await conn.fetchval(SQL["site_numbers"], site_id)
            check_ready(current_draft.plan, _numbers.decode(raw) if raw else [], date.today())
            if side == "patient":
                await conn.execute(SQL["mark_patient_agreed"], patient_id)
            else:
                await conn.execute(SQL["mark_clinician_agreed"], patient_id, who.user_id)
            await conn.execute(SQL["agree_if_both"], patient_id)
            done = await conn.fetchrow(SQL["version_of_draft"], patient_id, data.draft_version)
        return Agreement(await draft(conn, scope),
                         _agreed(done) if done is not None else None)
