"""My table on the patient's phone, in Chromium: a change the clinician proposed is shown in
words and becomes the table only once the patient agrees it; a row the patient suggests
waits for the clinician and changes nothing meanwhile (hazard H-035)."""

from __future__ import annotations

from typing import Any
from uuid import UUID, uuid4

import asyncpg
import msgspec
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from browser_support import assert_no_placeholder_words, run_async
from diarycard.tables.models import TableRow
from diarycard.tables.template import DEFAULT_ROWS
from factories import make_user

pytestmark = pytest.mark.browser


async def a_change_the_clinician_agreed(db_url: str, patient: UUID) -> None:
    conn = await asyncpg.connect(db_url)
    try:
        site = await conn.fetchval("SELECT site_id FROM users WHERE id = $1", patient)
        ward = await make_user(conn, site, "clinician", f"dr.ward.{patient.hex[:8]}", "Dr Ward")
        anger = TableRow(id=uuid4(), category="action", emotion="Anger",
                         urge="Shout at whoever is in front of me",
                         helpful_response="Leave the room and walk")
        body = msgspec.json.encode([*DEFAULT_ROWS, anger]).decode()
        await conn.execute(
            "INSERT INTO agreed_drafts (kind, patient_id, site_id, body, version, request_hash,"
            " updated_by, clinician_agreed, clinician_agreed_at, clinician_id)"
            " VALUES ('table', $1, $2, $3::jsonb, 1, '\\x00', $4, 1, now(), $4)",
            patient, site, body, ward)
    finally:
        await conn.close()


def test_a_table_change_is_agreed_on_the_phone_and_a_suggestion_waits(
    page: Page, patient: Any
) -> None:
    run_async(a_change_the_clinician_agreed(patient.db_url, patient.user_id))
    page.goto("/tools")
    page.get_by_role("link", name="My table").click()
    expect(page.get_by_role("heading", name="My table", exact=True)).to_be_visible()
    change = page.get_by_role("region", name="A change to agree")
    expect(change).to_contain_text(
        "New row “Anger: Shout at whoever is in front of me”, what helps “Leave the room")
    expect(change).to_contain_text("Your clinician has agreed it.")
    expect(page.get_by_role("heading", name="Anger: Shout at whoever")).to_have_count(0)
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()
    assert_no_placeholder_words(page, "/tools?tool=table")

    change.get_by_role("button", name="I agree to this change").click()
    expect(page.get_by_role("heading", name="Anger: Shout at whoever")).to_be_visible()
    expect(page.get_by_role("region", name="A change to agree")).to_have_count(0)
    versions = page.get_by_role("region", name="Earlier versions")
    expect(versions).to_contain_text("suggested by Dr Ward, agreed by you and Dr Ward")

    page.get_by_text("Suggest a new row").click()
    page.get_by_label("The feeling").fill("Shame")
    page.get_by_label("The urge it brings").fill("Hide away for days")
    page.get_by_label("What helps").fill("Text my sister")
    page.get_by_role("button", name="Suggest this row").click()
    waiting = page.get_by_role("region", name="A change to agree")
    expect(waiting).to_contain_text("New row “Shame: Hide away for days”")
    expect(waiting).to_contain_text("Your clinician has not agreed it yet.")
    # Suggested, not agreed: the table itself has not changed.
    expect(page.get_by_role("heading", name="Shame: Hide away for days")).to_have_count(0)
    rows = page.evaluate("async () => (await (await fetch('/api/v1/table')).json()).rows")
    assert [r["emotion"] for r in rows][-1] == "Anger"
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()
    assert_no_placeholder_words(page, "/tools?tool=table")
