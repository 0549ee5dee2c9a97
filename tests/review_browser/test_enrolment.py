"""A clinician who has not set up an authenticator app yet: the review's sign-in says so
plainly, sends them to the accounts pages' set-up, and brings them back to the caseload."""

from __future__ import annotations

import asyncio
import re
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import asyncpg
import pyotp
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, expect
from review_pages import screenshot

from diarycard.accounts.seed import ensure_user
from factories import PASSWORD, make_site, password_hash

AXE = Axe()


def _run(coro: Coroutine[Any, Any, Any]) -> Any:
    # In a thread of its own: Playwright's sync API keeps an event loop on this one. (Not
    # imported from conftest: the patient app's tests have a conftest module of that name.)
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


def test_a_clinician_without_an_authenticator_sets_one_up_and_comes_back(
    context: BrowserContext, review_db: str
) -> None:
    async def new_clinician() -> None:
        conn = await asyncpg.connect(review_db)
        try:
            site = await make_site(conn, "Enrolment test site")
            await ensure_user(conn, site, "clinician", "dr.new", "Dr New", password_hash())
        finally:
            await conn.close()

    async def totp_enabled() -> bool:
        conn = await asyncpg.connect(review_db)
        try:
            return bool(await conn.fetchval(
                "SELECT totp_enabled FROM users WHERE login = 'dr.new'"))
        finally:
            await conn.close()

    _run(new_clinician())
    tab = context.new_page()
    tab.goto("/review")
    tab.get_by_label("Login").fill("dr.new")
    tab.get_by_label("Password").fill(PASSWORD)  # no code: there is no app to give one yet
    tab.get_by_role("button", name="Sign in").click()
    expect(tab.get_by_role("heading", name="Set up your authenticator app first")).to_be_visible()
    expect(tab.locator("main")).to_contain_text("You have not set one up yet")
    tab.set_viewport_size({"width": 390, "height": 844})
    results = AXE.run(tab)
    assert results.violations_count == 0, results.generate_report()
    screenshot(tab, "enrolment-needed")

    # Reloading keeps the same plain message, not a page of refusals.
    tab.reload()
    expect(tab.get_by_role("heading", name="Set up your authenticator app first")).to_be_visible()

    tab.get_by_role("link", name="Set up my authenticator app").click()
    expect(tab).to_have_url(re.compile(r"/accounts/\?next=review"))
    expect(tab.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
    key = tab.locator(".secret").inner_text().replace(" ", "")
    tab.get_by_label("The 6-digit code your app shows now").fill(pyotp.TOTP(key).now())
    tab.get_by_role("button", name="Turn it on").click()

    expect(tab).to_have_url(re.compile(r"/review$|/review#/$"))
    expect(tab.get_by_role("heading", name="Your caseload")).to_be_visible()
    expect(tab.get_by_role("navigation", name="Account")).to_contain_text("Signed in as Dr New")
    assert _run(totp_enabled())
