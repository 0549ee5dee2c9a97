"""The service's view, read for a site admin in one audited transaction: three queries
over the admin's own site, folded by `figures` into counts that name nobody."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import asyncpg

from diarycard.audit.store import record
from diarycard.auth.principal import Principal
from diarycard.db.queries import load_queries
from diarycard.outcomes.store import london_today
from diarycard.site_outcomes import figures
from diarycard.site_outcomes.models import SiteOutcomes

SQL = load_queries(Path(__file__).with_name("queries.sql"))


async def site_outcomes(conn: asyncpg.Connection, who: Principal,
                        today: date | None = None) -> SiteOutcomes:
    who.require("admin")
    today = today or london_today()
    async with conn.transaction():
        await record(conn, who, None, "site.outcomes", str(who.site_id))
        patients = [figures.Patient(*r) for r in await conn.fetch(SQL["patients"],
                                                                  who.site_id)]
        events = {r["kind"]: (r["n"], r["nights"])
                  for r in await conn.fetch(SQL["events"], who.site_id)}
        pairs = [figures.Pair(*r) for r in await conn.fetch(SQL["pairs"], who.site_id)]
    n = len(patients)
    return SiteOutcomes(
        patients=n,
        patients_shown=figures.count("patients", "patients", n).shown,
        suppressed_below=figures.SMALL,
        retention=figures.retention(patients, today),
        rates=figures.rates(patients, events, today),
        change=figures.change(pairs),
    )
