"""Which patients a clinician may see: their own, through `care_team`, at their site."""

from __future__ import annotations

from uuid import UUID

import asyncpg

from diarycard.audit.store import record
from diarycard.auth.principal import Principal
from diarycard.errors import NotFound

_ASSIGNED = """
SELECT 1 FROM care_team
 WHERE clinician_id = $1 AND patient_id = $2 AND site_id = $3
"""


async def open_patient(
    conn: asyncpg.Connection, who: Principal, patient_id: UUID, action: str, resource: str
) -> None:
    """Inside the caller's transaction: check `who` is on this patient's care team (404 if
    not, the same as a patient who does not exist), then write the audit row before any
    data is read, so a failed audit insert returns no data."""
    who.require("clinician")
    if await conn.fetchval(_ASSIGNED, who.user_id, patient_id, who.site_id) is None:
        raise NotFound()
    await record(conn, who, patient_id, action, resource)
