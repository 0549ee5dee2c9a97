"""The accounts pages in Chromium: an admin signs in with a code, invites a patient and
hands over the code and QR, manages people and emergency numbers; a new clinician sets
up an authenticator app before anything else. Every screen is checked with axe-core."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import asyncpg
import httpx
import pyotp
import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from access_world import PASSWORD, TOTP_SECRET, World, seed_world
from browser_support import (
    Server,
    assert_no_placeholder_words,
    chromium,
    desktop_context,
    free_port,
    run_async,
    scratch_database,
)
from diarycard.auth.sessions import create_session
from pseudo_words import record_served

pytestmark = pytest.mark.browser
PORT = free_port(8201, 8299, "DIARYCARD_ACCOUNTS_TEST_PORT")
BASE = f"http://127.0.0.1:{PORT}"
AXE = Axe()
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


_run = run_async


async def _sql(url: str, sql: str, *args: Any) -> Any:
    conn = await asyncpg.connect(url)
    try:
        return await conn.fetchval(sql, *args)
    finally:
        await conn.close()


@pytest.fixture(scope="module")
def pages_db(pg_url: str, template_db: str) -> Iterator[str]:
    with scratch_database(pg_url, template_db, f"{template_db}_pages") as url:
        yield url


@pytest.fixture(scope="module")
def world(pages_db: str) -> World:
    async def seed() -> World:
        conn = await asyncpg.connect(pages_db)
        try:
            return await seed_world(conn)
        finally:
            await conn.close()

    seeded: World = _run(seed())
    return seeded


@pytest.fixture(scope="module")
def server(pages_db: str, world: World, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with Server(pages_db, tmp_path_factory.mktemp("accounts-server"), PORT).running() as app:
        yield app.base


@pytest.fixture(scope="module")
def browser(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    with chromium(tmp_path_factory.mktemp("chromium-home")) as launched:
        yield launched


@pytest.fixture
def context(browser: Browser, server: str) -> Iterator[BrowserContext]:
    with desktop_context(browser, server) as ctx:
        yield ctx


def signed_in(context: BrowserContext, pages_db: str, world: World, name: str,
              url: str = "/accounts/", record: bool = False) -> Page:
    """A page signed in as `name` with a session made directly (a TOTP code works once),
    opening `url`; with `record`, what the server says counts as data from the first
    request on (pseudo_words.record_served)."""

    async def new_session() -> tuple[str, str]:
        conn = await asyncpg.connect(pages_db)
        try:
            role = await conn.fetchval("SELECT role FROM users WHERE id = $1", world.ids[name])
            made = await create_session(conn, world.ids[name], role, "playwright")
            return made.token, made.csrf_token
        finally:
            await conn.close()

    token, csrf = _run(new_session())
    context.add_cookies([{"name": "diarycard", "value": token, "url": BASE}])
    stored = json.dumps({"csrf_token": csrf, "display_name": f"Person {name}", "role": "x"})
    context.add_init_script(
        f"sessionStorage.setItem('diarycard-review-session', {json.dumps(stored)});")
    page = context.new_page()
    if record:
        record_served(page)
    page.goto(url)
    return page


def accessible(page: Page, name: str) -> None:
    """No axe-core violations; a full-page picture in test-artifacts/ for a human to look at."""
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_no_placeholder_words(page, name)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"accounts-{name}.png"), full_page=True)


def test_an_admin_signs_in_with_a_code_and_invites_a_patient(
    context: BrowserContext, world: World, pages_db: str
) -> None:
    page = context.new_page()
    page.goto("/accounts/")
    page.get_by_label("Login").fill(world.login("A1"))
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("6-digit code")
    accessible(page, "sign-in-code")
    page.get_by_label("Code from your authenticator app").fill(pyotp.TOTP(TOTP_SECRET).now())
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="People at Site A")).to_be_visible()
    expect(page.locator("table.people tbody tr")).to_have_count(6)
    accessible(page, "people")

    page.get_by_role("link", name="Invite someone").first.click()
    page.get_by_label("They are a").select_option("patient")
    page.get_by_label("Name to show").fill("Robin")
    page.get_by_label("Login name").fill("robin.k")
    page.get_by_role("button", name="Create the invitation").click()
    expect(page.get_by_role("heading", name="Invitation for Robin")).to_be_visible()
    code = page.locator(".code").inner_text()
    assert re.fullmatch(r"[0-9A-Z]{5}-[0-9A-Z]{5}", code)
    qr = page.get_by_role("img", name=re.compile("QR code that opens diarycard"))
    expect(qr).to_be_visible()
    assert qr.evaluate("img => img.naturalWidth") > 0  # the SVG drew
    accessible(page, "invitation")
    redeemed = httpx.post(f"{BASE}/api/v1/invitations/redeem", headers={"origin": BASE},
                          json={"code": code, "password": "robin chooses a long one"})
    assert redeemed.status_code == 200 and redeemed.json()["login"] == "robin.k"


def test_an_admin_manages_people_care_teams_and_numbers(
    context: BrowserContext, world: World, pages_db: str
) -> None:
    page = signed_in(context, pages_db, world, "A1")
    page.on("dialog", lambda dialog: dialog.accept())
    expect(page.get_by_role("heading", name="People at Site A")).to_be_visible()
    page.get_by_label("Add a clinician for Person P1").select_option(label="Person C2")
    page.get_by_role("button", name="Add", exact=True).first.click()
    expect(page.get_by_role("button", name="Remove Person C2 from Person P1's care team")
           ).to_be_visible()
    assert _run(_sql(pages_db, "SELECT count(*) FROM care_team WHERE patient_id = $1",
                     world.ids["P1"])) == 2
    page.get_by_role("button", name="Stop sign-in for Person P2").click()
    expect(page.get_by_role("button", name="Allow sign-in for Person P2")).to_be_visible()
    assert _run(_sql(pages_db, "SELECT disabled_at IS NOT NULL FROM users WHERE id = $1",
                     world.ids["P2"]))
    page.get_by_role("button", name="Allow sign-in for Person P2").click()
    expect(page.get_by_role("button", name="Stop sign-in for Person P2")).to_be_visible()

    page.get_by_label("Name 4").fill("Crisis team")
    page.get_by_label("Number 4").fill("0800 183 1485")
    page.get_by_role("button", name="Save the numbers").click()
    expect(page.get_by_role("status").filter(has_text="new numbers")).to_contain_text("Saved")
    numbers = _run(_sql(pages_db, "SELECT emergency_numbers::text FROM sites WHERE id = $1",
                        world.sites["A"]))
    assert "0800 183 1485" in numbers

    page.get_by_label("Risk floor (1 to 10)").fill("6")
    page.get_by_role("button", name="Save the risk floor").click()
    expect(page.get_by_role("status").filter(has_text="Urges of 6")).to_be_visible()
    assert _run(_sql(pages_db, "SELECT risk_floor FROM sites WHERE id = $1",
                     world.sites["A"])) == 6
    page.get_by_label("Patients may turn the app lock off").check()
    page.get_by_role("button", name="Save the app lock setting").click()
    expect(page.get_by_role("status").filter(has_text="may turn the lock off")).to_be_visible()
    assert _run(_sql(pages_db, "SELECT app_lock_optional FROM sites WHERE id = $1",
                     world.sites["A"]))
    accessible(page, "people-after-changes")


def test_a_new_clinician_sets_up_an_authenticator_before_anything_else(
    context: BrowserContext, world: World, pages_db: str
) -> None:
    _run(_sql(pages_db, "UPDATE users SET totp_enabled = false, totp_secret = NULL "
                        "WHERE id = $1", world.ids["C2"]))
    page = signed_in(context, pages_db, world, "C2")
    expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
    expect(page.get_by_role("img", name="QR code for your authenticator app")).to_be_visible()
    accessible(page, "enrol")
    key = page.locator(".secret").inner_text().replace(" ", "")
    page.get_by_label("The 6-digit code your app shows now").fill(pyotp.TOTP(key).now())
    page.get_by_role("button", name="Turn it on").click()
    expect(page.get_by_role("heading", name="Your patients")).to_be_visible()
    assert _run(_sql(pages_db, "SELECT totp_enabled FROM users WHERE id = $1", world.ids["C2"]))
    accessible(page, "your-patients")
    page.get_by_role("button", name="New invitation code for Person P2").click()
    expect(page.get_by_role("heading", name="Invitation for Person P2")).to_be_visible()
    page.get_by_role("link", name="Invite someone").click()
    expect(page.get_by_role("heading", name="Invite someone")).to_be_visible()
    expect(page.get_by_label("They are a")).to_have_count(0)  # clinicians invite patients


def test_your_account_lists_sessions_and_changes_the_password(
    context: BrowserContext, world: World, pages_db: str
) -> None:
    other = signed_in(context, pages_db, world, "C3")
    other.close()
    page = signed_in(context, pages_db, world, "C3")
    page.get_by_role("link", name="Your account").click()
    expect(page.get_by_role("heading", name="Where you are signed in")).to_be_visible()
    expect(page.locator("table tbody tr")).to_have_count(2)
    accessible(page, "your-account")
    page.get_by_role("button", name="Sign out everywhere else").click()
    expect(page.locator("table tbody tr")).to_have_count(1)
    page.get_by_label("Your password now").fill(PASSWORD)
    page.get_by_label("New password").fill("password123")
    page.get_by_role("button", name="Change password").click()
    expect(page.locator("#password-problem")).to_contain_text("one of the most common")
    accessible(page, "password-problem")
    page.get_by_label("New password").fill("a longer and better one")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_role("status")).to_contain_text("Your password has changed")
    expect(page.get_by_role("navigation", name="Account")).to_contain_text("Signed in as Person C3")


def test_a_site_admin_sees_the_quality_statements_and_records_supervision(
    context: BrowserContext, world: World, pages_db: str
) -> None:
    page = signed_in(context, pages_db, world, "A1")
    page.get_by_role("link", name="Quality statements").click()
    table = page.get_by_role("table", name="How many meet each statement")
    expect(table.locator("tr", has_text="6. Supervision")).to_contain_text(
        "have an agreed level and frequency of supervision")
    expect(table.locator("tr", has_text="1. Structured assessment")).to_contain_text(
        "have a structured assessment recorded")
    c1 = page.get_by_role("region", name="Person C1")
    expect(c1).to_contain_text("▲ No level and frequency of supervision agreed yet")
    accessible(page, "quality-statements")
    c1.get_by_text("Agree a level and frequency").click()
    c1.get_by_label("Level (e.g. individual, group)").fill("group, with the team lead")
    c1.get_by_role("button", name="Save the agreement").click()
    c1 = page.get_by_role("region", name="Person C1")
    expect(c1).to_contain_text("Every 4 weeks (group, with the team lead); none recorded yet")
    c1.get_by_label("Supervisor").fill("Dr Lee")
    c1.get_by_role("button", name="Record the session").click()
    expect(page.get_by_role("region", name="Person C1")).to_contain_text("(Dr Lee)")
