"""A patient's outcomes for their care team: charts, due measures and the acts themselves,
read in the clinician's audited transaction (the `PatientScope` of
`auth.access.as_clinician`)."""

from __future__ import annotations

from datetime import date

import asyncpg

from diarycard.auth.access import PatientScope
from diarycard.outcomes import charts, store
from diarycard.outcomes.models import Outcomes


async def outcomes(conn: asyncpg.Connection, scope: PatientScope, base_url: str,
                   today: date | None = None) -> Outcomes:
    row = await conn.fetchrow(store.SQL["schedule"], scope.patient_id)
    day = today or store.london_today()
    started: date = row["started"]
    events = await store.events(conn, scope, started.replace(day=1))
    responses = await store.measures(conn, scope, base_url)
    rows = charts.month_rows(events, started, day)
    return Outcomes(
        started=started,
        months=charts.month_chart(rows),
        measures=charts.measure_chart(responses),
        before_after=charts.before_after(started, day, rows, responses),
        due=store.due_from(row, day),
        events=events,
    )
