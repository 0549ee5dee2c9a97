"""PHQ-9 and GAD-7: the Questionnaires (valid FHIR R4), responses scored on the server and
stored once, the schedule, and item 9 putting the patient in the caseload's first tier."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from uuid import uuid4

import asyncpg
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from litestar.testing import AsyncTestClient
from outcome_people import People

from diarycard.outcomes.schedule import due, points
from factories import sign_in

PHQ9 = ["44250-9", "44255-8", "44259-0", "44254-1", "44251-7", "44258-2", "44252-5",
        "44253-3", "44260-8"]
GAD7 = ["69725-0", "68509-9", "69733-4", "69734-2", "69735-9", "69689-8", "69736-7"]
NOW = datetime.now(UTC).isoformat()


def phq9(*scores: int) -> dict[str, object]:
    return {"questionnaire": "phq-9", "authored": NOW, "answers": dict(zip(PHQ9, scores))}


async def test_questionnaires_are_valid_fhir_r4_with_loinc_codes(
    client: AsyncTestClient, people: People
) -> None:
    for qid, panel, links in (("phq-9", "44249-1", PHQ9), ("gad-7", "69737-5", GAD7)):
        r = await client.get(f"/api/v1/fhir/Questionnaire/{qid}")
        assert r.status_code == 200
        assert r.headers["content-type"].startswith("application/fhir+json")
        q = r.json()
        Questionnaire.model_validate(q)
        assert q["url"].endswith(f"/api/v1/fhir/Questionnaire/{qid}")
        assert q["code"][0] == {"system": "http://loinc.org", "code": panel,
                                "display": q["title"]}
        choices = [i for i in q["item"] if i["type"] == "choice"]
        assert [i["linkId"] for i in choices] == links
        for item in choices:
            assert [o["valueCoding"]["code"] for o in item["answerOption"]] == [
                "LA6568-5", "LA6569-3", "LA6570-1", "LA6571-9"]


async def test_a_response_is_scored_on_the_server_and_stored_once(
    client: AsyncTestClient, conn: asyncpg.Connection, people: People
) -> None:
    url = f"/api/v1/measures/{uuid4()}"
    body = phq9(3, 3, 2, 2, 1, 1, 1, 0, 0)
    first = await client.put(url, json=body)
    assert first.status_code == 200, first.text
    answer = first.json()
    assert answer["score"] == {"total": 13, "band": "moderate", "self_harm_item": 0}
    fhir = {k: v for k, v in answer.items() if k != "score"}
    QuestionnaireResponse.model_validate(fhir)
    assert fhir["item"][-1] == {"linkId": "44261-6", "answer": [{"valueInteger": 13}]}
    assert fhir["item"][0]["answer"][0]["valueCoding"]["code"] == "LA6571-9"
    again = await client.put(url, json=body)  # the outbox's retry
    assert again.json() == answer
    assert await conn.fetchval("SELECT count(*) FROM measure_responses") == 1
    different = await client.put(url, json=phq9(0, 0, 0, 0, 0, 0, 0, 0, 0))
    assert different.status_code == 409
    gad = await client.put(f"/api/v1/measures/{uuid4()}", json={
        "questionnaire": "gad-7", "authored": NOW, "answers": dict.fromkeys(GAD7, 3)})
    assert gad.json()["score"] == {"total": 21, "band": "severe", "self_harm_item": None}
    listed = (await client.get("/api/v1/measures")).json()
    assert [m["score"]["total"] for m in listed] == [13, 21]


async def test_answers_outside_the_options_name_the_item(
    client: AsyncTestClient, conn: asyncpg.Connection, people: People
) -> None:
    future = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    cases = [
        ({**phq9(0, 0, 0, 0, 0, 0, 0, 0, 0), "answers": {**dict.fromkeys(PHQ9, 0),
                                                         "44260-8": 4}}, "answers.44260-8"),
        (phq9(0, 0, 0, 0, 0, 0, 0, 0), "answers.44260-8"),
        ({**phq9(0, 0, 0, 0, 0, 0, 0, 0, 0), "answers": {**dict.fromkeys(PHQ9, 0),
                                                         "12345-6": 1}}, "answers.12345-6"),
        ({**phq9(0, 0, 0, 0, 0, 0, 0, 0, 0), "questionnaire": "bdi-ii"}, "questionnaire"),
        ({**phq9(0, 0, 0, 0, 0, 0, 0, 0, 0), "authored": future}, "authored"),
    ]
    for body, field in cases:
        r = await client.put(f"/api/v1/measures/{uuid4()}", json=body)
        assert r.status_code == 422, (field, r.text)
        assert r.headers["content-type"].startswith("application/problem+json")
        fields = [e["field"] for e in r.json().get("errors", [])]
        assert any(f.startswith(field) or field in f for f in fields), (field, r.text)
    assert await conn.fetchval("SELECT count(*) FROM measure_responses") == 0


def test_schedule_every_three_months_from_the_start() -> None:
    start = date(2026, 1, 31)
    assert points(start, 3, date(2026, 2, 10)) == (date(2026, 1, 31), date(2026, 4, 30))
    # The window opens 7 days before a due date.
    assert points(start, 3, date(2026, 4, 23)) == (date(2026, 4, 30), date(2026, 7, 31))
    title = "Patient Health Questionnaire-9 (PHQ-9)"
    assert due("phq-9", title, start, 3, date(2026, 5, 10), None).state == "due"
    late = due("phq-9", title, start, 3, date(2026, 5, 20), date(2026, 2, 1))
    assert (late.state, late.words) == ("overdue", "PHQ-9 overdue (due 30 Apr 2026)")
    done = due("phq-9", title, start, 3, date(2026, 5, 20), date(2026, 5, 19))
    assert (done.state, done.next_due) == ("not_yet", date(2026, 7, 31))


async def test_due_and_overdue_reach_the_patient_and_the_caseload(
    client: AsyncTestClient, conn: asyncpg.Connection, people: People
) -> None:
    # Amy started treatment 100 days ago: her 3-month measures are due now.
    await conn.execute("UPDATE users SET created_at = now() - interval '100 days' "
                       "WHERE id = $1", people.amy)
    mine = {d["questionnaire"]: d for d in (await client.get("/api/v1/measures/due")).json()}
    assert mine["phq-9"]["state"] == "due" and mine["gad-7"]["state"] == "due"
    await client.put(f"/api/v1/measures/{uuid4()}", json=phq9(1, 1, 1, 1, 1, 1, 1, 1, 0))
    mine = {d["questionnaire"]: d for d in (await client.get("/api/v1/measures/due")).json()}
    assert mine["phq-9"]["state"] == "not_yet" and mine["gad-7"]["state"] == "due"
    await sign_in(client, conn, people.ward)
    row = (await client.get("/api/v1/patients")).json()[0]
    assert [m.split(" due")[0] for m in row["measures"]] == ["GAD-7"]
    # A site that measures once a year: the one due is the first, at the start, long past.
    await conn.execute("UPDATE sites SET measure_interval_months = 12 WHERE id = $1",
                       people.site)
    outcomes = (await client.get(f"/api/v1/patients/{people.amy}/outcomes")).json()
    site_due = {d["questionnaire"]: d for d in outcomes["due"]}
    assert site_due["gad-7"]["state"] == "overdue"
    assert site_due["gad-7"]["due_on"] == outcomes["started"]


async def test_phq9_item_9_puts_the_patient_in_the_first_tier(
    client: AsyncTestClient, conn: asyncpg.Connection, people: People
) -> None:
    await client.put(f"/api/v1/measures/{uuid4()}", json=phq9(0, 1, 0, 0, 0, 0, 0, 0, 1))
    await sign_in(client, conn, people.ward)
    row = (await client.get("/api/v1/patients")).json()[0]
    assert row["tier"] == 1
    assert row["reasons"][0] == ("PHQ-9 question 9 (thoughts of being better off dead or of "
                              "hurting themselves) answered 'several days'")
    # Item 9 at 0 is no reason at all.
    await sign_in(client, conn, people.amy)
    await conn.execute("DELETE FROM measure_responses")
    await client.put(f"/api/v1/measures/{uuid4()}", json=phq9(3, 3, 3, 3, 3, 3, 3, 3, 0))
    await sign_in(client, conn, people.ward)
    assert (await client.get("/api/v1/patients")).json()[0]["tier"] != 1
