"""Step-up and quotas for what is costly to lose: exports.

Before every export the person gives their password (and authenticator code) again,
unless this session did so in the last REAUTH_WINDOW (signing in counts); and each person
may export so many times an hour. Both are kept in PostgreSQL, so they hold across
workers and instances.
"""

from __future__ import annotations

import math
from datetime import timedelta
from typing import Literal
from uuid import UUID

import asyncpg

from diarycard.audit.security import event
from diarycard.auth.principal import Principal
from diarycard.auth.signin import WRONG_CODE, TotpRequired, check_credentials
from diarycard.errors import FieldError, Forbidden, Invalid, TooMany, Unauthenticated

REAUTH_WINDOW = timedelta(minutes=5)
Kind = Literal["export"]


class ReauthRequired(Forbidden):
    """Please enter your password again to download this."""

    # The client asks for the password (and code) and sends it to POST /me/reauth.
    errors = (FieldError("password", "reauthenticate"),)


async def reauthenticate(
    conn: asyncpg.Connection, who: Principal, password: str, code: str | None
) -> None:
    """Check the password (and code) again for this session; failures count towards the
    sign-in lock like any other. A wrong answer is 422 naming the field, not 401: the
    session itself is fine, and clients take a 401 to mean it has ended."""
    try:
        await check_credentials(conn, "reauth", who.login, password, code, who.client_ip,
                                user_id=who.user_id)
    except TotpRequired:
        raise Invalid(errors=[FieldError("totp", "required")]) from None
    except Unauthenticated as exc:
        field = "totp" if exc.detail == WRONG_CODE else "password"
        raise Invalid(errors=[FieldError(field, exc.detail)]) from None
    async with conn.transaction():
        await event(conn, "reauth", site_id=who.site_id, subject_id=who.user_id, actor=who)
        await conn.execute("UPDATE sessions SET reauth_at = now() WHERE id = $1",
                           who.session_id)


async def spend(
    conn: asyncpg.Connection, user_id: UUID, kind: Kind, count: int, per_hour: int
) -> None:
    """Count `count` uses of `kind` this hour; TooMany (429, Retry-After: the start of the
    next hour) if that would pass `per_hour`. Nothing is counted when refused."""
    row = await conn.fetchrow(
        """INSERT INTO usage_counts AS u (user_id, kind, window_start, hits)
           SELECT $1, $2, date_trunc('hour', now()), $3::integer WHERE $3::integer <= $4::integer
           ON CONFLICT (user_id, kind, window_start)
              DO UPDATE SET hits = u.hits + $3::integer WHERE u.hits + $3::integer <= $4::integer
           RETURNING hits""",
        user_id, kind, count, per_hour,
    )
    if row is None:
        raise TooMany(await seconds_to_next_hour(conn), _WORDS[kind])


async def seconds_to_next_hour(conn: asyncpg.Connection) -> int:
    """When an hourly count (usage_counts) starts again: its Retry-After, by the
    database's clock, which keeps the counts."""
    wait = await conn.fetchval(
        "SELECT extract(epoch FROM date_trunc('hour', now()) + interval '1 hour' - now())")
    return max(1, math.ceil(float(wait)))


async def prune_counts(conn: asyncpg.Connection) -> None:
    """Drop hourly counts of hours long gone (the worker's hourly housekeeping)."""
    await conn.execute("DELETE FROM usage_counts WHERE window_start < now() - interval '2 hours'")


_WORDS = {
    "export": "You have downloaded a lot this hour. Please try again later.",
}


async def before_export(conn: asyncpg.Connection, who: Principal, per_hour: int) -> None:
    """Refuse an export without a recent password, or past the hourly quota."""
    recent = await conn.fetchval(
        "SELECT reauth_at > now() - $2::interval FROM sessions WHERE id = $1",
        who.session_id, REAUTH_WINDOW,
    )
    if not recent:
        raise ReauthRequired()
    await spend(conn, who.user_id, "export", 1, per_hour)
