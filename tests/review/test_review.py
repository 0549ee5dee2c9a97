"""One patient before a session: the window, the digest, the charts' data (checked by
hand against fixed entries that straddle the change to BST) and the timeline."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import asyncpg
from litestar.testing import AsyncTestClient
from review_data import Team, add_appointment, add_entry, audit_rows

GMT, BST = UTC, timezone(timedelta(hours=1))


async def march(conn: asyncpg.Connection, t: Team) -> dict[str, str]:
    """Four entries from Sat 28 to Mon 30 March 2026 (BST began on Sunday 29 March), and
    one just either side of the range."""
    ids = {
        "before": await add_entry(conn, t.amy, datetime(2026, 3, 26, 10, tzinfo=GMT)),
        "e1": await add_entry(
            conn, t.amy, datetime(2026, 3, 28, 23, 30, tzinfo=GMT), "action",
            emotion="boredom", emotion_intensity=6, urge="get drunk", urge_strength=8,
            helpful_response="meet friends", outcome="resisted", risk_self_harm=2),
        "e2": await add_entry(
            conn, t.amy, datetime(2026, 3, 29, 23, 30, tzinfo=BST), "action",
            emotion="loneliness", emotion_intensity=8, urge="text my ex", urge_strength=9,
            helpful_response="stop, think", outcome="acted", risk_aggression=5,
            risk_substance_use=True),
        # 23:30 on Sunday in UTC, but 00:30 on Monday in London: a Monday entry.
        "e3": await add_entry(
            conn, t.amy, datetime(2026, 3, 30, 0, 30, tzinfo=BST), "not_planning",
            emotion="boredom", emotion_intensity=4, urge="spend money", urge_strength=5,
            helpful_response="meet friends", outcome="resisted"),
        "e4": await add_entry(
            conn, t.amy, datetime(2026, 3, 30, 12, 0, tzinfo=BST), "not_attending",
            emotion="boredom", emotion_intensity=2, outcome="partly"),
        # Tuesday 00:30 in London: after the last day of the range.
        "after": await add_entry(conn, t.amy, datetime(2026, 3, 31, 0, 30, tzinfo=BST)),
    }
    return {k: str(v) for k, v in ids.items()}


async def test_chart_data_matches_the_figures_worked_out_by_hand(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    ids = await march(conn, team)
    response = await client.get(f"/api/v1/patients/{team.amy}/review",
                                params={"from": "2026-03-27", "to": "2026-03-30"})
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["window"]["basis"] == "chosen"
    assert [e["id"] for e in body["timeline"]] == [ids["e4"], ids["e3"], ids["e2"], ids["e1"]]
    charts = body["charts"]
    assert charts["intensity"]["points"] == [
        {"day": "2026-03-28", "entries": 1, "urge_mean": 8.0, "urge_max": 8, "emotion_mean": 6.0},
        {"day": "2026-03-29", "entries": 1, "urge_mean": 9.0, "urge_max": 9, "emotion_mean": 8.0},
        {"day": "2026-03-30", "entries": 2, "urge_mean": 5.0, "urge_max": 5, "emotion_mean": 3.0},
    ]
    # (8 + 9 + 5) / 3 = 7.3; (6 + 8 + 4 + 2) / 4 = 5.0
    assert charts["intensity"]["summary"] == (
        "Urge strength averaged 7.3 out of 10 over 3 entries, highest 9 on Sun 29 Mar; "
        "emotion intensity averaged 5.0.")
    assert [(r["category"], r["count"]) for r in charts["categories"]["rows"]] == [
        ("not_attending", 1), ("not_planning", 1), ("action", 2)]
    assert charts["categories"]["summary"] == (
        "Most entries were about action (2 of 4), then not attending (1) and not planning (1).")
    assert charts["responses"]["rows"] == [
        {"helpful_response": "meet friends", "tried": 2, "resisted": 2, "partly": 0, "acted": 0},
        {"helpful_response": "stop, think", "tried": 1, "resisted": 0, "partly": 0, "acted": 1},
    ]
    assert charts["responses"]["summary"] == (
        "A helpful response was tried in 3 of 4 entries and the urge was then resisted in 2 of "
        "those 3, against 0 of 1 when none was tried.")
    assert charts["risk"]["points"] == [
        {"day": "2026-03-28", "self_harm_max": 2, "aggression_max": None, "substance_use": 0},
        {"day": "2026-03-29", "self_harm_max": None, "aggression_max": 5, "substance_use": 1},
    ]
    risk_words = ("Self-harm urge highest 2 out of 10 on Sat 28 Mar; aggression urge highest 5 "
                  "out of 10 on Sun 29 Mar; alcohol or drugs used on 1 day.")
    assert charts["risk"]["summary"] == risk_words
    assert body["digest"][:5] == [
        "From Fri 27 Mar to Mon 30 Mar: 4 entries.",
        "Urges: 1 acted on, 2 resisted, 1 partly acted on.",
        "Emotions named most: boredom (3), loneliness (1).",
        "The strongest urge was 9 out of 10 (text my ex) on Sun 29 Mar.",
        risk_words,
    ]
    assert body["digest"][-1].startswith("No entry for ")
    assert await audit_rows(conn, team.ward) == [(team.amy, "review.view")]


async def test_the_window_runs_from_the_last_attended_session(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    now = datetime.now(UTC)
    session = now - timedelta(days=5)
    await add_appointment(conn, team.amy, team.ward, session, "attended")
    await add_appointment(conn, team.amy, team.ward, now - timedelta(days=2), "cancelled")
    await add_appointment(conn, team.amy, team.ward, now - timedelta(days=1), "not_attended")
    await add_entry(conn, team.amy, now - timedelta(days=6))
    kept = [await add_entry(conn, team.amy, now - timedelta(days=4)),
            await add_entry(conn, team.amy, now - timedelta(hours=1))]
    body = (await client.get(f"/api/v1/patients/{team.amy}/review")).json()
    assert body["window"]["basis"] == "last_session"
    assert datetime.fromisoformat(body["window"]["start"]) == session
    assert {e["id"] for e in body["timeline"]} == {str(k) for k in kept}
    assert body["missed_appointments"] == 1
    assert body["digest"][0].startswith("Since ")
    assert body["digest"][0].endswith("(the last session): 2 entries.")
    assert "1 appointment not attended since the last session: please follow up." in body["digest"]


async def test_with_no_session_on_record_the_last_two_weeks_are_shown(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    now = datetime.now(UTC)
    await add_entry(conn, team.ben, now - timedelta(days=15))
    recent = await add_entry(conn, team.ben, now - timedelta(days=13))
    body = (await client.get(f"/api/v1/patients/{team.ben}/review")).json()
    assert body["window"]["basis"] == "recent"
    assert [e["id"] for e in body["timeline"]] == [str(recent)]
    assert body["digest"][0] == "In the last 14 days (no session on record): 1 entry."


async def test_entries_edited_since_i_last_looked_are_marked_once(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    entry = await add_entry(conn, team.amy, datetime.now(UTC) - timedelta(hours=2),
                            urge="shout")
    url = f"/api/v1/patients/{team.amy}/review"
    first = (await client.get(url)).json()
    assert first["last_viewed_at"] is None
    assert first["timeline"][0]["edited_since_last_view"] is False
    await conn.execute("UPDATE entries SET urge = 'walk away', version = version + 1,"
                       " updated_at = now() WHERE id = $1", entry)
    second = (await client.get(url)).json()
    assert second["timeline"][0]["edited_since_last_view"] is True
    assert second["timeline"][0]["urge"] == "walk away"
    assert "1 entry edited since you last looked (marked in the timeline)." in second["digest"]
    third = (await client.get(url)).json()
    assert third["timeline"][0]["edited_since_last_view"] is False
    revisions = (await client.get(
        f"/api/v1/patients/{team.amy}/entries/{entry}/revisions")).json()
    assert [r["entry"]["urge"] for r in revisions] == ["shout"]


async def test_a_chosen_range_is_checked(client: AsyncTestClient, team: Team) -> None:
    url = f"/api/v1/patients/{team.amy}/review"
    cases = [
        ({"from": "2026-03-10", "to": "2026-03-01"}, "to"),
        ({"from": "2025-01-01", "to": "2026-03-01"}, "to"),
        ({"to": "2026-03-01"}, "from"),
    ]
    for params, field in cases:
        response = await client.get(url, params=params)
        assert response.status_code == 422, params
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["errors"][0]["field"] == field
    bad = await client.get(url, params={"from": "not-a-date"})
    assert bad.status_code in (400, 422)
    assert "from" in bad.json()["detail"]


async def test_the_entry_list_has_the_patients_own_shape_and_filters(
    client: AsyncTestClient, conn: asyncpg.Connection, team: Team
) -> None:
    ids = await march(conn, team)
    url = f"/api/v1/patients/{team.amy}/entries"
    page = (await client.get(url, params={"limit": 2})).json()
    assert set(page) == {"items", "next_cursor"}
    assert [e["id"] for e in page["items"]] == [ids["after"], ids["e4"]]
    rest = (await client.get(url, params={"limit": 200, "cursor": page["next_cursor"]})).json()
    assert len(rest["items"]) == 4 and rest["next_cursor"] is None
    action = (await client.get(url, params={"category": "action"})).json()
    assert [e["id"] for e in action["items"]] == [ids[k] for k in ("after", "e2", "e1", "before")]
    ranged = (await client.get(url, params={"from": "2026-03-30T00:00:00+01:00",
                                            "to": "2026-03-31T00:00:00+01:00"})).json()
    assert [e["id"] for e in ranged["items"]] == [ids["e4"], ids["e3"]]
    actions = {a for _, a in await audit_rows(conn, team.ward)}
    assert actions == {"entries.list"}
