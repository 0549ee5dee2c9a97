"""'Who has looked at my diary' says what kind of record was touched when the action alone
does not, and never passes on a record's id."""

from __future__ import annotations

from access_world import acting_as, seed_world


async def test_the_access_log_names_the_kind_of_record_and_hides_ids(client, conn) -> None:
    world = await seed_world(conn)
    clinician = await acting_as(client, conn, world, "C1")
    admin = await acting_as(client, conn, world, "A1")
    patient_id = world.ids["P1"]
    versions = await client.get(f"/api/v1/patients/{patient_id}/crisis-plan/versions",
                                headers=clinician)
    assert versions.status_code == 200
    await client.put(f"/api/v1/care-team/{world.ids['C2']}/{patient_id}", headers=admin)
    answer = await client.get("/api/v1/me/access-log",
                              headers=await acting_as(client, conn, world, "P1"))
    assert [(m["action"], m["about"]) for m in answer.json()] == [
        ("care_team.assign", ""),  # the trail holds C2's id here: not for the patient's eyes
        ("read", "crisis_plan_versions"),
    ]
    assert str(world.ids["C2"]) not in answer.text
