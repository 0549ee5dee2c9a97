"""The review app in Chromium: the caseload, one patient's review with its charts, notes,
and the A4 print view. Every screen is checked with axe-core and photographed."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect
from review_pages import HOSTILE, Caseload, screenshot, sign_in_with_form

AXE = Axe()


def assert_accessible(page: Page) -> None:
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()


def watch_csp(page: Page) -> list[str]:
    seen: list[str] = []
    page.on("console", lambda msg: seen.append(msg.text)
            if "Content Security Policy" in msg.text else None)
    return seen


def test_a_clinician_signs_in_with_password_and_code(context: BrowserContext) -> None:
    tab = context.new_page()
    tab.goto("/review")
    expect(tab.get_by_label("Code from your authenticator app")).to_be_visible()
    assert_accessible(tab)
    screenshot(tab, "sign-in")
    sign_in_with_form(tab, "dr.ward")
    tab.get_by_role("heading", name="Your caseload").wait_for()
    expect(tab.get_by_role("navigation", name="Account")).to_contain_text("Signed in as Dr Ward")


def test_the_caseload_lists_patients_in_words_with_follow_up(page: Page) -> None:
    rows = page.locator("table.caseload tbody tr")
    expect(rows).to_have_count(2)
    assert rows.nth(0).locator("th").inner_text().startswith("Amy Jones")
    assert "self-harm urge up to 7 out of 10" in rows.nth(0).inner_text()
    follow_up = page.get_by_role("region", name="Follow up: appointments not attended")
    expect(follow_up).to_contain_text("Ben Cole")
    expect(follow_up).to_contain_text("missed the last appointment")
    assert_accessible(page)
    screenshot(page, "caseload")


def test_a_patients_review_shows_digest_charts_tables_and_timeline(page: Page) -> None:
    csp = watch_csp(page)
    page.get_by_role("link", name="Amy Jones").first.click()
    page.get_by_role("heading", name="Amy Jones: before the session").wait_for()
    expect(page.locator(".digest li").first).to_contain_text("(the last session): 12 entries.")
    figures = page.locator("figure.chart")
    expect(figures).to_have_count(4)
    for i in range(4):
        figure = figures.nth(i)
        expect(figure.locator("svg[role=img]")).to_have_count(1)
        assert figure.locator("p.summary").inner_text().endswith(".")
        figure.locator("summary").click()
        expect(figure.locator("table tbody tr").first).to_be_visible()
    svg_label = figures.nth(0).locator("svg").get_attribute("aria-labelledby") or ""
    assert len(svg_label.split()) == 2
    # The patient's words are text, never markup or script.
    expect(page.locator("ol.timeline")).to_contain_text(HOSTILE)
    assert page.locator("ol.timeline img").count() == 0
    assert "pwned" not in page.title()
    status = page.get_by_role("status")
    expect(status).to_have_text("Showing 12 of 12 entries.")
    page.get_by_label("Category", exact=True).select_option("not_attending")
    expect(status).to_have_text("Showing 4 of 12 entries.")
    page.get_by_label("Only entries with a risk item").check()
    expect(status).to_have_text("Showing 2 of 12 entries.")
    page.get_by_label("What happened").select_option("acted")
    expect(status).to_have_text("Showing 1 of 12 entries.")
    page.get_by_label("Category", exact=True).select_option("")
    page.get_by_label("Only entries with a risk item").uncheck()
    expect(status).to_have_text("Showing 3 of 12 entries.")
    assert_accessible(page)
    screenshot(page, "patient")
    assert csp == []


def test_a_note_on_an_entry_is_saved_beside_it(page: Page, caseload: Caseload) -> None:
    page.goto(f"/review#/patients/{caseload.ben}")
    page.get_by_role("heading", name="Ben Cole: before the session").wait_for()
    entry = page.locator("article.entry").first
    entry.locator("summary", has_text="Add a note on this entry").click()
    entry.get_by_label("Add a note on this entry").fill("Ask about the weekend.")
    entry.get_by_role("button", name="Save note").click()
    expect(page.locator("article.entry").first.locator("ul.notes")).to_contain_text(
        "Dr Ward, ")
    expect(page.locator("article.entry").first.locator("ul.notes")).to_contain_text(
        "Ask about the weekend.")
    assert_accessible(page)


def test_the_print_view_fits_one_or_two_a4_pages(page: Page, caseload: Caseload) -> None:
    page.goto(f"/review#/patients/{caseload.amy}")
    page.get_by_role("link", name="Print view").click()
    page.get_by_role("heading", name="Amy Jones: pre-session summary").wait_for()
    expect(page.locator(".sheet figure.chart")).to_have_count(4)
    assert_accessible(page)
    page.emulate_media(media="print")
    screenshot(page, "print")
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 2, pages
    page.emulate_media(media="screen")


def test_the_table_and_crisis_plan_are_changed_together(page: Page, caseload: Caseload) -> None:
    page.goto(f"/review#/patients/{caseload.ben}")
    table = page.locator("form.table-editor")
    expect(table.locator("caption")).to_contain_text("starting table")
    before = table.locator("tbody tr").count()
    table.get_by_role("button", name="Add a row").click()
    new_row = table.locator("tbody tr").nth(before)
    new_row.get_by_label(f"Emotion, row {before + 1}").fill("emptiness")
    new_row.get_by_label(f"Urge, row {before + 1}").fill("drive fast")
    new_row.get_by_label(f"What helps, row {before + 1}").fill("call my sister")
    table.get_by_role("button", name="Save the table").click()
    expect(page.locator("form.table-editor caption")).to_have_text("Version 1")
    expect(page.locator("form.table-editor tbody tr")).to_have_count(before + 1)
    page.get_by_label("Early warning signs").fill("Not sleeping\nStopping my calls")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("Draft version 1.")).to_be_visible()
    signs = page.get_by_label("Early warning signs")
    expect(signs).to_have_value("Not sleeping\nStopping my calls")
    assert_accessible(page)
    screenshot(page, "plans")


def test_a_clinician_suggests_reminder_times_and_sees_the_answer(
    page: Page, caseload: Caseload
) -> None:
    page.goto(f"/review#/patients/{caseload.ben}")
    section = page.get_by_role("region", name="Diary reminders")
    expect(section).to_contain_text("Reminders are off in the patient's app.")
    section.get_by_label("Time 1").fill("09:00")
    section.get_by_label("Time 2").fill("19:30")
    section.get_by_label("Sunday").uncheck()
    section.get_by_role("button", name="Suggest these times").click()
    expect(section.get_by_role("status")).to_have_text(
        "Suggested. The patient will see it in their app's Settings.")
    expect(section).to_contain_text("09:00, 19:30 on Monday, Tuesday, Wednesday, Thursday, "
                                    "Friday, Saturday. Waiting for the patient's answer.")
    assert_accessible(page)
