"""Creating sites, people and care teams directly in the database, for `diarycard demo`,
`diarycard admin` and test fixtures. Every function is safe to run again (upserts).
"""

from __future__ import annotations

from uuid import UUID

import asyncpg

from diarycard.auth.principal import Role


async def ensure_site(conn: asyncpg.Connection, name: str) -> UUID:
    site_id: UUID = await conn.fetchval(
        """INSERT INTO sites (name) VALUES ($1)
           ON CONFLICT (name) DO UPDATE SET name = EXCLUDED.name
           RETURNING id""",
        name,
    )
    return site_id


async def ensure_user(
    conn: asyncpg.Connection,
    site_id: UUID,
    role: Role,
    login: str,
    display_name: str,
    password_hash: str | None,
    totp_secret: str | None = None,
) -> UUID:
    """Create the user, or bring an existing one with this login back to this state
    (enabled, this password, TOTP on when a secret is given). Also lifts any lock-out."""
    user_id: UUID = await conn.fetchval(
        """INSERT INTO users (site_id, role, login, display_name, password_hash,
                              totp_secret, totp_enabled, password_changed_at)
           VALUES ($1, $2, $3, $4, $5, $6::text, $6::text IS NOT NULL, now())
           ON CONFLICT (login) DO UPDATE
              SET display_name = EXCLUDED.display_name,
                  password_hash = EXCLUDED.password_hash,
                  totp_secret = EXCLUDED.totp_secret,
                  totp_enabled = EXCLUDED.totp_enabled,
                  disabled_at = NULL
            WHERE users.site_id = EXCLUDED.site_id AND users.role = EXCLUDED.role
           RETURNING id""",
        site_id, role, login, display_name, password_hash, totp_secret,
    )
    if user_id is None:
        raise ValueError(f"the login {login!r} belongs to someone else")
    await conn.execute("DELETE FROM login_throttle WHERE login = $1", login)
    return user_id


async def totp_secret_of(conn: asyncpg.Connection, login: str) -> str | None:
    secret: str | None = await conn.fetchval(
        "SELECT totp_secret FROM users WHERE login = $1 AND totp_enabled", login
    )
    return secret


async def assign(
    conn: asyncpg.Connection, site_id: UUID, clinician_id: UUID, patient_id: UUID
) -> None:
    await conn.execute(
        """INSERT INTO care_team (site_id, clinician_id, patient_id) VALUES ($1, $2, $3)
           ON CONFLICT DO NOTHING""",
        site_id, clinician_id, patient_id,
    )
