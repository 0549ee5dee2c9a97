"""Privacy in the patient's app: a download asks for the password again after five
minutes; an entry can be withdrawn, with plain words about what that means; the privacy
page in plain words; notices of changes someone else made to the account."""

from __future__ import annotations

import uuid

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from conftest import Patient, wait_for
from factories import PASSWORD

axe = Axe()


def test_a_download_asks_for_the_password_again_after_five_minutes(
    page: Page, patient: Patient
) -> None:
    page.get_by_role("link", name="Settings", exact=True).click()
    with page.expect_download() as fresh:
        page.get_by_role("button", name="Download (JSON)").click()
    assert fresh.value.suggested_filename == "diarycard.json"
    patient.query("UPDATE sessions SET reauth_at = now() - interval '6 minutes'")
    page.get_by_role("button", name="Download (spreadsheet, CSV)").click()
    expect(page.get_by_text("please type your password again")).to_be_visible()
    page.get_by_label("Your password").fill("not my password")
    page.get_by_role("button", name="Confirm and download").click()
    expect(page.get_by_text("That password did not work")).to_be_visible()
    page.get_by_label("Your password").fill(PASSWORD)
    with page.expect_download() as later:
        page.get_by_role("button", name="Confirm and download").click()
    assert later.value.suggested_filename == "diarycard.csv"
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()


def test_withdrawing_an_entry_says_what_happens_and_takes_it_out(
    page: Page, patient: Patient
) -> None:
    entry_id = uuid.uuid4()
    patient.query(
        "INSERT INTO entries (id, patient_id, occurred_at, occurred_offset, category, note,"
        " body_hash) VALUES ($1, $2, now() - interval '1 hour', 0, 'action', 'a hard evening',"
        " '\\x00')", entry_id, patient.user_id)
    page.get_by_role("link", name="My diary", exact=True).click()
    expect(page.get_by_text("a hard evening")).to_be_visible()
    page.get_by_role("button", name="Withdraw:").first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Your care team will still be able to see it")
    expect(dialog).to_contain_text("withdrawn by you")
    dialog.get_by_role("button", name="Withdraw it").click()
    expect(page.get_by_text("a hard evening")).to_have_count(0)
    wait_for(lambda: patient.query(
        "SELECT withdrawn_at FROM entries WHERE id = $1", entry_id)[0]["withdrawn_at"])


def test_the_privacy_page_in_plain_words(page: Page) -> None:
    page.get_by_role("link", name="Settings", exact=True).click()
    page.get_by_role("link", name="How we look after your data").click()
    expect(page.get_by_role("heading", name="How we look after your data", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="How long we keep it")).to_be_visible()
    expect(page.locator("main")).to_contain_text("never what you wrote")
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
