"""Brute-force limits, held in PostgreSQL so every worker and instance shares them and a
restart does not reset them.

Per login name (existing or not, so the answers never reveal which logins are real): the
first FREE_FAILURES consecutive failures cost nothing; each one after that locks the name
for twice as long as the last (30 s, 1 min, 2 min, ... up to 15 min). While locked, sign-in
answers 429 with Retry-After without looking at the password. A success, or redeeming a
new invitation code, clears the count.

The lock is soft on purpose: it only stops new sign-ins. A patient's phone that is already
signed in keeps working, so an attacker cannot cut anyone off from their crisis plan, and
a clinician can hand over a new invitation code, which does not go through this lock.

Per client address: PER_IP_PER_MINUTE attempts at signing in or redeeming a code. Many
clinicians share one NHS egress address, so this is generous; the per-login lock is the
strict control.
"""

from __future__ import annotations

import math
import random

import asyncpg

from diarycard.errors import TooMany

FREE_FAILURES = 4
FIRST_LOCK_SECONDS = 30
MAX_LOCK_SECONDS = 15 * 60
PER_IP_PER_MINUTE = 160

_WAIT = "Too many attempts to sign in. Please wait a little and try again."


async def check_login(conn: asyncpg.Connection, login: str) -> None:
    """Raise TooMany while `login` is locked."""
    wait = await conn.fetchval(
        """SELECT extract(epoch FROM locked_until - now()) FROM login_throttle
            WHERE login = $1 AND locked_until > now()""",
        login,
    )
    if wait is not None:
        raise TooMany(math.ceil(wait), _WAIT)


async def record_failure(conn: asyncpg.Connection, login: str) -> bool:
    """Count a failure; answer True when it locked the login."""
    # A count left alone for a day starts again, so old typos do not add up.
    await conn.execute(
        """INSERT INTO login_throttle AS t (login, failures, last_failure_at)
           VALUES ($1, 1, now())
           ON CONFLICT (login) DO UPDATE
              SET failures = CASE WHEN t.last_failure_at < now() - interval '1 day'
                                  THEN 1 ELSE t.failures + 1 END,
                  last_failure_at = now()""",
        login,
    )
    locked = await conn.fetchval(
        """UPDATE login_throttle
              SET locked_until = now() + make_interval(secs => least($2::float8,
                                     $3::float8 * power(2, failures - $4 - 1)))
            WHERE login = $1 AND failures > $4
           RETURNING true""",
        login, MAX_LOCK_SECONDS, FIRST_LOCK_SECONDS, FREE_FAILURES,
    )
    if random.random() < 0.01:  # noqa: S311 - housekeeping: guesses at made-up logins pile up
        await conn.execute(
            """DELETE FROM login_throttle
                WHERE last_failure_at < now() - interval '1 day'
                  AND (locked_until IS NULL OR locked_until < now())"""
        )
    return bool(locked)


async def clear_login(conn: asyncpg.Connection, login: str) -> None:
    await conn.execute("DELETE FROM login_throttle WHERE login = $1", login)


async def hit_ip(conn: asyncpg.Connection, ip: str) -> None:
    """Count one attempt from `ip`; raise TooMany beyond the per-minute limit."""
    row = await conn.fetchrow(
        """INSERT INTO ip_throttle AS t (ip, window_start, hits)
           VALUES ($1, date_trunc('minute', now()), 1)
           ON CONFLICT (ip, window_start) DO UPDATE SET hits = t.hits + 1
           RETURNING hits, extract(epoch FROM window_start + interval '1 minute' - now())
                     AS wait""",
        ip or "unknown",
    )
    if random.random() < 0.01:  # noqa: S311 - housekeeping, not security
        await conn.execute(
            "DELETE FROM ip_throttle WHERE window_start < now() - interval '10 minutes'"
        )
    if row["hits"] > PER_IP_PER_MINUTE:
        raise TooMany(math.ceil(row["wait"]), _WAIT)
