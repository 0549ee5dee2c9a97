"""The discharge plan on the patient's phone, in Chromium: a new version shown whole and
agreed, then the agreed plan opening with no signal from the sealed copy (hazard H-033)."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from browser_support import assert_no_placeholder_words, caches_hold, run_async
from plans import agreed_and_a_new_draft

pytestmark = pytest.mark.browser

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
