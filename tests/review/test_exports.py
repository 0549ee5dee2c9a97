"""Exports: CSV a spreadsheet cannot run, FHIR R4 that validates, the patient's own copy,
and an audit row for every one."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import asyncpg
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from litestar.testing import AsyncTestClient
from review_data import Team, add_entry, audit_rows

from factories import sign_in

HOSTILE = ["=HYPERLINK(\"http://evil\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd",
           "\uff1dcmd"]


async def entries_for_amy(conn: asyncpg.Connection, t: Team) -> None:
    when = datetime(2026, 11, 20, 21, 30, tzinfo=timezone(timedelta(hours=1)))
    await add_entry(conn, t.amy, when, "action", emotion=HOSTILE[0], emotion_intensity=7,
                    urge=HOSTILE[1], urge_strength=9, indicators=[HOSTILE[2], "fists"],
                    helpful_response=HOSTILE[3], outcome="resisted", risk_self_harm=3,
                    risk_aggression=6, risk_substance_use=False, note=HOSTILE[4])
    await add_entry(conn, t.amy, when + timedelta(days=1), "not_planning",
                    emotion=HOSTILE[5], note="Zoë 😊 عربى")


async def test_csv_cells_never_start_a_formula(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    await entries_for_amy(conn, team)
    response = await client.get(f"/api/v1/patients/{team.amy}/export",
                                params={"format": "csv"})
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"  # charset once
    assert response.headers["content-type"].startswith("text/csv")
    assert response.headers["content-disposition"].startswith("attachment;")
    assert response.headers["cache-control"] == "no-store"
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 2
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r", "\uff1d")), value
    first, second = rows
    assert first["emotion"] == "'" + HOSTILE[0]
    assert first["indicators"] == "'-2+3; fists"
    assert first["occurred_at"] == "2026-11-20T21:30:00+01:00"
    assert (first["urge_strength"], first["risk_substance_use"]) == ("9", "no")
    assert second["note"] == "Zoë 😊 عربى"
    assert await audit_rows(conn, team.ward) == [(team.amy, "export.csv")]


def questionnaire_items(q: dict[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for item in q["item"]:
        found[item["linkId"]] = item["type"]
        for child in item.get("item", []):
            found[child["linkId"]] = child["type"]
    return found


ANSWER_TYPE = {"dateTime": "valueDateTime", "choice": "valueCoding", "string": "valueString",
               "integer": "valueInteger", "boolean": "valueBoolean", "text": "valueString"}


async def test_fhir_bundle_validates_against_r4_and_our_questionnaire(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    await entries_for_amy(conn, team)
    q_response = await client.get("/api/v1/fhir/Questionnaire/diarycard-entry")
    assert q_response.headers["content-type"].startswith("application/fhir+json")
    q = q_response.json()
    Questionnaire.model_validate(q)
    types = questionnaire_items(q)
    response = await client.get(f"/api/v1/patients/{team.amy}/export",
                                params={"format": "fhir"})
    assert response.status_code == 200
    bundle = response.json()
    Bundle.model_validate(bundle)
    assert bundle["type"] == "collection" and len(bundle["entry"]) == 2
    for item in bundle["entry"]:
        resource = item["resource"]
        QuestionnaireResponse.model_validate(resource)
        assert resource["questionnaire"] == f"{q['url']}|{q['version']}"
        assert resource["subject"]["reference"] == f"Patient/{team.amy}"
        for answer_item in resource["item"]:
            for leaf in answer_item.get("item", [answer_item]):
                expected = ANSWER_TYPE[types[leaf["linkId"]]]
                assert all(set(a) == {expected} for a in leaf["answer"]), leaf
    first = bundle["entry"][0]["resource"]
    answers = {i["linkId"]: i.get("answer") for i in first["item"]}
    assert answers["urge_strength"] == [{"valueInteger": 9}]
    assert answers["occurred_at"] == [{"valueDateTime": "2026-11-20T21:30:00+01:00"}]
    assert [a["valueString"] for a in answers["indicators"]] == ["-2+3", "fists"]
    assert answers["outcome"][0]["valueCoding"]["code"] == "resisted"
    assert await audit_rows(conn, team.ward) == [(team.amy, "export.fhir")]


async def test_exports_are_for_the_care_team_only(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    for patient in (team.dev, team.eve):
        response = await client.get(f"/api/v1/patients/{patient}/export",
                                    params={"format": "csv"})
        assert response.status_code == 404
    bad = await client.get(f"/api/v1/patients/{team.amy}/export", params={"format": "xlsx"})
    assert bad.status_code in (400, 422)
    await sign_in(client, conn, team.amy)
    own = await client.get(f"/api/v1/patients/{team.amy}/export", params={"format": "csv"})
    assert own.status_code == 403
    assert await audit_rows(conn, team.ward) == []


async def test_a_patient_downloads_everything_we_hold_about_them(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    await entries_for_amy(conn, team)
    gone = await add_entry(conn, team.amy, datetime.now(UTC), note="first words")
    await conn.execute("UPDATE entries SET note = 'second words', version = 2 WHERE id = $1",
                       gone)
    await conn.execute("UPDATE entries SET deleted_at = now(), version = 3 WHERE id = $1", gone)
    await add_entry(conn, team.ben, datetime.now(UTC), note="not Amy's")
    await client.get(f"/api/v1/patients/{team.amy}/review")  # Dr Ward looks, and it shows
    await sign_in(client, conn, team.amy)
    response = await client.get("/api/v1/me/export", params={"format": "json"})
    assert response.status_code == 200
    assert response.headers["content-disposition"].startswith("attachment;")
    mine = response.json()
    assert mine["account"]["login"] == "amy"
    assert len(mine["entries"]) == 3
    deleted = next(e for e in mine["entries"] if e["id"] == str(gone))
    assert deleted["deleted_at"] is not None and deleted["note"] == "second words"
    assert [r["entry"]["note"] for r in mine["revisions"]] == ["first words", "second words"]
    assert "not Amy's" not in response.text
    assert [(a["who"], a["action"]) for a in mine["access_log"]] == [
        ("Dr Ward", "review.view"), ("Amy", "export.own.json")]
    csv_response = await client.get("/api/v1/me/export", params={"format": "csv"})
    assert len(list(csv.DictReader(io.StringIO(csv_response.text.lstrip("\ufeff"))))) == 2
    actions = [a for _, a in await audit_rows(conn, team.amy)]
    assert actions == ["export.own.json", "export.own.csv"]
    await sign_in(client, conn, team.ward)
    assert (await client.get("/api/v1/me/export")).status_code == 403
