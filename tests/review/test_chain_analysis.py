"""Chain analysis of an acted urge: started by either side from an entry acted on (or
partly), prefilled from it; agreed in the session, its proposals become drafts of the
crisis plan and the table that both sides must still agree: nothing changes silently
(hazard H-036). Open ones are in the review's digest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from uuid import uuid4

import asyncpg
from litestar.testing import AsyncTestClient
from review_data import Team, add_entry

from factories import sign_in

LINK_NAMES = ("situation", "emotion", "indicators", "urge", "action", "consequences")


async def acted(conn: asyncpg.Connection, team: Team, outcome: str = "acted") -> str:
    return str(await add_entry(
        conn, team.amy, datetime.now(UTC) - timedelta(hours=3), emotion="Loneliness",
        emotion_intensity=8, urge="Get drunk", urge_strength=9,
        indicators=["Pacing", "Checking my phone"], outcome=outcome,
        note="Friends cancelled on Saturday night"))


async def test_a_chain_starts_from_the_entry_and_agreeing_it_only_drafts(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    """Hazard H-036: the warning sign and the table row a chain proposes become drafts;
    the agreed crisis plan and the current table stay as they were."""
    entry = await acted(conn, team)
    await sign_in(client, conn, team.amy)
    chain_id = uuid4()
    started = await client.put(f"/api/v1/chain-analyses/{chain_id}",
                               json={"entry_id": entry, "base_version": 0})
    assert started.status_code == 200, started.text
    links = started.json()["links"]
    assert [links[n]["what"] for n in LINK_NAMES] == [
        "Friends cancelled on Saturday night", "Loneliness (8 out of 10)",
        "Pacing; Checking my phone", "Get drunk (9 out of 10)", "I acted on the urge.", ""]
    links["consequences"] = {"what": "Hungover, missed work",
                             "differently": "Ring my sister before the first drink"}
    links["indicators"]["differently"] = "Notice the pacing and go out for a walk"
    proposals = {"warning_sign": "Pacing and checking my phone all evening",
                 "new_row": {"emotion": "Feeling let down", "urge": "Cancel all my plans",
                             "helpful_response": "Tell one friend how I feel"},
                 "helpful_response": "Ring my sister before the first drink"}
    changed = await client.put(f"/api/v1/chain-analyses/{chain_id}", json={
        "entry_id": entry, "base_version": 1, "links": links, "proposals": proposals})
    assert changed.json()["version"] == 2 and changed.json()["status"] == "open"
    table_before = (await client.get("/api/v1/table")).json()

    await sign_in(client, conn, team.ward)
    theirs = f"/api/v1/patients/{team.amy}/chain-analyses"
    review = (await client.get(f"/api/v1/patients/{team.amy}/review")).json()
    assert any("1 chain analysis of an acted urge" in line for line in review["digest"])
    assert [c["id"] for c in (await client.get(f"{theirs}?status=open")).json()] == [
        str(chain_id)]
    stale = await client.put(f"{theirs}/{chain_id}/agreement", json={"version": 1})
    assert stale.status_code == 412
    agreed = await client.put(f"{theirs}/{chain_id}/agreement", json={"version": 2})
    assert agreed.status_code == 200, agreed.text
    body = agreed.json()
    assert body["chain"]["status"] == "agreed" and body["chain"]["agreed_by"] == "Dr Ward"
    assert "early warning sign “Pacing and checking my phone all evening”" in body["drafted"][0]
    assert "New row “Feeling let down: Cancel all my plans”" in body["drafted"][1]
    again = await client.put(f"{theirs}/{chain_id}/agreement", json={"version": 2})
    assert again.status_code == 200 and again.json()["drafted"] == []

    # Drafts, not agreed: the crisis plan has no agreed version and the table is unchanged.
    crisis = (await client.get(f"/api/v1/patients/{team.amy}/crisis-plan/draft")).json()
    assert crisis["plan"]["warning_signs"] == ["Pacing and checking my phone all evening"]
    assert not crisis["patient_agreed"] and not crisis["clinician_agreed"]
    assert (await client.get(f"/api/v1/patients/{team.amy}/crisis-plan")).status_code == 404
    draft = (await client.get(f"/api/v1/patients/{team.amy}/table/draft")).json()
    assert draft["waiting"] and not draft["patient_agreed"] and not draft["clinician_agreed"]
    # The starting table's own row for the entry's feeling and urge gets the new response.
    assert draft["changes"][0] == ("In “Loneliness: Get drunk”: what helps “Meet friends” "
                                   "became “Ring my sister before the first drink”")
    await sign_in(client, conn, team.amy)
    assert (await client.get("/api/v1/table")).json() == table_before
    mine = (await client.get("/api/v1/chain-analyses")).json()
    assert mine[0]["status"] == "agreed" and mine[0]["links"]["consequences"]["differently"]


async def test_the_clinician_starts_one_and_bad_starts_are_refused(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    entry = await acted(conn, team, "partly")
    resisted = await add_entry(conn, team.amy, datetime.now(UTC) - timedelta(hours=2),
                               outcome="resisted")
    bens = await add_entry(conn, team.ben, datetime.now(UTC) - timedelta(hours=2),
                           outcome="acted")
    theirs = f"/api/v1/patients/{team.amy}/chain-analyses"
    started = await client.put(f"{theirs}/{uuid4()}", json={"entry_id": entry,
                                                              "base_version": 0})
    assert started.json()["links"]["action"]["what"] == "I partly acted on the urge."
    for bad in (resisted, bens, uuid4()):
        reply = await client.put(f"{theirs}/{uuid4()}", json={"entry_id": str(bad),
                                                               "base_version": 0})
        assert reply.status_code == 422 and "entry_id" in reply.text
    nul = await client.put(f"{theirs}/{uuid4()}", json={
        "entry_id": entry, "links": {"urge": {"what": "a\u0000b"}}})
    assert nul.status_code == 422 and "links.urge.what" in nul.text
    assert await conn.fetchval(
        "SELECT count(*) FROM tool_records WHERE kind = 'chain_analysis'") == 1
    for other in (team.dev, team.eve):
        far = f"/api/v1/patients/{other}/chain-analyses"
        assert (await client.get(far)).status_code == 404
        assert (await client.put(f"{far}/{uuid4()}", json={"entry_id": entry})).status_code == 404
    await sign_in(client, conn, team.amy)
    mine = (await client.get("/api/v1/chain-analyses")).json()
    assert len(mine) == 1 and mine[0]["links"]["emotion"]["what"] == "Loneliness (8 out of 10)"
