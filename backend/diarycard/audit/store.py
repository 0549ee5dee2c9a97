"""The audit trail of clinician and admin access to patient data.

`record` runs inside the caller's transaction, before the data is returned: if the audit
row cannot be written, the transaction fails and no data leaves (fail-closed).
"""

from __future__ import annotations

import logging
from uuid import UUID

import asyncpg

from diarycard.auth.principal import Principal
from diarycard.errors import Unavailable

log = logging.getLogger("diarycard.audit")

_INSERT = """
INSERT INTO audit_log (actor_id, actor_role, site_id, patient_id, action, resource,
                       request_id, client_ip, outcome)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
"""


async def record(
    conn: asyncpg.Connection,
    who: Principal,
    patient_id: UUID | None,
    action: str,
    resource: str = "",
    outcome: str = "ok",
) -> None:
    """Write one audit row; raise Unavailable (503) if it cannot be written, so the
    caller's transaction rolls back and no data leaves."""
    try:
        await conn.execute(
            _INSERT,
            who.user_id,
            who.role,
            who.site_id,
            patient_id,
            action,
            resource,
            who.request_id,
            who.client_ip,
            outcome,
        )
    except asyncpg.PostgresError as exc:
        log.error("audit write failed", extra={"error": type(exc).__name__})
        raise Unavailable() from exc


async def views_of(conn: asyncpg.Connection, who: Principal, limit: int) -> list[asyncpg.Record]:
    """The principal's own rows of the audit trail, newest first, with who did it."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """SELECT a.at, u.display_name AS who, a.actor_role AS role, a.action,
                  CASE WHEN a.resource ~ '^[a-z_]+$' THEN a.resource ELSE '' END AS about
             FROM audit_log a
             JOIN users u ON u.id = a.actor_id
            WHERE a.patient_id = $1 AND a.site_id = $2
            ORDER BY a.at DESC, a.id DESC
            LIMIT $3""",
        who.user_id, who.site_id, limit,
    )
    return rows
