"""The diary's own monthly outcome summary as a FHIR Questionnaire: valid FHIR R4, counts
of acts and contacts scored on the server, out-of-range counts refused naming the item,
stored once, due every month, and kept out of the PHQ-9/GAD-7 chart."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import uuid4

import asyncpg
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from litestar.testing import AsyncTestClient
from outcome_people import People

from factories import sign_in

ACTS = ["self-harm", "verbal", "property", "others"]
CONTACTS = ["ae", "crisis-team", "police", "admission", "social-services"]
NOW = datetime.now(UTC).isoformat()


def summary(**counts: int) -> dict[str, object]:
    answers = {link: 0 for link in [*ACTS, *CONTACTS, "nights"]}
    answers.update({k.replace("_", "-"): v for k, v in counts.items()})
    return {"questionnaire": "monthly-summary", "authored": NOW, "answers": answers}


async def test_the_monthly_summary_is_a_valid_questionnaire_scored_as_two_counts(
    client: AsyncTestClient, conn: asyncpg.Connection, people: People
) -> None:
    r = await client.get("/api/v1/fhir/Questionnaire/monthly-summary")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/fhir+json")
    q = r.json()
    Questionnaire.model_validate(q)
    asked = [i["linkId"] for i in q["item"] if i["type"] == "integer" and not i.get("readOnly")]
    assert asked == [*ACTS, *CONTACTS, "nights"]

    url = f"/api/v1/measures/{uuid4()}"
    body = summary(self_harm=2, verbal=1, police=1, admission=1, nights=3)
    first = await client.put(url, json=body)
    assert first.status_code == 200, first.text
    answer = first.json()
    assert answer["score"] == {"total": 5, "band": "3 acts, 2 service contacts",
                               "self_harm_item": None}
    QuestionnaireResponse.model_validate({k: v for k, v in answer.items() if k != "score"})
    totals = {i["linkId"]: i["answer"][0]["valueInteger"] for i in answer["item"]}
    assert (totals["acts-total"], totals["contacts-total"], totals["nights"]) == (3, 2, 3)
    assert (await client.put(url, json=body)).json() == answer  # the outbox's retry
    assert await conn.fetchval("SELECT count(*) FROM measure_responses") == 1

    # A month with nothing is a zero, not a gap.
    quiet = await client.put(f"/api/v1/measures/{uuid4()}", json=summary())
    assert quiet.json()["score"]["band"] == "0 acts, 0 service contacts"

    for bad, field in ((summary(police=100), "answers.police"),
                       (summary(nights=32), "answers.nights"),
                       ({**summary(), "answers": {"self-harm": 1}}, "answers.verbal")):
        refused = await client.put(f"/api/v1/measures/{uuid4()}", json=bad)
        assert refused.status_code == 422, refused.text
        assert field in [e["field"] for e in refused.json()["errors"]]
    assert await conn.fetchval("SELECT count(*) FROM measure_responses") == 2


async def test_the_summary_is_due_monthly_and_stays_out_of_the_measures_chart(
    client: AsyncTestClient, conn: asyncpg.Connection, people: People
) -> None:
    await conn.execute("UPDATE users SET created_at = now() - interval '40 days' "
                       "WHERE id = $1", people.amy)
    due = {d["questionnaire"]: d for d in (await client.get("/api/v1/measures/due")).json()}
    assert due["monthly-summary"]["state"] == "due"
    assert due["monthly-summary"]["title"] == "Your month (acts and service contacts)"
    await client.put(f"/api/v1/measures/{uuid4()}", json=summary(verbal=1))
    due = {d["questionnaire"]: d for d in (await client.get("/api/v1/measures/due")).json()}
    assert due["monthly-summary"]["state"] == "not_yet"
    await sign_in(client, conn, people.ward)
    outcomes = (await client.get(f"/api/v1/patients/{people.amy}/outcomes")).json()
    assert outcomes["measures"]["points"] == []
