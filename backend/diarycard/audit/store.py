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
# One audit row per patient shown, in one statement (a caseload is dozens of patients).
_INSERT_MANY = """
INSERT INTO audit_log (actor_id, actor_role, site_id, patient_id, action, resource,
                       request_id, client_ip, outcome)
SELECT $1, $2, $3, p, $4, '', $5, $6, 'ok' FROM unnest($7::uuid[]) AS p
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


async def record_many(
    conn: asyncpg.Connection, who: Principal, patient_ids: list[UUID], action: str
) -> None:
    """`record` for many patients at once, failing closed the same way (503, no data)."""
    try:
        await conn.execute(_INSERT_MANY, who.user_id, who.role, who.site_id, action,
                           who.request_id, who.client_ip, patient_ids)
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
