"""Logging: three taps to a saved familiar entry; detail and an earlier time when wanted;
history grouped by day with changes and deletes going through the outbox."""

from __future__ import annotations

from datetime import datetime, timedelta

from playwright.sync_api import Page, expect

from conftest import Patient, outbox_count, screenshot, wait_for


def test_a_familiar_entry_is_three_taps_from_home(page: Page, patient: Patient) -> None:
    page.goto("/")
    first = page.locator(".row-button").first
    first.wait_for()
    row_id = first.get_attribute("data-row")
    page.evaluate("""() => {
        window.taps = 0;
        document.addEventListener("click", () => { window.taps += 1; }, true);
    }""")
    screenshot(page, "home")
    first.click()
    expect(page.get_by_text("Your helpful response:")).to_be_visible()
    screenshot(page, "log-prompt")
    page.get_by_role("button", name="Yes, I tried it").click()
    screenshot(page, "log-outcome")
    page.get_by_role("button", name="I resisted it").click()
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()
    screenshot(page, "log-saved")
    assert page.evaluate("window.taps") == 3

    rows = wait_for(patient.entries)
    assert len(rows) == 1
    table = page.evaluate("async () => (await (await fetch('/api/v1/table')).json()).rows")
    chosen = next(r for r in table if r["id"] == row_id)
    entry = rows[0]
    assert (entry["category"], entry["emotion"], entry["urge"]) == (
        chosen["category"], chosen["emotion"], chosen["urge"])
    assert entry["helpful_response"] == chosen["helpful_response"]
    assert entry["outcome"] == "resisted"
    # Nothing the patient did not choose was recorded for them.
    assert entry["emotion_intensity"] is None and entry["risk_self_harm"] is None
    assert wait_for(lambda: outbox_count(page) == 0)


def test_detail_and_an_earlier_time_then_change_and_delete_from_history(
    page: Page, patient: Patient
) -> None:
    page.goto("/")
    page.locator(".row-button").nth(1).click()
    page.get_by_role("button", name="Not this time").click()
    page.get_by_text("This happened earlier").click()
    yesterday = datetime.now() - timedelta(days=1)
    earlier = yesterday.replace(hour=21, minute=30, second=0, microsecond=0)
    page.get_by_label("When did it happen?").fill(earlier.strftime("%Y-%m-%dT%H:%M"))
    page.get_by_text("Add more detail (optional)").click()
    page.get_by_label("How strong was the urge?").fill("8")
    page.get_by_role("group", name="Did you use alcohol or drugs?").get_by_label("Yes").check()
    page.get_by_label("A note for you and your clinician (optional)").fill("After the phone call")
    screenshot(page, "log-detail")
    page.get_by_role("button", name="I partly acted on it").click()
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()
    rows = wait_for(patient.entries)
    entry = rows[0]
    assert entry["urge_strength"] == 8 and entry["risk_substance_use"] is True
    assert entry["note"] == "After the phone call" and entry["helpful_response"] is None
    assert entry["occurred_at"].astimezone().replace(tzinfo=None) == earlier

    page.get_by_role("link", name="See my diary").click()
    day = page.locator(".day", has=page.get_by_role("heading", name="Yesterday"))
    expect(day.locator(".entry")).to_have_count(1)
    screenshot(page, "history")
    day.get_by_role("link", name="Change").click()
    note = page.get_by_label("A note for you and your clinician (optional)")
    # Markup typed by a person is kept as text and never runs.
    written = 'After the call with Mum <img src=x onerror="window.ran=1"> & <b>me</b>'
    note.fill(written)
    screenshot(page, "entry-change")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", name="My diary")).to_be_visible()
    assert wait_for(lambda: patient.entries()[0]["note"] == written)
    assert patient.entries()[0]["version"] == 2
    # Changing the note kept every value given before (hazard H-001).
    kept = patient.entries()[0]
    assert kept["urge_strength"] == 8 and kept["risk_substance_use"] is True
    assert kept["risk_self_harm"] is None and kept["emotion_intensity"] is None

    page.reload()
    expect(page.locator(".entry").get_by_text(written, exact=True)).to_be_visible()
    assert page.locator(".entry img, .entry b").count() == 0
    assert page.evaluate("window.ran") is None
    page.locator(".entry").get_by_role("button", name="Delete").click()
    dialog = page.get_by_role("dialog", name="Delete this entry?")
    expect(dialog).to_be_visible()
    screenshot(page, "history-delete")
    dialog.get_by_role("button", name="Delete it").click()
    assert wait_for(lambda: patient.entries() == [])
    expect(page.get_by_text("Nothing here yet")).to_be_visible()
