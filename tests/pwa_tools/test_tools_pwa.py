"""The between-session tools in Chromium: the crisis plan offline from /crisis (also after
the session expired, gone after signing out), a worksheet written offline sent once, the
diary's warning-sign link, and axe on every tool screen."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from browser_support import assert_no_placeholder_words, caches_hold, run_async
from plans import agree_plan

pytestmark = pytest.mark.browser
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"


def wait_until(check, seconds: float = 10.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.1)


def outbox(page: Page) -> int:
    return int(page.evaluate(
        "async () => (await (await import('/shared/outbox.js')).records()).length"))


def test_the_agreed_plan_opens_offline_and_after_expiry_but_not_after_sign_out(
    context: BrowserContext, page: Page, patient: Any
) -> None:
    run_async(agree_plan(patient.db_url, patient.user_id))
    page.goto("/crisis")
    expect(page.get_by_role("heading", name="My early warning signs")).to_be_visible()
    jo = page.get_by_role("link", name="Call Jo (sister)")
    expect(jo).to_have_attribute("href", "tel:07700900123")

    context.set_offline(True)
    page.goto("/crisis")  # no signal: the service worker and the sealed copy
    expect(page.get_by_text("Not sleeping")).to_be_visible()
    expect(page.get_by_text("Last updated on this phone")).to_be_visible()
    assert caches_hold(page, "Biscuit") is False

    context.set_offline(False)
    patient.query("UPDATE sessions SET revoked_at = now() WHERE user_id = $1", patient.user_id)
    page.goto("/crisis")  # the server now says 401: the copy stays on screen
    expect(page.get_by_text("Seeing my niece grow up")).to_be_visible()

    page.evaluate("async () => (await import('/page/session.js')).endSession()")
    page.goto("/crisis")
    expect(page.get_by_text("You have not agreed a crisis plan yet.")).to_be_visible()
    expect(page.get_by_text("Seeing my niece grow up")).to_have_count(0)
    expect(page.get_by_role("link", name="Call 999")).to_be_visible()


def test_a_worksheet_written_offline_is_sent_once(
    context: BrowserContext, page: Page, patient: Any
) -> None:
    page.goto("/tools?tool=problem-solving")
    expect(page.get_by_role("heading", name="Problem solving")).to_be_visible()
    context.set_offline(True)
    page.get_by_role("link", name="Start a new worksheet").click()
    page.get_by_label("1. What is the problem?").fill("I keep missing the bus to work.")
    page.get_by_label("Idea 1").fill("Set two alarms")
    page.get_by_label("The one I will try").select_option(label="Set two alarms")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved on this phone")).to_be_visible()
    assert outbox(page) == 1

    def stored() -> list:  # type: ignore[type-arg]
        return patient.query(
            "SELECT version, body FROM tool_records WHERE patient_id = $1", patient.user_id)

    assert stored() == []
    context.set_offline(False)  # the page sends on `online`
    wait_until(lambda: len(stored()) == 1)
    wait_until(lambda: outbox(page) == 0)
    page.reload()
    page.goto("/tools?tool=problem-solving")
    expect(page.get_by_role("link", name="I keep missing the bus to work.")).to_be_visible()
    rows = stored()
    assert len(rows) == 1 and rows[0]["version"] == 1
    assert '"chosen": 0' in rows[0]["body"]


def test_a_worksheet_changed_elsewhere_parks_and_keep_mine_sends_it_on_top(
    page: Page, patient: Any
) -> None:
    page.goto("/tools?tool=problem-solving")
    page.get_by_role("link", name="Start a new worksheet").click()
    page.get_by_label("1. What is the problem?").fill("First words")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    # Meanwhile the worksheet moves on elsewhere (another phone of the patient's).
    patient.query("UPDATE tool_records SET version = 2, request_hash = '\\x00' "
                  "WHERE patient_id = $1", patient.user_id)
    page.get_by_label("1. What is the problem?").fill("My newer words")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("it was changed somewhere else")).to_be_visible()
    page.goto("/waiting")
    expect(page.get_by_text("This was changed somewhere else")).to_be_visible()
    page.get_by_role("button", name="Keep mine").click()

    def stored() -> list:  # type: ignore[type-arg]
        return patient.query("SELECT version, body->>'problem' AS problem FROM tool_records "
                             "WHERE patient_id = $1", patient.user_id)

    wait_until(lambda: stored()[0]["version"] == 3)
    assert stored()[0]["problem"] == "My newer words"
    wait_until(lambda: outbox(page) == 0)


def test_an_entry_matching_the_plan_offers_it_offline_and_records_the_offer(
    context: BrowserContext, page: Page, patient: Any
) -> None:
    run_async(agree_plan(patient.db_url, patient.user_id))
    page.goto("/crisis")
    expect(page.get_by_role("heading", name="My early warning signs")).to_be_visible()
    context.set_offline(True)
    page.goto("/")
    page.evaluate("""() => window.dispatchEvent(new CustomEvent("diarycard:entry-saved", {detail: {
        id: "3f0c6a52-7d4b-4c1e-9f3a-2b5d8e7c6a10", category: "action",
        emotion: "loneliness", urge: "Get drunk", indicators: []}}))""")
    dialog = page.get_by_role("dialog", name="Your crisis plan might help now")
    expect(dialog).to_be_visible()
    expect(dialog.get_by_text("Early warning sign: Loneliness")).to_be_visible()
    expect(dialog.get_by_text("Nobody is alerted by this app")).to_be_visible()
    expect(dialog.get_by_role("link", name="Call Jo (sister)")).to_be_visible()
    dialog.get_by_role("button", name="Not now").click()
    expect(dialog).to_have_count(0)

    # A risk item at the plan's threshold (self-harm 6 or more) offers it too.
    page.evaluate("""() => window.dispatchEvent(new CustomEvent("diarycard:entry-saved", {detail: {
        id: "4a1d7b63-8e5c-4d2f-8a4b-3c6e9f8d7b21", category: "action",
        emotion: "Calm", urge: "Rest", risk: {self_harm: 7}}}))""")
    risky = page.get_by_role("dialog").get_by_text("Urge to hurt myself at 7 out of 10")
    expect(risky).to_be_visible()
    page.get_by_role("dialog").get_by_role("button", name="Not now").click()
    # Not a warning sign, below every threshold: nothing is offered.
    page.evaluate("""() => window.dispatchEvent(new CustomEvent("diarycard:entry-saved", {detail: {
        id: "5b2e8c74-9f6d-4e3a-9b5c-4d7fa09e8c32", category: "action",
        emotion: "Calm", urge: "Rest", risk: {self_harm: 2}}}))""")
    expect(page.get_by_role("dialog")).to_have_count(0)

    def offers() -> list:  # type: ignore[type-arg]
        return patient.query("SELECT entry_id::text, reason FROM crisis_offers "
                             "WHERE patient_id = $1 ORDER BY offered_at", patient.user_id)

    context.set_offline(False)
    wait_until(lambda: len(offers()) == 2)
    assert offers()[0]["reason"] == "Early warning sign: Loneliness"
    assert offers()[0]["entry_id"] == "3f0c6a52-7d4b-4c1e-9f3a-2b5d8e7c6a10"


def test_a_goal_is_added_and_its_progress_updated(page: Page, patient: Any) -> None:
    page.goto("/tools?tool=goals")
    page.get_by_label("My goal").fill("Walk to the shop and back")
    page.get_by_role("button", name="Add this goal").click()
    progress = page.get_by_label("Progress with “Walk to the shop and back”")
    expect(progress).to_be_visible()
    expect(page.get_by_text("Not agreed with your clinician yet.")).to_be_visible()
    progress.fill("6")
    page.get_by_role("button", name="Save progress").click()
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    rows = patient.query("SELECT version, body->>'progress' AS progress, body->>'term' AS term "
                         "FROM tool_records WHERE patient_id = $1 AND kind = 'goal'",
                         patient.user_id)
    assert [(r["version"], r["progress"], r["term"]) for r in rows] == [(2, "6", "short")]


SCREENS = [
    ("/tools", "Tools"),
    ("/tools?tool=crisis-plan", "My crisis plan"),
    ("/tools?tool=problem-solving", "Problem solving"),
    ("/tools?tool=problem-solving&id=6d3b2a10-0c4e-4f5a-8b6c-7d8e9f0a1b2c", "Problem solving"),
    ("/tools?tool=checking-it-out", "Checking it out"),
    ("/tools?tool=checking-it-out&id=7e4c3b21-1d5f-4a6b-9c7d-8e9fa01b2c3d", "Checking it out"),
    ("/tools?tool=emotions", "Strong feelings"),
    ("/tools?tool=goals", "My goals"),
    ("/crisis", "Crisis plan"),
]


def test_every_tool_screen_passes_axe(context: BrowserContext, page: Page, patient: Any) -> None:
    run_async(agree_plan(patient.db_url, patient.user_id))
    axe = Axe()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    found = {}
    for url, heading in SCREENS:
        page.goto(url)
        expect(page.get_by_role("heading", name=heading, exact=True).first).to_be_visible()
        page.wait_for_load_state("networkidle")
        name = url.strip("/").replace("?tool=", "-").split("&")[0]
        page.screenshot(path=str(SCREENSHOTS / f"tools-{name}.png"), full_page=True)
        assert_no_placeholder_words(page, url)
        result = axe.run(page)
        assert result.response["testEngine"]["name"] == "axe-core"
        if result.violations_count:
            found[url] = result.generate_report()
    page.goto("/tools?tool=emotions")
    page.get_by_role("button", name="Lonely").click()
    expect(page.get_by_role("button", name="Lonely")).to_have_attribute("aria-pressed", "true")
    page.get_by_role("button", name="Start breathing").click()
    expect(page.get_by_text("Breathe in", exact=True)).to_be_visible()
    result = axe.run(page)
    if result.violations_count:
        found["emotions, breathing"] = result.generate_report()
    page.get_by_role("button", name="Stop").click()
    assert not found, "\n".join(f"{url}:\n{report}" for url, report in found.items())
