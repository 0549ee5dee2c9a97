"""A patient's outcomes for their care team: charts, due measures and the acts themselves,
read in one audited transaction (`auth.access.as_clinician`)."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import asyncpg

from diarycard.auth.access import PatientScope, as_clinician
from diarycard.auth.principal import Principal
from diarycard.outcomes import charts, store
from diarycard.outcomes.models import Event, EventIn, Outcomes


async def outcomes(conn: asyncpg.Connection, who: Principal, patient_id: UUID,
                   base_url: str, today: date | None = None) -> Outcomes:
    async def read(scope: PatientScope) -> Outcomes:
        row = await conn.fetchrow(store.SQL["schedule"], scope.patient_id)
        day = today or store.london_today()
        started: date = row["started"]
        events = await store.events(conn, scope.patient_id, started.replace(day=1))
        responses = await store.measures(conn, scope.patient_id, base_url)
        rows = charts.month_rows(events, started, day)
        return Outcomes(
            started=started,
            months=charts.month_chart(rows),
            measures=charts.measure_chart(responses),
            before_after=charts.before_after(started, day, rows, responses),
            due=store.due_from(row, day),
            events=events,
        )

    return await as_clinician(conn, who, patient_id, "read", "outcomes", read)


async def record_event(conn: asyncpg.Connection, who: Principal, patient_id: UUID,
                       event_id: UUID, data: EventIn) -> Event:
    """A clinician records an act or contact for their patient (audited as a change)."""
    return await as_clinician(conn, who, patient_id, "write", "outcomes",
                              lambda scope: store.save_event(conn, who, scope.patient_id, event_id,
                                                             data))
