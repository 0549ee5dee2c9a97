"""Chain analysis on the patient's phone, in Chromium: started from an entry acted on in My
diary, filled in from it, written further with no signal through the outbox; what it
proposes for the plans changes nothing on its own (hazard H-036)."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID

import asyncpg
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect
from test_tools_pwa import outbox, wait_until

from browser_support import assert_no_placeholder_words, run_async

pytestmark = pytest.mark.browser


async def an_urge_acted_on(db_url: str, patient: UUID) -> None:
    conn = await asyncpg.connect(db_url)
    try:
        await conn.execute(
            "INSERT INTO entries (id, patient_id, occurred_at, occurred_offset, category,"
            " emotion, urge, urge_strength, outcome, note, body_hash) VALUES"
            " (gen_random_uuid(), $1, $2, 0, 'action', 'Loneliness', 'Get drunk', 9,"
            " 'acted', 'Friends cancelled on me', '\\x02')",
            patient, datetime.now(UTC) - timedelta(hours=2))
    finally:
        await conn.close()


def test_a_chain_analysis_starts_from_my_diary_and_is_written_offline(
    context: BrowserContext, page: Page, patient: Any
) -> None:
    run_async(an_urge_acted_on(patient.db_url, patient.user_id))
    page.goto("/history")
    page.get_by_role("link", name=re.compile("Look at the chain")).click()
    expect(page.get_by_role("heading", name="Chain analyses")).to_be_visible()
    expect(page.get_by_label("What was going on", exact=True)).to_have_value(
        "Friends cancelled on me")
    expect(page.get_by_label("The urge", exact=True)).to_have_value("Get drunk (9 out of 10)")
    expect(page.get_by_label("What I did", exact=True)).to_have_value("I acted on the urge.")
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()
    assert_no_placeholder_words(page, "/tools?tool=chains")

    def stored() -> str:
        rows = patient.query("SELECT body FROM tool_records WHERE patient_id = $1"
                             " AND kind = 'chain_analysis'", patient.user_id)
        assert len(rows) == 1
        return str(rows[0]["body"])

    context.set_offline(True)
    page.get_by_label("The urge: what could I do differently here?").fill(
        "Ring my sister before the first drink")
    page.get_by_label("An early warning sign to add to my crisis plan").fill(
        "Checking my phone all evening")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved on this phone")).to_be_visible()
    assert outbox(page) == 1 and "Ring my sister" not in stored()
    context.set_offline(False)  # the page sends on `online`
    wait_until(lambda: "Ring my sister" in stored())
    wait_until(lambda: outbox(page) == 0)
    assert "Checking my phone all evening" in stored()
    # A proposal only: no crisis plan draft was made, nothing agreed.
    assert patient.query("SELECT * FROM crisis_drafts WHERE patient_id = $1",
                         patient.user_id) == []

    page.goto("/tools?tool=chains")
    expect(page.get_by_role("link", name="Get drunk (9 out of 10)")).to_be_visible()
    expect(page.get_by_text("To go through together")).to_be_visible()
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()
    assert_no_placeholder_words(page, "/tools?tool=chains")
