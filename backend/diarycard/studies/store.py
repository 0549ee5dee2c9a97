"""Studies: set up by a site admin, worked by the sites' researchers (and admins).

Every read is scoped to a study one of whose sites is the caller's; everyone else gets 404
(researchers and admins) or 403 (patients, clinicians: the allocation sequence, the
participants and the export are never theirs to see).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import date
from pathlib import Path
from typing import Any
from uuid import UUID

import asyncpg
import msgspec

from diarycard.audit.store import record
from diarycard.auth.principal import Principal, Role
from diarycard.db.queries import load_queries
from diarycard.errors import Conflict, FieldError, Invalid, NotFound
from diarycard.outcomes.store import london_today
from diarycard.studies.models import (
    Allocation,
    EnrolIn,
    Screening,
    ScreeningIn,
    Study,
    StudyIn,
)
from diarycard.studies.randomise import allocate, stratum_key

SQL = load_queries(Path(__file__).with_name("queries.sql"))
STAFF: tuple[Role, ...] = ("researcher", "admin")


def pseudonym(key: bytes, patient_id: UUID) -> str:
    """The participant's id in this study's export: unrelated across studies."""
    return "P-" + hmac.new(key, patient_id.bytes, hashlib.sha256).hexdigest()[:16]


async def create(conn: asyncpg.Connection, who: Principal, data: StudyIn) -> Study:
    who.require("admin")
    errors = [FieldError(f"block_sizes[{i}]", f"must be a multiple of the {len(data.arms)} arms")
              for i, size in enumerate(data.block_sizes) if size % len(data.arms)]
    if len(set(data.arms)) != len(data.arms):
        errors.append(FieldError("arms", "must be different from each other"))
    if len(set(data.factors)) != len(data.factors):
        errors.append(FieldError("factors", "must not repeat"))
    if errors:
        raise Invalid(errors=errors)
    async with conn.transaction():
        try:
            study_id = await conn.fetchval(
                SQL["create"], who.site_id, data.name, data.arms, list(data.factors),
                data.block_sizes, data.follow_up_primary_months,
                data.follow_up_secondary_months, data.follow_up_until_months,
                secrets.token_bytes(32), secrets.token_bytes(32), who.user_id)
        except asyncpg.UniqueViolationError as exc:
            raise Conflict("This site already has a study with that name.") from exc
        sites = [who.site_id, *data.other_sites]
        added = await conn.execute(SQL["add_sites"], study_id, sites)
        if int(added.split()[-1]) != len(set(sites)):
            raise Invalid.field("other_sites", "must be sites that exist")
        await record(conn, who, None, "study.create", str(study_id))
        return await study(conn, who, study_id)


async def study(conn: asyncpg.Connection, who: Principal, study_id: UUID) -> Study:
    who.require(*STAFF)
    row = await conn.fetchrow(SQL["visible"], study_id, who.site_id)
    if row is None:
        raise NotFound()
    return msgspec.convert(dict(row), Study)


async def studies(conn: asyncpg.Connection, who: Principal) -> list[Study]:
    who.require(*STAFF)
    return [msgspec.convert(dict(r), Study) for r in await conn.fetch(SQL["mine"], who.site_id)]


def _strata(found: Study, data: EnrolIn) -> dict[str, str]:
    given = msgspec.to_builtins(data.strata)
    missing = [FieldError(f"strata.{f}", "required by this study") for f in found.factors
               if given.get(f) is None]
    if missing:
        raise Invalid(errors=missing)
    return {f: str(given[f]) for f in found.factors}


async def enrol(conn: asyncpg.Connection, who: Principal, study_id: UUID, patient_id: UUID,
                data: EnrolIn, today: date | None = None) -> Allocation:
    """Enrol a consenting patient and allocate an arm (audited). Enrolling the same
    patient again answers the same allocation; it never draws a second time."""
    today = today or london_today()
    if data.consent_date > today:
        raise Invalid.field("consent_date", "must not be in the future")
    async with conn.transaction():
        found = await study(conn, who, study_id)
        strata = _strata(found, data)
        keys = await conn.fetchrow(SQL["secrets"], study_id)  # locks: one enrolment at a time
        site = await conn.fetchval(SQL["patient_here"], patient_id, who.site_id, study_id)
        if site is None:
            raise NotFound()
        name = pseudonym(keys["pseudonym_key"], patient_id)
        done = await conn.fetchrow(SQL["participant"], study_id, patient_id)
        if done is None:
            stratum = stratum_key(site, strata, found.factors)
            position = await conn.fetchval(SQL["next_position"], study_id, stratum)
            arm = allocate(keys["seed"], stratum, position, found.arms, found.block_sizes)
            await conn.execute(SQL["enrol"], study_id, patient_id, site, stratum, position, arm,
                               data.consent_date, data.consent_version, today, who.user_id,
                               data.site_ref)
            await conn.fetchval(SQL["screen"], secrets_uuid(), study_id, site, data.site_ref,
                                today, None, who.user_id)
            done = {"arm": arm, "enrolled_on": today}
        await record(conn, who, patient_id, "study.enrol", str(study_id))
    return Allocation(study_id=study_id, pseudonym=name, arm=done["arm"],
                      enrolled_on=done["enrolled_on"])


def secrets_uuid() -> UUID:
    return UUID(bytes=secrets.token_bytes(16), version=4)


async def screen(conn: asyncpg.Connection, who: Principal, study_id: UUID, screening_id: UUID,
                 data: ScreeningIn) -> list[Screening]:
    if data.screened_on > london_today():
        raise Invalid.field("screened_on", "must not be in the future")
    async with conn.transaction():
        await study(conn, who, study_id)
        try:
            done = await conn.fetchval(SQL["screen"], screening_id, study_id, who.site_id,
                                       data.site_ref, data.screened_on, data.reason,
                                       who.user_id)
        except asyncpg.UniqueViolationError as exc:
            # The id is someone else's row (another study's): as if it did not exist.
            raise NotFound() from exc
        if done is None:
            raise Conflict("Another site of this study uses that reference.")
        return await screening(conn, who, study_id)


async def screening(conn: asyncpg.Connection, who: Principal, study_id: UUID
                    ) -> list[Screening]:
    await study(conn, who, study_id)
    return [msgspec.convert(dict(r), Screening)
            for r in await conn.fetch(SQL["screening"], study_id, who.site_id)]


async def participants(conn: asyncpg.Connection, study_id: UUID) -> list[Any]:
    return list(await conn.fetch(SQL["participants"], study_id))
