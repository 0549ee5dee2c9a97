"""Acts and check-ins in Chromium: a patient who never opened the screen records an act and
a PHQ-9 with no signal (the module and the Questionnaires were kept after signing in),
sees the crisis step after item 9, and both reach the server once; axe on every screen."""

from __future__ import annotations

import time
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from browser_support import assert_no_placeholder_words

pytestmark = pytest.mark.browser


def wait_until(check, seconds: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + seconds
    while not check():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def kept_on_phone(page: Page) -> bool:
    return bool(page.evaluate("""async () => {
        const idb = await import('/shared/idb.js');
        const copy = await idb.get('copies', 'questionnaire:phq-9');
        const names = await caches.keys();
        let module = false;
        for (const name of names) {
            const keys = await (await caches.open(name)).keys();
            const paths = keys.map((r) => new URL(r.url).pathname);
            if (paths.some((p) => p.startsWith('/app/outcomes-'))) module = true;
        }
        return Boolean(copy) && module;
    }"""))


def test_an_act_and_a_phq9_recorded_offline_reach_the_care_team_once(
    context: BrowserContext, page: Page, patient: Any
) -> None:
    patient.query("UPDATE users SET created_at = now() - interval '100 days' WHERE id = $1",
                  patient.user_id)
    page.goto("/history")  # any screen: the phone keeps the outcome screen in the background
    wait_until(lambda: kept_on_phone(page))
    axe = Axe()

    context.set_offline(True)
    page.goto("/tools?tool=outcomes")
    expect(page.get_by_role("heading", name="What happened, and check-ins")).to_be_visible()
    expect(page.get_by_text("diarycard sends nothing to anyone outside your care team").first
           ).to_be_visible()
    result = axe.run(page)
    assert result.violations_count == 0, result.generate_report()
    page.get_by_role("link", name="I hurt myself").click()
    page.get_by_label("It needed first aid").check()
    result = axe.run(page)
    assert result.violations_count == 0, result.generate_report()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Saved on this phone. It will be sent when there is a signal.")
           ).to_be_visible()

    page.goto("/tools?tool=outcomes")
    page.get_by_role("link", name="Due: fill in the PHQ-9 (about 2 minutes)").click()
    expect(page.get_by_role("heading", name="Patient Health Questionnaire-9 (PHQ-9)")
           ).to_be_visible()
    groups = page.locator("fieldset")
    expect(groups).to_have_count(9)
    for n in range(8):
        groups.nth(n).get_by_label("Several days").check()
    groups.nth(8).get_by_label("Several days").check()  # thoughts of self-harm
    result = axe.run(page)
    assert result.violations_count == 0, result.generate_report()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Saved on this phone. It will be sent when there is a signal.")
           ).to_be_visible()
    expect(page.get_by_text("nobody watches this app live", exact=False)).to_be_visible()
    expect(page.get_by_role("link", name="Open my crisis plan")).to_be_visible()
    assert_no_placeholder_words(page)

    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_until(lambda: len(patient.query(
        "SELECT 1 FROM measure_responses WHERE patient_id = $1", patient.user_id)) == 1)
    wait_until(lambda: len(patient.query(
        "SELECT 1 FROM outcome_events WHERE patient_id = $1", patient.user_id)) == 1)
    [measure] = patient.query("SELECT total, self_harm_item FROM measure_responses "
                              "WHERE patient_id = $1", patient.user_id)
    assert (measure["total"], measure["self_harm_item"]) == (9, 1)
    [act] = patient.query("SELECT kind, severity, recorded_role FROM outcome_events "
                          "WHERE patient_id = $1", patient.user_id)
    assert tuple(act) == ("self_harm", 3, "patient")

    # Online again, the list shows it; a quiet week is one tap.
    page.goto("/tools?tool=outcomes")
    expect(page.get_by_text("I hurt myself").last).to_be_visible()
    page.get_by_role("button", name="Nothing like this happened this week").click()
    expect(page.get_by_text("Saved.", exact=True)).to_be_visible()
    assert len(patient.query("SELECT 1 FROM outcome_events WHERE patient_id = $1 "
                             "AND kind = 'nothing'", patient.user_id)) == 1


def test_the_monthly_summary_is_filled_in_offline_and_reaches_the_server_once(
    context: BrowserContext, page: Page, patient: Any
) -> None:
    patient.query("UPDATE users SET created_at = now() - interval '40 days' WHERE id = $1",
                  patient.user_id)
    page.goto("/history")
    wait_until(lambda: kept_on_phone(page) and bool(page.evaluate(
        "async () => Boolean(await (await import('/shared/idb.js')).get('copies', "
        "'questionnaire:monthly-summary'))")))
    context.set_offline(True)
    page.goto("/tools?tool=outcomes")
    page.get_by_role("link", name="Due: your month, in numbers (about 1 minute)").click()
    expect(page.get_by_role("heading", name="Your month (acts and service contacts)")
           ).to_be_visible()
    expect(page.get_by_text("0 is a good answer too", exact=False)).to_be_visible()
    page.get_by_label("1. I hurt myself").fill("2")
    page.get_by_label("7. I was in contact with the police").fill("150")
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Please give a number from 0 to 99 for question 7.")).to_be_visible()
    page.get_by_label("7. I was in contact with the police").fill("1")
    result = Axe().run(page)
    assert result.violations_count == 0, result.generate_report()
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_text("Saved on this phone. It will be sent when there is a signal.")
           ).to_be_visible()
    expect(page.get_by_role("link", name="Open my crisis plan")).to_have_count(0)
    assert_no_placeholder_words(page)

    context.set_offline(False)
    page.evaluate("window.dispatchEvent(new Event('online'))")
    wait_until(lambda: len(patient.query(
        "SELECT 1 FROM measure_responses WHERE patient_id = $1", patient.user_id)) == 1)
    [row] = patient.query("SELECT questionnaire, total FROM measure_responses "
                          "WHERE patient_id = $1", patient.user_id)
    assert tuple(row) == ("monthly-summary", 3)
    page.goto("/tools?tool=outcomes")
    expect(page.get_by_role("link", name="Due: your month, in numbers (about 1 minute)")
           ).to_have_count(0)
