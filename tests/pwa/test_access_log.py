"""Settings: "Who has looked at my diary" (the audit trail about the patient, in words, kept
for offline) and the patient's own sign-in code (two-step), on a phone-sized screen."""

from __future__ import annotations

import re
import time

import asyncpg
import httpx
import pyotp
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from conftest import (
    Patient,
    Server,
    _run,
    check_for_update,
    pass_lock_prompt,
    release_new_version,
    screenshot,
    sign_in,
)
from diarycard.auth.sessions import create_session
from factories import PASSWORD, assign, make_user

UUID_TEXT = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
axe = Axe()


def no_axe_violations(page: Page, name: str) -> None:
    results = axe.run(page)
    assert results.violations_count == 0, f"{name}:\n{results.generate_report()}"
    screenshot(page, name)


def clinician_reads(live: Server, patient: Patient) -> None:
    """Dr Lee, on the patient's care team, reads the diary and the crisis plan's versions
    through the real API, as the review app would."""

    async def session() -> tuple[str, str]:
        conn = await asyncpg.connect(live.db_url)
        try:
            site = await conn.fetchval("SELECT site_id FROM users WHERE id = $1", patient.user_id)
            lee = await make_user(conn, site, "clinician", f"lee-{patient.login}", "Dr Lee")
            await assign(conn, lee, patient.user_id)
            made = await create_session(conn, lee, "clinician", "pytest")
            return made.token, made.csrf_token
        finally:
            await conn.close()

    token, _ = _run(session())
    with httpx.Client(base_url=live.base, cookies={"diarycard": token}) as staff:
        base = f"/api/v1/patients/{patient.user_id}"
        assert staff.get(f"{base}/entries").status_code == 200
        assert staff.get(f"{base}/crisis-plan/versions").status_code == 200
        assert staff.get(f"{base}/entries").status_code == 200  # same visit, said once


def test_a_clinicians_read_shows_in_words_and_stays_readable_offline(
    context: BrowserContext, page: Page, patient: Patient, live: Server
) -> None:
    clinician_reads(live, patient)
    page.get_by_role("link", name="Settings", exact=True).click()
    page.get_by_role("link", name="Who has looked at my diary").click()
    expect(page.get_by_role("heading", name="Who has looked at my diary", level=1)).to_be_visible()
    items = page.locator(".access-log li")
    # One visit, one line: what was looked at in the order it was looked at.
    expect(items).to_have_count(1)
    expect(items.nth(0)).to_contain_text(
        "Dr Lee (clinician) looked at your diary entries and looked at the earlier versions"
        " of your crisis plan")
    expect(items.nth(0)).to_contain_text(re.compile(r"(At|From) \d\d:\d\d"))
    main_text = page.locator("main").inner_text()
    assert not UUID_TEXT.search(main_text) and "entries.list" not in main_text
    no_axe_violations(page, "access-log")

    # No signal: the screen (a module loaded on first use) and its last copy still open.
    context.set_offline(True)
    page.goto("/access-log")
    expect(page.get_by_text("This is the list as saved on this phone")).to_be_visible()
    expect(page.locator(".access-log li")).to_have_count(1)
    context.set_offline(False)


def test_a_patient_turns_on_a_sign_in_code_and_then_needs_it(
    context: BrowserContext, page: Page, patient: Patient
) -> None:
    page.get_by_role("link", name="Settings", exact=True).click()
    expect(page.get_by_text("Your sign-in code is off.")).to_be_visible()
    no_axe_violations(page, "settings-sign-in-code")
    page.get_by_role("button", name="Turn on a sign-in code").click()
    qr = page.get_by_role("img", name="QR code to add diarycard to your authenticator app")
    expect(qr).to_be_visible()
    link = page.get_by_role("link", name="Add diarycard to my authenticator app")
    assert (link.get_attribute("href") or "").startswith("otpauth://totp/")
    no_axe_violations(page, "sign-in-code-set-up")
    totp = pyotp.TOTP(page.locator("main code").inner_text().replace(" ", ""))

    code = page.get_by_label("The 6-digit code your app shows now")
    code.fill("000000" if totp.now() != "000000" else "111111")
    page.get_by_role("button", name="Turn it on").click()
    expect(page.get_by_role("alert")).to_contain_text("That code did not work")
    code.fill(totp.now())
    page.get_by_role("button", name="Turn it on").click()
    expect(page.get_by_text("Your sign-in code is on. From now on")).to_be_visible()
    assert patient.query("SELECT totp_enabled FROM users WHERE id = $1", patient.user_id)[0][0]

    # Signing in again now asks for a code (the next one: a code works only once).
    page.get_by_role("button", name="Sign out").click()
    page.get_by_label("Your login").fill(patient.login)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_have_text(
        "Please type the 6-digit code from your authenticator app.")
    page.get_by_label("Code from your authenticator app").fill(totp.at(time.time() + 30))
    page.get_by_role("button", name="Sign in").click()
    pass_lock_prompt(page)
    expect(page.get_by_role("heading", name="Log an urge")).to_be_visible()

    # Turning it off takes a fresh code; forget the used steps as half a minute would.
    patient.query("UPDATE users SET totp_last_step = 0 WHERE id = $1", patient.user_id)
    page.get_by_role("link", name="Settings", exact=True).click()
    page.get_by_label("The 6-digit code your app shows now").fill(totp.now())
    page.get_by_role("button", name="Turn it off").click()
    expect(page.get_by_text("Your sign-in code is off. You will sign in with just")).to_be_visible()
    assert not patient.query("SELECT totp_enabled FROM users WHERE id = $1", patient.user_id)[0][0]


def test_an_update_fetches_afresh_the_later_files_this_phone_has_used(
    browser: Browser, copy_server: Server, patient: Patient
) -> None:
    context = browser.new_context(base_url=copy_server.base, viewport={"width": 390, "height": 844})
    page = context.new_page()
    sign_in(page, patient)
    page.goto("/access-log")
    expect(page.get_by_role("heading", name="Who has looked at my diary", level=1)).to_be_visible()
    release_new_version(copy_server, "later-test")
    check_for_update(page)
    expect(page.get_by_text("A new version of diarycard is ready.")).to_be_visible()
    kept = page.evaluate("""async () => {
        const cache = await caches.open("diarycard-shell-later-test");
        return (await cache.keys()).map((r) => new URL(r.url).pathname);
    }""")
    # Used here (the list and its words, one chunk of the bundle); not used yet (the
    # sign-in code control and its QR).
    assert any(path.startswith("/app/access-log-") for path in kept)
    assert not any(path.startswith("/app/sign-in-code-") for path in kept)
    context.close()
