"""A clinician's export asks for the password and code again after five minutes."""

from __future__ import annotations

import asyncpg
import pyotp
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from browser_support import run_async
from factories import PASSWORD, TOTP_SECRET

AXE = Axe()


def _age_sessions(url: str) -> None:
    async def go() -> None:
        conn = await asyncpg.connect(url)
        try:
            await conn.execute("UPDATE sessions SET reauth_at = now() - interval '6 minutes'")
            # A code works once: clear the last step used, so this test's code is fresh.
            await conn.execute("UPDATE users SET totp_last_step = 0 WHERE login = 'dr.ward'")
        finally:
            await conn.close()

    run_async(go())


def test_an_export_after_five_minutes_asks_for_password_and_code(
    page: Page, review_db: str
) -> None:
    page.get_by_role("link", name="Amy Jones").first.click()
    page.get_by_role("heading", name="Amy Jones: before the session").wait_for()
    with page.expect_download() as fresh:
        page.get_by_role("button", name="Download the diary (CSV)").click()
    assert fresh.value.suggested_filename.endswith(".csv")
    _age_sessions(review_db)
    page.get_by_role("button", name="Download for health records (FHIR)").click()
    expect(page.get_by_text("please confirm it is you")).to_be_visible()
    form = page.locator("form.reauth:visible")
    form.get_by_label("Your password").fill(PASSWORD)
    form.get_by_label("Code from your authenticator app").fill(pyotp.TOTP(TOTP_SECRET).now())
    with page.expect_download() as later:
        form.get_by_role("button", name="Confirm and download").click()
    assert later.value.suggested_filename.endswith(".fhir.json")
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
