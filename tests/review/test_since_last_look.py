"""The review's digest starts with what changed since this clinician last opened the
patient: new and edited entries, worksheets, drafts, follow-up attempts."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import asyncpg
from litestar.testing import AsyncTestClient
from review_data import Team, add_entry

from factories import sign_in


async def test_the_digest_starts_with_what_changed_since_i_last_looked(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    old = await add_entry(conn, team.amy, datetime.now(UTC) - timedelta(hours=5))
    url = f"/api/v1/patients/{team.amy}/review"
    first = (await client.get(url)).json()
    assert not first["digest"][0].startswith(("Since you last looked", "Nothing new"))
    again = (await client.get(url)).json()
    assert again["digest"][0].startswith("Nothing new since you last looked (")
    # Since then: two new entries, one edited, a worksheet, a crisis-plan draft.
    for hours in (1, 2):
        await add_entry(conn, team.amy, datetime.now(UTC) - timedelta(hours=hours))
    await conn.execute("UPDATE entries SET version = 2, updated_at = now() WHERE id = $1", old)
    await sign_in(client, conn, team.amy)
    worksheet = await client.put(
        "/api/v1/problem-solving/8a7c0c6e-3f1e-4a51-9b39-2b0d7f6c1a01",
        json={"base_version": 0, "problem": "Rent is late"})
    assert worksheet.status_code in (200, 201), worksheet.text
    draft = await client.put("/api/v1/crisis-plan/draft", json={
        "base_version": 0, "plan": {"warning_signs": ["Not sleeping"]}})
    assert draft.status_code == 200, draft.text
    await sign_in(client, conn, team.ward)
    third = (await client.get(url)).json()
    # The timeline marks each: new and edited entries, and the rest in words.
    marks = {(e["new_since_last_view"], e["edited_since_last_view"]) for e in third["timeline"]}
    assert [e["new_since_last_view"] for e in third["timeline"]].count(True) == 2
    assert (False, True) in marks and len(third["timeline"]) == 3
    assert [(c["words"], c["new"]) for c in third["changed"]] == [
        ("Crisis plan draft, version 1", True), ("Problem-solving worksheet (open)", True)]
    line = third["digest"][0]
    assert line.startswith("Since you last looked ("), line
    assert line.endswith("): 2 new entries; 1 entry edited; 1 problem-solving worksheet "
                         "new or changed; the crisis plan draft changed."), line
    # Looking again starts afresh.
    fourth = (await client.get(url)).json()
    assert fourth["digest"][0].startswith("Nothing new since you last looked"), json.dumps(
        fourth["digest"])
    assert fourth["changed"] == [] and not any(
        e["new_since_last_view"] or e["edited_since_last_view"] for e in fourth["timeline"])


async def test_acts_measures_and_table_changes_are_marked_since_i_last_looked(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    url = f"/api/v1/patients/{team.amy}/review"
    assert (await client.get(url)).json()["changed"] == []  # the first look sets the mark
    await sign_in(client, conn, team.amy)
    act = await client.put("/api/v1/acts-and-contacts/3c1d7e2a-5b4f-4e6a-9d8c-7b6a5f4e3d2c", json={
        "base_version": 0, "kind": "police",
        "occurred_on": (datetime.now(UTC) - timedelta(days=1)).date().isoformat()})
    assert act.is_success, act.text
    table = await client.put("/api/v1/table/draft", json={"base_version": 0, "rows": []})
    assert table.is_success, table.text
    await sign_in(client, conn, team.ward)
    changed = (await client.get(url)).json()["changed"]
    assert {c["words"] for c in changed} == {
        f"Police contact on {(datetime.now(UTC) - timedelta(days=1)).date().isoformat()}",
        "Proposed change to the personal table, version 1"}
    assert all(c["new"] for c in changed)
