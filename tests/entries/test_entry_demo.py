"""The diary's demo data loads, loads again without doubling, and reads back cleanly."""

from __future__ import annotations

import asyncpg
from litestar.testing import AsyncTestClient

from diarycard.entries.demo import load_demo as entries_demo
from diarycard.tables.demo import load_demo as tables_demo
from factories import make_site, make_user, sign_in


async def test_demo_diary_loads_twice_and_reads_back(conn: asyncpg.Connection,
                                                     client: AsyncTestClient) -> None:
    site = await make_site(conn)
    patients = [await make_user(conn, site, "patient", f"demo.p{i}") for i in range(3)]
    clinicians = [await make_user(conn, site, "clinician", "demo.c1")]
    for _ in range(2):
        await tables_demo(conn, site, patients, clinicians)
        await entries_demo(conn, site, patients, clinicians)
    counts = dict(await conn.fetch("SELECT patient_id, count(*) FROM entries GROUP BY 1"))
    assert counts == {patients[0]: 18, patients[1]: 18}
    assert await conn.fetchval("SELECT count(*) FROM entries WHERE time_flagged") == 0

    await sign_in(client, conn, patients[0])
    page = (await client.get("/api/v1/entries", params={"limit": 200})).json()
    assert len(page["items"]) == 18 and page["next_cursor"] is None
    table = (await client.get("/api/v1/table")).json()
    assert table["version"] == 1 and table["rows"][-1]["emotion"] == "Anger"
