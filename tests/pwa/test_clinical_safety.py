"""Clinical safety on the patient's phone, in Chromium (hazard log H-001 to H-004, H-008,
H-011): no invented values, the default response stored as tried, warning signs matched as
a person would, one offer per entry, and emergency numbers that show with no JavaScript."""

from __future__ import annotations

import json
import re
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page, expect

from browser_support import run_async
from conftest import BASE, Patient, sign_in, wait_for
from plans import agree_plan

ENTRY_FIELDS = ["emotion_intensity", "urge_strength", "risk_self_harm", "risk_aggression",
                "risk_substance_use", "helpful_response", "outcome", "note"]


def stored(patient: Patient) -> dict[str, Any]:
    rows = patient.entries()
    assert len(rows) == 1
    return {k: rows[0][k] for k in ENTRY_FIELDS}


def edit_first_entry(page: Page) -> None:
    page.goto("/history")
    page.get_by_role("link", name=re.compile("^Change")).first.click()
    page.get_by_role("heading", name="Change this entry").wait_for()


def test_editing_only_the_note_keeps_every_value_the_patient_gave(
    page: Page, patient: Patient
) -> None:
    page.locator(".row-button").first.click()
    page.get_by_role("button", name="Not this time").click()
    page.get_by_role("button", name="I resisted it").click()
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()
    wait_for(lambda: len(patient.entries()) == 1)
    before = stored(patient)
    assert before["urge_strength"] is None and before["risk_self_harm"] is None
    assert before["risk_substance_use"] is None and before["emotion_intensity"] is None

    edit_first_entry(page)
    # Untouched sliders say "not given", never a number and never "null".
    expect(page.get_by_text("Not given").first).to_be_visible()
    assert "null" not in page.locator("main").inner_text()
    page.get_by_label("A note for you and your clinician (optional)").fill("Went for a walk")
    page.get_by_role("button", name="Save changes").click()
    wait_for(lambda: stored(patient)["note"] == "Went for a walk")
    assert {**stored(patient), "note": None} == before

    edit_first_entry(page)
    strength = page.get_by_label("How strong was the urge? (0 is none, 10 is the strongest)")
    strength.focus()
    strength.press("ArrowRight")  # from the hidden 5 to 6: the patient chose it
    expect(page.get_by_text("6 out of 10")).to_be_visible()
    page.get_by_role("button", name="Save changes").click()
    wait_for(lambda: stored(patient)["urge_strength"] == 6)
    assert {**stored(patient), "urge_strength": None, "note": None} == before

    # A given value stays when another field changes; "Clear" makes it "not given" again.
    edit_first_entry(page)
    expect(page.get_by_text("6 out of 10")).to_be_visible()
    page.get_by_label("A note for you and your clinician (optional)").fill("And slept")
    page.get_by_role("button", name="Save changes").click()
    wait_for(lambda: stored(patient)["note"] == "And slept")
    assert stored(patient)["urge_strength"] == 6
    edit_first_entry(page)
    page.get_by_role("button", name="Clear").first.click()
    page.get_by_role("button", name="Save changes").click()
    wait_for(lambda: stored(patient)["urge_strength"] is None)


def test_the_default_helpful_response_is_stored_as_tried(page: Page, patient: Patient) -> None:
    row = {"id": "7e3d1c55-2a4b-4c6d-8e9f-0a1b2c3d4e5f", "category": "action",
           "emotion": "Restless", "urge": "Walk out", "indicators": []}
    patient.query("INSERT INTO personal_table_versions (patient_id, version, rows, updated_by)"
                  " VALUES ($1, 1, $2::jsonb, $1)", patient.user_id, json.dumps([row]))
    page.goto("/")
    page.locator(".row-button", has_text="Restless").click()
    expect(page.locator(".prompt")).to_have_text("Stop, think.")
    page.get_by_role("button", name="Yes, I tried it").click()
    page.get_by_role("button", name="I resisted it").click()
    wait_for(lambda: len(patient.entries()) == 1)
    assert patient.entries()[0]["helpful_response"] == "Stop, think."


MUST_MATCH = [
    ("Lonely", {"emotion": "Loneliness"}),
    ("drinking", {"urge": "Get drunk"}),
    ("Not sleeping", {"note": "I'm not sleeping at all this week"}),
    ("Bored", {"emotion": "boredom"}),
    ("cutting", {"indicators": ["I wanted to cut myself"]}),
    ("Angry", {"emotion": "Anger"}),
]
MUST_NOT_MATCH = [
    ("anger", {"emotion": "danger"}),
    ("bored", {"urge": "board a train"}),
    ("Lonely", {"note": "a long day"}),
    ("Not sleeping", {"note": "sleeping well"}),
    ("cut", {"emotion": "cute"}),
    ("sad", {"urge": "crusade"}),
]


def test_warning_signs_match_as_a_person_would_expect(page: Page) -> None:
    def match(sign: str, entry: dict[str, Any]) -> Any:
        return page.evaluate(
            """async ([sign, entry]) => (await import('/page/tools/plan-data.js'))
                   .matchPlan(entry, {warning_signs: [sign]})""", [sign, entry])

    for sign, entry in MUST_MATCH:
        assert match(sign, entry) == f"Early warning sign: {sign}", (sign, entry)
    for sign, entry in MUST_NOT_MATCH:
        assert match(sign, entry) is None, (sign, entry)
    # A table row linked to the plan matches an entry made from it, exactly.
    linked = page.evaluate("""async () => (await import('/page/tools/plan-data.js')).matchPlan(
        {emotion: "Boredom", urge: "Do something exciting"},
        {warning_signs: [],
         warning_rows: [{emotion: "boredom", urge: "Do something exciting"}]})""")
    assert linked == "Early warning sign: boredom: Do something exciting"


def test_editing_an_entry_never_offers_the_plan_again(
    context: BrowserContext, page: Page, patient: Patient
) -> None:
    run_async(agree_plan(patient.db_url, patient.user_id))
    page.goto("/crisis")
    expect(page.get_by_role("heading", name="My early warning signs")).to_be_visible()
    page.goto("/entry?new=1")
    page.get_by_label("Acting on impulse").check()
    page.get_by_label("What were you feeling?").fill("Lonely")
    page.get_by_role("button", name="Save").click()
    dialog = page.get_by_role("dialog", name="Your crisis plan might help now")
    expect(dialog).to_be_visible()
    dialog.get_by_role("button", name="Not now").click()
    # The offer is the app's own record: not counted as the patient's waiting entries.
    wait_for(lambda: len(patient.query(
        "SELECT 1 FROM crisis_offers WHERE patient_id = $1", patient.user_id)) == 1)
    edit_first_entry(page)
    page.get_by_label("A note for you and your clinician (optional)").fill("Better now")
    page.get_by_role("button", name="Save changes").click()
    wait_for(lambda: patient.entries()[0]["note"] == "Better now")
    expect(page.get_by_role("dialog")).to_have_count(0)
    assert len(patient.query(
        "SELECT 1 FROM crisis_offers WHERE patient_id = $1", patient.user_id)) == 1


def test_the_waiting_count_is_the_patients_own_entries(
    context: BrowserContext, page: Page, patient: Patient
) -> None:
    # The phone runs the bundle (pwa/app/); this source module is fetched while online,
    # then found in the page's module map offline.
    page.evaluate("async () => { await import('/page/entries.js'); }")
    context.set_offline(True)
    page.evaluate("""async () => {
        const { enqueue } = await import('/shared/outbox.js');
        await enqueue({kind: "crisis-offers", id: crypto.randomUUID(), method: "PUT",
                       url: "/api/v1/crisis-plan/offers/x", body: {}});
        const { saveEntry, localTimestamp } = await import('/page/entries.js');
        await saveEntry({id: crypto.randomUUID(), occurred_at: localTimestamp(new Date()),
                         category: "action"});
    }""")
    expect(page.locator(".status-waiting")).to_have_text("Waiting to send: 1")
    context.set_offline(False)


def test_crisis_numbers_show_with_javascript_off_and_are_kept_offline(
    browser: Browser, context: BrowserContext, patient: Patient
) -> None:
    no_js = browser.new_context(base_url=BASE, java_script_enabled=False)
    page = no_js.new_page()
    page.goto("/crisis")
    numbers = page.locator(".numbers a").evaluate_all(
        "els => els.map(e => e.getAttribute('href'))")
    assert numbers == ["tel:999", "tel:111", "tel:116123"]
    expect(page.get_by_text("Nobody watches this app live")).to_be_visible()
    no_js.close()

    # Signed in at a site with its own line, the phone keeps /crisis with that line in
    # its HTML, for a day when the scripts cannot run and there is no signal. The site is
    # shared with other tests: its numbers are put back afterwards.
    site_numbers = ("SELECT emergency_numbers::text FROM sites s"
                    " JOIN users u ON u.site_id = s.id WHERE u.id = $1")
    before = patient.query(site_numbers, patient.user_id)[0][0]
    patient.query("UPDATE sites SET emergency_numbers = $2::jsonb FROM users u"
                  " WHERE u.id = $1 AND sites.id = u.site_id", patient.user_id,
                  json.dumps([{"label": "Our crisis team", "number": "01632 960999"}]))
    try:
        tab = context.new_page()
        sign_in(tab, patient)
        tab.goto("/crisis")
        expect(tab.get_by_role("link", name="Call 01632 960999")).to_be_visible()

        def kept() -> str:
            return str(tab.evaluate("""async () => {
                for (const name of await caches.keys()) {
                    const hit = await (await caches.open(name)).match('/crisis');
                    if (hit) return await hit.text();
                }
                return '';
            }"""))

        assert wait_for(lambda: 'href="tel:01632960999"' in kept())
        context.set_offline(True)
        tab.goto("/crisis")
        expect(tab.get_by_role("link", name="Call 01632 960999")).to_be_visible()
        context.set_offline(False)
    finally:
        patient.query("UPDATE sites SET emergency_numbers = $2::jsonb FROM users u"
                      " WHERE u.id = $1 AND sites.id = u.site_id", patient.user_id, before)
