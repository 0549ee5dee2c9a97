"""Server-side sessions: create and revoke. Lookup is in `principal.py`."""

from __future__ import annotations

import secrets
from datetime import timedelta
from uuid import UUID

import asyncpg

from diarycard.auth.principal import SQL, Principal, Role, token_hash
from diarycard.errors import NotFound

IDLE: dict[Role, timedelta] = {
    # 14 days: a phone left signed in for a fortnight unused asks again. The app lock of
    # the patient's-phone work covers shorter gaps once it lands.
    "patient": timedelta(days=14),
    "clinician": timedelta(minutes=30),
    "admin": timedelta(minutes=30),
    "researcher": timedelta(minutes=30),
}
ABSOLUTE: dict[Role, timedelta] = {
    # A patient's phone is theirs; the PWA's own app lock covers the short gaps.
    "patient": timedelta(days=90),
    "clinician": timedelta(hours=12),
    "admin": timedelta(hours=12),
    "researcher": timedelta(hours=12),
}


class NewSession:
    def __init__(self, session_id: UUID, token: str, csrf_token: str) -> None:
        self.session_id = session_id
        self.token = token
        self.csrf_token = csrf_token


async def create_session(
    conn: asyncpg.Connection, user_id: UUID, role: Role, user_agent: str = ""
) -> NewSession:
    token = secrets.token_urlsafe(32)  # 256 bits from the OS CSPRNG
    csrf = secrets.token_urlsafe(32)
    session_id = await conn.fetchval(
        SQL["create_session"],
        token_hash(token),
        user_id,
        csrf,
        IDLE[role],
        ABSOLUTE[role],
        user_agent[:300],
    )
    if secrets.randbelow(100) == 0:
        # Housekeeping: sessions long over are of no use to anyone; keep the table small.
        await conn.execute(
            "DELETE FROM sessions WHERE expires_at < now() - interval '7 days'"
            " OR revoked_at < now() - interval '7 days'"
        )
    return NewSession(session_id, token, csrf)


async def end_presented(
    conn: asyncpg.Connection, token: str | None, keep: UUID | None = None
) -> None:
    """End the session whose token a browser presented (if any, and not `keep`): signing
    in again never leaves an older token of that browser alive (session fixation)."""
    if token and len(token) <= 128:
        await conn.execute(
            "UPDATE sessions SET revoked_at = now()"
            " WHERE token_hash = $1 AND id IS DISTINCT FROM $2 AND revoked_at IS NULL",
            token_hash(token), keep,
        )


async def rotate(conn: asyncpg.Connection, who: Principal) -> str:
    """A new token for the principal's own session (after a password or second-factor
    change): the old token stops working at once. The CSRF token stays, so the page
    carries on. Answers the new token for the cookie."""
    token = secrets.token_urlsafe(32)
    await conn.execute(
        "UPDATE sessions SET token_hash = $1, reauth_at = now() WHERE id = $2 AND user_id = $3",
        token_hash(token), who.session_id, who.user_id,
    )
    return token


async def revoke_session(conn: asyncpg.Connection, who: Principal) -> None:
    await conn.execute(SQL["revoke_session"], who.session_id, who.user_id)


async def end_session(conn: asyncpg.Connection, who: Principal, session_id: UUID) -> None:
    """End one of the principal's own sessions; someone else's is NotFound."""
    done = await conn.execute(SQL["revoke_session"], session_id, who.user_id)
    if done == "UPDATE 0":
        raise NotFound()


async def revoke_others(conn: asyncpg.Connection, who: Principal) -> None:
    await conn.execute(SQL["revoke_other_sessions"], who.user_id, who.session_id)


async def revoke_all(conn: asyncpg.Connection, user_id: UUID) -> None:
    await conn.execute(SQL["revoke_all_sessions"], user_id)


async def list_sessions(conn: asyncpg.Connection, who: Principal) -> list[asyncpg.Record]:
    rows: list[asyncpg.Record] = await conn.fetch(
        SQL["list_sessions"], who.user_id, who.session_id
    )
    return rows
