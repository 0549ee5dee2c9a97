"""Problem-solving worksheets, checking-it-out records and goals: the patient's own,
written offline with client-made ids, read by their care team."""

from __future__ import annotations

import asyncpg
import pytest
from tools_api import Call

from access_world import World

SHEET = "/problem-solving/6a3c1e5e-2f0b-4c8e-9a51-3d2f1b0c9e01"
CHECK = "/checking-it-out/7b4d2f6f-3a1c-4d9f-8b62-4e3a2c1d0f02"
GOAL = "/goals/8c5e3a7a-4b2d-4eaf-9c73-5f4b3d2e1a03"


async def test_a_worksheet_walks_the_four_steps_and_stays_open_for_the_session(
    api: Call, conn: asyncpg.Connection, world: World
) -> None:
    step1 = {"base_version": 0, "problem": "I keep missing the bus to work."}
    made = await api("P1", "PUT", SHEET, json=step1)
    assert made.status_code == 200 and made.json()["version"] == 1
    assert (await api("P1", "PUT", SHEET, json=step1)).json() == made.json()  # a replay

    plan = {**step1, "base_version": 1,
            "solutions": [{"idea": "Set two alarms", "pros": "Easy", "cons": "Noisy"},
                          {"idea": "Ask Sam for a lift"}],
            "chosen": 0, "first_step": "Buy an alarm clock", "when": "Saturday"}
    planned = (await api("P1", "PUT", SHEET, json=plan)).json()
    assert planned["version"] == 2 and planned["solutions"][0]["idea"] == "Set two alarms"
    assert (await api("P1", "PUT", SHEET, json={**plan, "when": "Sunday"})).status_code == 412

    seen = await api("C1", "GET", "/patients/{P1}/problem-solving?status=open")
    assert [w["problem"] for w in seen.json()] == ["I keep missing the bus to work."]
    audited = await conn.fetchval(
        "SELECT count(*) FROM audit_log WHERE actor_id = $1 AND resource = 'problem_solving'",
        world.ids["C1"])
    assert audited == 1

    review = {**plan, "base_version": 2, "status": "done", "what_happened": "On time all week",
              "learned": "Small steps work"}
    assert (await api("P1", "PUT", SHEET, json=review)).json()["status"] == "done"
    assert (await api("C1", "GET", "/patients/{P1}/problem-solving?status=open")).json() == []
    mine = (await api("P1", "GET", "/problem-solving")).json()
    assert [w["learned"] for w in mine] == ["Small steps work"]


async def test_records_are_the_patients_own(api: Call) -> None:
    await api("P1", "PUT", SHEET, json={"base_version": 0, "problem": "Private words"})
    for actor in ("P2", "P3"):
        read = await api(actor, "GET", SHEET)
        write = await api(actor, "PUT", SHEET, json={"base_version": 0, "problem": "Mine now"})
        assert (read.status_code, write.status_code) == (404, 404)
        assert "Private words" not in read.text + write.text
    # The same id under another tool is not the same record.
    assert (await api("P1", "GET", "/goals/" + SHEET.rsplit("/", 1)[1])).status_code == 404
    for actor, status in [("C2", 404), ("C3", 404), ("P1", 403), ("A1", 403)]:
        got = await api(actor, "GET", "/patients/{P1}/problem-solving")
        assert got.status_code == status, actor
    assert (await api("C1", "GET", "/problem-solving")).status_code == 403
    assert (await api("P1", "GET", SHEET)).json()["problem"] == "Private words"


async def test_checking_it_out_keeps_the_assumption_and_what_was_learned(api: Call) -> None:
    body = {"base_version": 0, "situation": "My friend did not reply all day",
            "assumed": "She is angry with me", "how_sure": 90,
            "other_explanations": ["Her phone died", "She was at work"],
            "strategies": ["ask", "context"], "asked_or_said": "Is everything all right?",
            "learned": "She had been at work", "status": "done"}
    saved = await api("P1", "PUT", CHECK, json=body)
    assert saved.status_code == 200 and saved.json()["how_sure"] == 90
    listed = (await api("C1", "GET", "/patients/{P1}/checking-it-out")).json()
    assert listed[0]["other_explanations"] == ["Her phone died", "She was at work"]


async def test_goals_are_agreed_by_the_clinician_and_progress_is_the_patients(
    api: Call,
) -> None:
    goal_id = GOAL.rsplit("/", 1)[1]
    agree_url = f"/patients/{{P1}}/goals/{goal_id}/agreement"
    await api("P1", "PUT", GOAL, json={"base_version": 0, "goal": "Walk 20 minutes a day"})
    agreed = await api("C1", "PUT", agree_url, json={"version": 1})
    assert agreed.json()["agreed_by"] == "Person C1"
    progress = await api("P1", "PUT", GOAL, json={"base_version": 1,
                                                  "goal": "Walk 20 minutes a day", "progress": 4})
    assert progress.json()["progress"] == 4 and progress.json()["agreed_by"] == "Person C1"
    # Agreeing a version that has moved on is refused.
    assert (await api("C1", "PUT", agree_url, json={"version": 1})).status_code == 412
    reworded = await api("P1", "PUT", GOAL, json={"base_version": 2, "goal": "Run a 5k",
                                                  "term": "long", "progress": 4})
    assert reworded.json()["agreed_by"] is None
    assert (await api("C2", "PUT", agree_url, json={"version": 3})).status_code == 404
    assert (await api("P1", "PUT", agree_url, json={"version": 3})).status_code == 403
    goals = (await api("C1", "GET", "/patients/{P1}/goals")).json()
    assert [(g["goal"], g["term"]) for g in goals] == [("Run a 5k", "long")]


@pytest.mark.parametrize(
    ("path", "body", "field"),
    [
        (SHEET, {"base_version": 0, "solutions": [{"idea": "a"}], "chosen": 1}, "chosen"),
        (SHEET, {"base_version": 0, "problem": "x" * 301}, "problem"),
        (SHEET, {"base_version": 0, "learned": "a\u0000"}, "learned"),
        (SHEET, {"base_version": 0, "patient_id": "x"}, "patient_id"),
        (CHECK, {"base_version": 0, "how_sure": 101}, "how_sure"),
        (CHECK, {"base_version": 0, "strategies": ["shout"]}, "strategies[0]"),
        (GOAL, {"base_version": 0, "goal": "Walk", "progress": 11}, "progress"),
        (GOAL, {"base_version": 0}, "goal"),
        (GOAL, {"base_version": 0, "goal": "Walk", "status": "done"}, "status"),
    ],
)
async def test_bad_input_names_the_field_and_stores_nothing(
    api: Call, conn: asyncpg.Connection, path: str, body: dict[str, object], field: str
) -> None:
    response = await api("P1", "PUT", path, json=body)
    assert response.status_code == 422
    assert field in response.json()["detail"]
    assert await conn.fetchval("SELECT count(*) FROM tool_records") == 0


async def test_a_lone_surrogate_in_a_worksheet_is_refused_naming_the_field(
    api: Call, conn: asyncpg.Connection
) -> None:
    raw = b'{"base_version": 0, "solutions": [{"idea": "\\udc00"}]}'
    response = await api("P1", "PUT", SHEET, content=raw,
                         headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert "solutions[0].idea" in response.json()["detail"]
    assert await conn.fetchval("SELECT count(*) FROM tool_records") == 0
