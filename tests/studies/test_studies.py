"""Studies through the API and in the database: set-up, enrolment by stratified
permuted-block randomisation (balanced over 300 enrolments, reproducible, concealed from
clinicians), the screening log and CONSORT, follow-up, and an export with no identifiers."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
from collections import Counter
from datetime import date, timedelta
from uuid import UUID, uuid4

import asyncpg
from litestar.testing import AsyncTestClient

from diarycard.auth.principal import Principal
from diarycard.studies import store
from diarycard.studies.models import EnrolIn, Strata
from diarycard.studies.randomise import allocate, block, sequence
from factories import make_site, make_user, sign_in

BANDS = ["21-25", "26-39", "40+"]
STUDY = {"name": "MOAM pilot", "arms": ["MOAM", "usual care"], "block_sizes": [2, 4]}


async def setup(conn: asyncpg.Connection, client: AsyncTestClient) -> dict[str, UUID]:
    site = await make_site(conn)
    people = {
        "site": site,
        "admin": await make_user(conn, site, "admin", "site.admin", "Ada Admin"),
        "researcher": await make_user(conn, site, "researcher", "res.one", "Rae Researcher"),
        "clinician": await make_user(conn, site, "clinician", "dr.ward", "Dr Ward"),
    }
    await sign_in(client, conn, people["admin"])
    r = await client.post("/api/v1/studies", json=STUDY)
    assert r.status_code == 201, r.text
    people["study"] = UUID(r.json()["id"])
    return people


def enrol_body(ref: str, band: str = "26-39") -> dict[str, object]:
    return {"site_ref": ref, "consent_date": date.today().isoformat(), "consent_version": "v2",
            "strata": {"age_band": band, "sentence": "community", "length": "over_12_months"}}


async def test_the_sequence_is_reproducible_and_blocks_are_balanced() -> None:
    seed = b"s" * 32
    first = [allocate(seed, "x", i, ["A", "B"], [2, 4, 6]) for i in range(60)]
    assert first == sequence(seed, "x", 60, ["A", "B"], [2, 4, 6])
    assert first != [allocate(b"t" * 32, "x", i, ["A", "B"], [2, 4, 6]) for i in range(60)]
    for k in range(20):
        counts = Counter(block(seed, "x", k, ["A", "B", "C"], [3, 6]))
        assert len(set(counts.values())) == 1 and set(counts) == {"A", "B", "C"}


async def test_300_enrolments_are_balanced_within_every_stratum(
    client: AsyncTestClient, conn: asyncpg.Connection
) -> None:
    p = await setup(conn, client)
    who = Principal(p["researcher"], "researcher", p["site"], "res.one", "Rae", uuid4())
    rows = [(uuid4(), f"pt-{i}", p["site"]) for i in range(300)]
    await conn.executemany(
        "INSERT INTO users (id, login, display_name, site_id, role) "
        "VALUES ($1, $2, $3, $4, 'patient')", [(a, b, b, c) for a, b, c in rows])
    strata = Counter()
    for i, (patient, _, _) in enumerate(rows):
        band, sentence, length = BANDS[i % 3], ("community", "licence")[i // 3 % 2], (
            "under_12_months", "over_12_months")[i // 6 % 2]
        out = await store.enrol(conn, who, p["study"], patient, EnrolIn(
            site_ref=f"REF-{i}", consent_date=date.today(), consent_version="v2",
            strata=Strata(age_band=band, sentence=sentence, length=length)))
        strata[(band, sentence, length, out.arm)] += 1
    arms = Counter(arm for (*_, arm), n in strata.items() for _ in range(n))
    assert arms["MOAM"] + arms["usual care"] == 300 and abs(arms["MOAM"] - 150) <= 12
    for band in BANDS:
        for sentence in ("community", "licence"):
            for length in ("under_12_months", "over_12_months"):
                a = strata[(band, sentence, length, "MOAM")]
                b = strata[(band, sentence, length, "usual care")]
                # Blocks of at most 4: never more than 2 apart within a stratum.
                assert a + b == 25 and abs(a - b) <= 2, (band, sentence, length, a, b)
    print(f"300 enrolments: {dict(arms)}")


async def test_enrolment_answers_the_allocation_only_and_clinicians_see_nothing(
    client: AsyncTestClient, conn: asyncpg.Connection
) -> None:
    p = await setup(conn, client)
    amy = await make_user(conn, p["site"], "patient", "amy", "Amy Example")
    seed = await conn.fetchval("SELECT seed FROM studies WHERE id = $1", p["study"])
    await sign_in(client, conn, p["researcher"])
    url = f"/api/v1/studies/{p['study']}/participants/{amy}"
    first = await client.put(url, json=enrol_body("REF-1"))
    assert first.status_code == 200, first.text
    assert set(first.json()) == {"study_id", "pseudonym", "arm", "enrolled_on"}
    assert (await client.put(url, json=enrol_body("REF-1"))).json() == first.json()
    study = (await client.get(f"/api/v1/studies/{p['study']}")).json()
    assert "seed" not in study and seed.hex() not in json.dumps(study)
    await sign_in(client, conn, p["clinician"])
    for method, path in (("GET", f"/api/v1/studies/{p['study']}"),
                         ("GET", f"/api/v1/studies/{p['study']}/export?format=csv"),
                         ("GET", f"/api/v1/studies/{p['study']}/consort"),
                         ("PUT", url)):
        r = await client.request(method, path, json=enrol_body("REF-2") if method == "PUT"
                                 else None)
        assert r.status_code == 403, (path, r.text)
    # A researcher of another site does not find the study.
    other = await make_site(conn)
    stranger = await make_user(conn, other, "researcher", "res.two", "Sam Stranger")
    await sign_in(client, conn, stranger)
    assert (await client.get(f"/api/v1/studies/{p['study']}")).status_code == 404
    assert await conn.fetchval("SELECT count(*) FROM audit_log WHERE action = 'study.enrol' "
                               "AND patient_id = $1", amy) == 2


async def test_bad_study_and_enrolment_input_names_the_field(
    client: AsyncTestClient, conn: asyncpg.Connection
) -> None:
    p = await setup(conn, client)
    r = await client.post("/api/v1/studies", json={**STUDY, "name": "Two",
                                                   "block_sizes": [3]})
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "block_sizes[0]"
    amy = await make_user(conn, p["site"], "patient", "amy", "Amy Example")
    await sign_in(client, conn, p["researcher"])
    body = enrol_body("REF-1")
    body["strata"] = {"sentence": "community", "length": "over_12_months"}
    r = await client.put(f"/api/v1/studies/{p['study']}/participants/{amy}", json=body)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "strata.age_band"
    future = {**enrol_body("REF-1"), "consent_date": (date.today() + timedelta(3)).isoformat()}
    r = await client.put(f"/api/v1/studies/{p['study']}/participants/{amy}", json=future)
    assert r.status_code == 422 and r.json()["errors"][0]["field"] == "consent_date"
    assert await conn.fetchval("SELECT count(*) FROM study_participants") == 0


async def test_screening_consort_follow_up_and_an_export_with_no_identifiers(
    client: AsyncTestClient, conn: asyncpg.Connection
) -> None:
    p = await setup(conn, client)
    await sign_in(client, conn, p["admin"])
    second = UUID((await client.post("/api/v1/studies", json={**STUDY, "name": "Other"}
                                     )).json()["id"])
    patients = [await make_user(conn, p["site"], "patient", f"pat{i}", f"Pat Name{i}")
                for i in range(3)]
    await sign_in(client, conn, p["researcher"])
    for i, reason in enumerate(["declined", "uncontactable", "declined"]):
        r = await client.put(f"/api/v1/studies/{p['study']}/screening/{uuid4()}", json={
            "site_ref": f"SCR-{i}", "screened_on": date.today().isoformat(), "reason": reason})
        assert r.status_code == 200, r.text
    pseudonyms = {}
    for i, patient in enumerate(patients):
        r = await client.put(f"/api/v1/studies/{p['study']}/participants/{patient}",
                             json=enrol_body(f"REF-{i}"))
        pseudonyms[patient] = r.json()["pseudonym"]
    # Enrolled 100 days ago: the 3-month visit is due for everyone without a measure since.
    await conn.execute("UPDATE study_participants SET enrolled_on = current_date - 100")
    for patient in patients:
        await conn.execute(
            "INSERT INTO outcome_events (id, patient_id, site_id, kind, occurred_on, severity,"
            " note, recorded_by, recorded_role, request_hash) VALUES ($1, $2, $3, 'verbal',"
            " current_date - 50, 2, 'told Dr Ward about Pat at 07700 900123', $2, 'patient',"
            " '\\x00')", uuid4(), patient, p["site"])
    await conn.execute(
        "INSERT INTO measure_responses (id, patient_id, site_id, questionnaire, authored, items,"
        " total, recorded_by, request_hash) VALUES ($1, $2, $3, 'phq-9', now(), '[]', 11, $2,"
        " '\\x00')", uuid4(), patients[0], p["site"])
    consort = (await client.get(f"/api/v1/studies/{p['study']}/consort")).json()
    assert consort["text"].startswith("6 screened; 3 excluded (declined 2, uncontactable 1); "
                                      "3 randomised.")
    ET.fromstring(consort["svg"])  # well-formed SVG
    assert "Randomised (n=3)" in consort["svg"]
    due = (await client.get(f"/api/v1/studies/{p['study']}/follow-ups")).json()
    assert sorted(d["pseudonym"] for d in due) == sorted(
        pseudonyms[x] for x in patients[1:])
    assert {(d["visit_month"], d["kind"], d["state"]) for d in due} == {(3, "primary", "due")}

    exported = {}
    for fmt in ("csv", "fhir"):
        r = await client.get(f"/api/v1/studies/{p['study']}/export", params={"format": fmt})
        assert r.status_code == 200
        exported[fmt] = r.text
    rows = list(csv.DictReader(io.StringIO(exported["csv"])))
    assert {r["pseudonym"] for r in rows if r["record"] == "enrolled"} == set(
        pseudonyms.values())
    assert [r["value"] for r in rows if r["record"] == "site_summary"] == ["<5"] * len(
        {r["arm"] for r in rows if r["record"] == "enrolled"})
    assert {r["day"] for r in rows if r["record"] == "act_or_contact"} == {"50"}
    identifying = ["Dr Ward", "Rae Researcher", "07700", "told", str(p["site"]),
                   date.today().isoformat(), (date.today() - timedelta(100)).isoformat()]
    for patient in patients:
        user = await conn.fetchrow("SELECT login, display_name FROM users WHERE id = $1",
                                   patient)
        identifying += [str(patient), user["login"], user["display_name"]]
    for fmt, text in exported.items():
        for needle in identifying:
            assert needle.lower() not in text.lower(), (fmt, needle)
    # The same patient has an unrelated pseudonym in another study.
    await sign_in(client, conn, p["researcher"])
    other = (await client.put(f"/api/v1/studies/{second}/participants/{patients[0]}",
                              json=enrol_body("REF-0"))).json()["pseudonym"]
    assert other != pseudonyms[patients[0]]
    assert await conn.fetchval("SELECT count(*) FROM audit_log WHERE action LIKE "
                               "'study.export.%'") == 2
