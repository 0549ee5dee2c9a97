"""The audit trail of clinician and admin access to patient data.

`record` runs inside the caller's transaction, before the data is returned: if the audit
row cannot be written, the transaction fails and no data leaves (fail-closed).
"""

from __future__ import annotations

from uuid import UUID

import asyncpg

from diarycard.auth.principal import Principal

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
