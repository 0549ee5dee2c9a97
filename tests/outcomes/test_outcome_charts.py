"""The review's outcome charts: acts and contacts per month with MOAS, PHQ-9 and GAD-7 in
their bands, before and now; each with its sentence. Figures checked by hand."""

from __future__ import annotations

from datetime import UTC, date, datetime
from uuid import uuid4

import asyncpg
from litestar.testing import AsyncTestClient
from outcome_people import People

from diarycard.outcomes.charts import moas, month_rows
from diarycard.outcomes.models import Event
from factories import sign_in


def event(kind: str, day: date, severity: int | None = None, nights: int | None = None
          ) -> Event:
    return Event(id=uuid4(), kind=kind, occurred_on=day, injury=None,  # type: ignore[arg-type]
                 severity=severity, nights=nights, note=None, entry_id=None,
                 recorded_by="patient", version=1, created_at=datetime.now(UTC))


def test_moas_rates_each_kind_by_its_worst_act_and_weights_it() -> None:
    d = date(2026, 3, 3)
    acts = [event("verbal", d, 1), event("verbal", d, 3), event("property", d, 2),
            event("self_harm", d, 3), event("others", d, 1), event("ae", d)]
    # verbal 3x1 + property 2x2 + against self 3x3 + others 1x4
    assert moas(acts) == 3 + 4 + 9 + 4
    rows = month_rows([*acts, event("admission", date(2026, 4, 9), nights=5),
                       event("nothing", date(2026, 4, 20))], date(2026, 2, 14),
                      date(2026, 4, 30))
    assert [r.month for r in rows] == ["2026-02", "2026-03", "2026-04"]
    assert (rows[1].verbal, rows[1].moas, rows[1].ae) == (2, 20, 1)
    assert (rows[2].admissions, rows[2].nights, rows[2].quiet_weeks, rows[2].moas) == (1, 5, 1, 0)
    assert rows[0].self_harm == rows[0].moas == 0


async def test_the_review_charts_outcomes_for_the_care_team_only(
    client: AsyncTestClient, conn: asyncpg.Connection, people: People
) -> None:
    await conn.execute("UPDATE users SET created_at = '2026-01-05T10:00:00Z' WHERE id = $1",
                       people.amy)
    for kind, day, extra in [("self_harm", "2026-01-10", {"injury": "hospital"}),
                             ("verbal", "2026-01-12", {"severity": 2}),
                             ("ae", "2026-01-10", {}),
                             ("nothing", "2026-05-10", {})]:
        r = await client.put(f"/api/v1/acts-and-contacts/{uuid4()}",
                             json={"kind": kind, "occurred_on": day, **extra})
        assert r.status_code == 200, r.text
    phq = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5",
           "44253-3", "44260-8"]
    for when, score in (("2026-01-06T09:00:00+00:00", 2), ("2026-04-06T09:00:00+01:00", 1)):
        await client.put(f"/api/v1/measures/{uuid4()}", json={
            "questionnaire": "phq-9", "authored": when,
            "answers": {**dict.fromkeys(phq, score), "44260-8": 0}})
    await sign_in(client, conn, people.ward)
    r = await client.get(f"/api/v1/patients/{people.amy}/outcomes")
    assert r.status_code == 200
    out = r.json()
    assert out["started"] == "2026-01-05"
    january = out["months"]["months"][0]
    assert (january["month"], january["self_harm"], january["verbal"], january["ae"],
            january["moas"]) == ("2026-01", 1, 1, 1, 2 * 1 + 4 * 3)
    assert out["months"]["summary"].startswith("2 acts and 1 service contact over ")
    assert out["measures"]["summary"] == ("PHQ-9 went from 16 (moderately severe) on "
                                          "6 Jan 2026 to 8 (mild) on 6 Apr 2026.")
    phq_row = out["before_after"]["rows"][0]
    assert (phq_row["before"], phq_row["after"]) == (16, 8)
    assert phq_row["words"] == "PHQ-9 total: down from 16 to 8 points."
    assert await conn.fetchval("SELECT count(*) FROM audit_log WHERE actor_id = $1 "
                               "AND resource = 'outcomes' AND action = 'read'", people.ward) == 1
    # Not on Dr Shah's care team: the same answer as a patient who does not exist.
    await sign_in(client, conn, people.shah)
    assert (await client.get(f"/api/v1/patients/{people.amy}/outcomes")).status_code == 404
    await sign_in(client, conn, people.amy)
    assert (await client.get(f"/api/v1/patients/{people.amy}/outcomes")).status_code == 403
