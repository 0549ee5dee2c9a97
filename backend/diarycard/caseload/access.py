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
from diarycard.errors import NotFound, Unavailable

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


async def record_many(
    conn: asyncpg.Connection, who: Principal, patient_ids: list[UUID], action: str
) -> None:
    """`record` for many patients at once, failing closed the same way (503, no data)."""
    try:
        await conn.execute(SQL["audit_many"], who.user_id, who.role, who.site_id, action,
                           who.request_id, who.client_ip, patient_ids)
    except asyncpg.PostgresError as exc:
        log.error("audit write failed", extra={"error": type(exc).__name__})
        raise Unavailable() from exc
