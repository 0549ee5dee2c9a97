"""The site's security log: sign-ins, second-factor events, lock-outs and what staff do
to accounts (invite, reissue, disable, enable, reset the authenticator app).

Like the audit trail, it fails closed: `event` runs before the thing it records takes
effect (inside the same transaction where there is one), and if the row cannot be written
the request answers 503 and nothing happens. Admins read their own site's events.
"""

from __future__ import annotations

import logging
from uuid import UUID

import asyncpg

from diarycard.auth.principal import Principal
from diarycard.errors import Unavailable
from diarycard.logs import request_id

log = logging.getLogger("diarycard.security")

_INSERT = """
INSERT INTO security_events (site_id, actor_id, subject_id, action, outcome, request_id,
                             client_ip)
VALUES ($1, $2, $3, $4, $5, $6, $7)
"""


async def event(
    conn: asyncpg.Connection,
    action: str,
    *,
    site_id: UUID | None,
    subject_id: UUID | None = None,
    actor: Principal | None = None,
    outcome: str = "ok",
    ip: str = "",
) -> None:
    """Write one security event; raise Unavailable (503) if it cannot be written."""
    try:
        await conn.execute(
            _INSERT, site_id, actor.user_id if actor else None, subject_id, action, outcome,
            request_id.get(), actor.client_ip if actor else ip,
        )
    except asyncpg.PostgresError as exc:
        log.error("security event write failed", extra={"error": type(exc).__name__})
        raise Unavailable() from exc
    # The structured log gets the same line (ids are opaque; no login names, no text).
    log.info("security event", extra={"action": action, "outcome": outcome})


async def staff_action(
    conn: asyncpg.Connection, who: Principal, action: str, subject_id: UUID
) -> None:
    """What a clinician or admin did to someone's account at their own site."""
    await event(conn, action, site_id=who.site_id, subject_id=subject_id, actor=who)


async def site_events(
    conn: asyncpg.Connection, who: Principal, limit: int
) -> list[asyncpg.Record]:
    """The admin's own site's security events, newest first, with who and whom."""
    who.require("admin")
    rows: list[asyncpg.Record] = await conn.fetch(
        """SELECT e.at, e.action, e.outcome, e.client_ip,
                  a.display_name AS actor, a.role AS actor_role,
                  s.display_name AS subject, s.role AS subject_role
             FROM security_events e
             LEFT JOIN users a ON a.id = e.actor_id
             LEFT JOIN users s ON s.id = e.subject_id
            WHERE e.site_id = $1
            ORDER BY e.at DESC, e.id DESC
            LIMIT $2""",
        who.site_id, limit,
    )
    return rows


async def notices_for(conn: asyncpg.Connection, user_id: UUID) -> list[asyncpg.Record]:
    """What someone else did to this account since its last sign-in with a password
    before this request (a new invitation code, a cleared authenticator app, being enabled
    again): shown to the person when they sign in or redeem a code, so a reissue they did
    not ask for does not go unnoticed. Redeeming does not count as having seen them: if
    someone else redeemed a code made for the person, the person still sees it."""
    rows: list[asyncpg.Record] = await conn.fetch(
        """SELECT e.at, e.action, a.display_name AS actor, a.role AS actor_role
             FROM security_events e
             JOIN users a ON a.id = e.actor_id
            WHERE e.subject_id = $1 AND e.actor_id <> $1
              AND e.action IN ('invitation.reissue', 'totp.reset', 'account.enable')
              AND e.at > coalesce(
                    (SELECT max(at) FROM security_events
                      WHERE subject_id = $1 AND action = 'signin' AND outcome = 'ok'
                        AND request_id <> $2),
                    '-infinity'::timestamptz)
            ORDER BY e.at DESC
            LIMIT 20""",
        user_id, request_id.get(),
    )
    return rows
