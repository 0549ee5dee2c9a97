"""The one gate to a patient's record for a clinician: signed in as a clinician (else 403),
and the patient is on their care team at their own site (else 404, the same answer as a
patient who does not exist). The audit row is written here too, inside the caller's
transaction, so no route can read patient data without leaving a trace.
"""

from __future__ import annotations

import logging
from pathlib import Path
from uuid import UUID

import asyncpg

from diarycard.audit.store import record
from diarycard.auth.principal import Principal
from diarycard.db.queries import load_queries
from diarycard.errors import NotFound

SQL = load_queries(Path(__file__).with_name("queries.sql"))
log = logging.getLogger("diarycard.security")


async def open_patient(
    conn: asyncpg.Connection, who: Principal, patient_id: UUID, action: str, resource: str = ""
) -> None:
    """Check the care team and audit the access; call inside the read's transaction."""
    who.require("clinician")
    assigned = await conn.fetchval(SQL["assigned"], who.user_id, patient_id, who.site_id)
    if not assigned:
        # Ids only: who tried what. A run of these is worth a look by the service.
        log.warning("patient not on care team", extra={"actor": str(who.user_id),
                                                        "action": action})
        raise NotFound()
    await record(conn, who, patient_id, action, resource)
