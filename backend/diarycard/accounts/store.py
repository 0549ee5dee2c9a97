"""Running a site: its people, their care teams and the site's emergency numbers. Admins
only, and only ever at their own site: someone at another site is NotFound.
"""

from __future__ import annotations

import json
from uuid import UUID

import asyncpg
import msgspec

from diarycard.accounts.invitations import SQL
from diarycard.accounts.models import EmergencyNumber, Site, User
from diarycard.audit.security import staff_action
from diarycard.audit.store import record
from diarycard.auth.principal import Principal
from diarycard.auth.sessions import revoke_all
from diarycard.errors import NotFound


async def list_users(conn: asyncpg.Connection, who: Principal) -> list[User]:
    who.require("admin")
    async with conn.transaction():
        await record(conn, who, None, "users.list", "users")
        rows = await conn.fetch(SQL["list_users"], who.site_id)
    return [User(**dict(row)) for row in rows]


async def my_patients(conn: asyncpg.Connection, who: Principal) -> list[User]:
    """A clinician's own patients (names and account state, no diary data)."""
    who.require("clinician")
    async with conn.transaction():
        await record(conn, who, None, "care_team.list", "users")
        rows = await conn.fetch(SQL["my_patients"], who.user_id, who.site_id)
    return [User(**dict(row)) for row in rows]


async def set_disabled(
    conn: asyncpg.Connection, who: Principal, user_id: UUID, disabled: bool
) -> None:
    """Disable (every session ends at once) or enable someone at the admin's site."""
    who.require("admin")
    async with conn.transaction():
        role = await conn.fetchval(SQL["set_disabled"], user_id, who.site_id, who.user_id,
                                   disabled)
        if role is None:
            raise NotFound()
        if disabled:
            await revoke_all(conn, user_id)
        await staff_action(conn, who, "account.disable" if disabled else "account.enable",
                           user_id)
        if role == "patient":
            await record(conn, who, user_id, "account.disable" if disabled else "account.enable")


async def reset_totp(conn: asyncpg.Connection, who: Principal, user_id: UUID) -> None:
    """For a lost phone: the person sets up their authenticator app again at next sign-in."""
    who.require("admin")
    async with conn.transaction():
        role = await conn.fetchval(SQL["reset_totp"], user_id, who.site_id, who.user_id)
        if role is None:
            raise NotFound()
        await revoke_all(conn, user_id)
        await staff_action(conn, who, "totp.reset", user_id)
        if role == "patient":
            await record(conn, who, user_id, "account.reset_totp")


async def assign(
    conn: asyncpg.Connection, who: Principal, clinician_id: UUID, patient_id: UUID
) -> None:
    """Let a clinician see a patient; both must be at the admin's site."""
    who.require("admin")
    async with conn.transaction():
        done = await conn.fetchval(SQL["assign"], who.site_id, clinician_id, patient_id)
        exists = done is not None or await conn.fetchval(
            "SELECT true FROM care_team WHERE site_id = $1 AND clinician_id = $2"
            " AND patient_id = $3", who.site_id, clinician_id, patient_id,
        )
        if not exists:
            raise NotFound()
        await record(conn, who, patient_id, "care_team.assign", str(clinician_id))


async def unassign(
    conn: asyncpg.Connection, who: Principal, clinician_id: UUID, patient_id: UUID
) -> None:
    """Stop a clinician seeing a patient, from their very next request."""
    who.require("admin")
    async with conn.transaction():
        if await conn.fetchval(SQL["unassign"], who.site_id, clinician_id, patient_id) is None:
            raise NotFound()
        await record(conn, who, patient_id, "care_team.unassign", str(clinician_id))


def _site(row: asyncpg.Record) -> Site:
    numbers = msgspec.convert(json.loads(row["emergency_numbers"]), list[EmergencyNumber])
    return Site(name=row["name"], emergency_numbers=numbers, risk_floor=row["risk_floor"],
                measure_interval_months=row["measure_interval_months"],
                app_lock_optional=row["app_lock_optional"])


async def get_site(conn: asyncpg.Connection, who: Principal) -> Site:
    return _site(await conn.fetchrow(SQL["site"], who.site_id))


async def set_emergency_numbers(
    conn: asyncpg.Connection, who: Principal, numbers: list[EmergencyNumber]
) -> Site:
    who.require("admin")
    encoded = msgspec.json.encode(numbers).decode()
    return _site(await conn.fetchrow(SQL["set_emergency_numbers"], who.site_id, encoded))


async def set_risk_floor(conn: asyncpg.Connection, who: Principal, floor: int) -> Site:
    """A clinical setting of the whole site: audited with its new value."""
    who.require("admin")
    async with conn.transaction():
        row = await conn.fetchrow(SQL["set_risk_floor"], who.site_id, floor)
        await record(conn, who, None, "site.risk_floor", str(floor))
    return _site(row)


async def set_measure_interval(conn: asyncpg.Connection, who: Principal, months: int) -> Site:
    """How often PHQ-9 and GAD-7 are due at the site: audited with its new value."""
    who.require("admin")
    async with conn.transaction():
        row = await conn.fetchrow(SQL["set_measure_interval"], who.site_id, months)
        await record(conn, who, None, "site.measure_interval", str(months))
    return _site(row)
