"""The discharge plan on the patient's phone, in Chromium: a new version shown whole and
agreed, then the agreed plan opening with no signal from the sealed copy (hazard H-033)."""

from __future__ import annotations

import json
from typing import Any
from uuid import UUID

import asyncpg
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from browser_support import assert_no_placeholder_words, caches_hold, run_async
from factories import make_user

pytestmark = pytest.mark.browser

AGREED = {"what_continues": ["Monthly check-in with Dr Ward"],
          "contacts": [{"name": "Dr Ward", "phone": "020 7946 0000"}],
          "if_worse": ["Use my crisis plan"], "steps_down": [{"what": "Monthly sessions"}]}
NEW = AGREED | {"if_worse": ["Use my crisis plan", "Ask my GP to refer me back"],
                "steps_down": [{"when": "2027-03-01", "what": "Sessions every two weeks"}]}


async def agreed_and_a_new_draft(db_url: str, patient: UUID) -> None:
    conn = await asyncpg.connect(db_url)
    try:
        site = await conn.fetchval("SELECT site_id FROM users WHERE id = $1", patient)
        ward = await make_user(conn, site, "clinician", f"dr.ward.{patient.hex[:8]}", "Dr Ward")
        await conn.execute(
            "INSERT INTO agreed_versions (kind, patient_id, site_id, version, draft_version,"
            " body, patient_agreed_at, clinician_id, clinician_name, clinician_agreed_at,"
            " proposed_by_name) VALUES ('discharge', $1, $2, 1, 1, $3::jsonb, now(), $4,"
            " 'Dr Ward', now(), 'Dr Ward')", patient, site, json.dumps(AGREED), ward)
        await conn.execute(
            "INSERT INTO agreed_drafts (kind, patient_id, site_id, body, version, request_hash,"
            " updated_by, patient_agreed, clinician_agreed, clinician_agreed_at, clinician_id)"
            " VALUES ('discharge', $1, $2, $3::jsonb, 2, '\\x00', $4, 1, 2, now(), $4)",
            patient, site, json.dumps(NEW), ward)
    finally:
        await conn.close()


def test_the_discharge_plan_is_agreed_on_the_phone_and_opens_offline(
    context: BrowserContext, page: Page, patient: Any
) -> None:
    run_async(agreed_and_a_new_draft(patient.db_url, patient.user_id))
    page.goto("/tools")
    page.get_by_role("link", name="My discharge plan").click()
    expect(page.get_by_role("heading", name="My discharge plan")).to_be_visible()
    new = page.get_by_role("region", name="A new version to agree")
    expect(new).to_contain_text("Ask my GP to refer me back")
    expect(new).to_contain_text("Your clinician has agreed this version.")
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()
    assert_no_placeholder_words(page, "/tools?tool=discharge-plan")
    new.get_by_role("button", name="I agree to this version").click()
    expect(page.get_by_text("Version 2, agreed with Dr Ward")).to_be_visible()
    expect(page.get_by_role("region", name="A new version to agree")).to_have_count(0)
    expect(page.get_by_role("link", name="Call Dr Ward")).to_have_attribute(
        "href", "tel:02079460000")

    context.set_offline(True)
    page.goto("/tools?tool=discharge-plan")  # no signal: the worker and the sealed copy
    expect(page.get_by_text("Sessions every two weeks")).to_be_visible()
    expect(page.get_by_text("Last updated on this phone")).to_be_visible()
    assert caches_hold(page, "refer me back") is False
    context.set_offline(False)
