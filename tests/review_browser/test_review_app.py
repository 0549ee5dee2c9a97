"""The review app in Chromium: the caseload, one patient's review with its charts, notes,
and the A4 print view. Every screen is checked with axe-core and photographed."""

from __future__ import annotations

import json
import re

import asyncpg
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect
from review_pages import HOSTILE, Caseload, screenshot, sign_in_with_form

from browser_support import assert_no_placeholder_words, run_async

AXE = Axe()


def assert_accessible(page: Page) -> None:
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_no_placeholder_words(page)


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


def test_the_caseload_shows_tiers_with_headings_and_markers(page: Page) -> None:
    rows = page.locator("table.caseload tbody tr")
    expect(rows).to_have_count(2)
    urgent = page.get_by_role("region", name=re.compile("Look at first"))
    expect(urgent).to_contain_text("Amy Jones")
    expect(urgent.locator("h2")).to_contain_text("▲")
    expect(urgent.locator(".tier-mark")).to_have_text("▲ Look first")
    expect(urgent).to_contain_text(
        "self-harm urge up to 7 out of 10, at or over the site's floor of 7")
    follow_up = page.get_by_role("region", name=re.compile("Follow up: missed appointments"))
    expect(follow_up).to_contain_text("Ben Cole")
    expect(follow_up).to_contain_text("missed the last appointment")
    expect(follow_up.locator(".tier-mark")).to_have_text("● Follow up")
    assert_accessible(page)
    screenshot(page, "caseload")


def test_a_patients_review_shows_digest_charts_tables_and_timeline(page: Page) -> None:
    csp = watch_csp(page)
    page.get_by_role("link", name="Amy Jones").first.click()
    page.get_by_role("heading", name="Amy Jones: before the session").wait_for()
    expect(page.locator(".digest li").first).to_contain_text("(the last session): 12 entries.")
    figures = page.locator("section[aria-labelledby=charts] figure.chart")
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


def test_the_print_view_keeps_charts_legends_timeline_and_notes(
    page: Page, caseload: Caseload
) -> None:
    page.goto(f"/review#/patients/{caseload.amy}")
    page.get_by_role("link", name="Print view").click()
    page.get_by_role("heading", name="Amy Jones: pre-session summary").wait_for()
    expect(page.locator(".sheet figure.chart")).to_have_count(4)
    assert_accessible(page)
    expect(page.locator(".sheet .print-timeline li").first).to_be_visible()
    page.emulate_media(media="print")
    screenshot(page, "print")
    # Printed: the charts keep their bars and legends; the app's header and footer go.
    visible_bars = page.locator(".sheet .plot rect.bar").evaluate_all(
        "els => els.filter((e) => getComputedStyle(e).display !== 'none'"
        " && e.getBoundingClientRect().width > 0).length")
    assert visible_bars > 0
    legends = page.locator(".sheet .legend")
    assert legends.count() >= 2
    for i in range(legends.count()):
        expect(legends.nth(i)).to_be_visible()
    expect(page.locator("header.appbar")).to_be_hidden()
    expect(page.locator("footer.appbar")).to_be_hidden()
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline.locator("li")).to_have_count(12)
    expect(page.get_by_role("region", name="Care team notes")).to_be_visible()
    pdf = page.pdf(format="A4", print_background=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 3, pages
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
    table.get_by_role("button", name="Propose this change").click()
    # Proposed, not agreed: the table stays as it was until both sides agree (H-035).
    proposed = page.get_by_role("region", name="Proposed change (draft version 1)")
    expect(proposed).to_contain_text("New row “emptiness: drive fast”, what helps “call my sister”")
    expect(proposed).to_contain_text("The patient has not agreed it yet.")
    proposed.get_by_role("button", name="Agree this change").click()
    expect(proposed).to_contain_text("You have agreed it.")
    starting = "The site's starting table: nothing agreed together yet."
    expect(page.get_by_text(starting)).to_be_visible()
    expect(page.locator("form.table-editor caption")).to_contain_text("draft version 1")
    expect(page.locator("form.table-editor tbody tr")).to_have_count(before + 1)
    page.get_by_text("Earlier versions of the table").click()
    expect(page.get_by_text("No version agreed yet.")).to_be_visible()
    page.get_by_text("Change the draft").click()
    page.get_by_label("Early warning signs").fill("Not sleeping\nStopping my calls")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("Draft version 1.")).to_be_visible()
    signs = page.get_by_label("Early warning signs")
    expect(signs).to_have_value("Not sleeping\nStopping my calls")
    assert_accessible(page)
    screenshot(page, "plans")


def test_the_whole_plan_and_what_changed_are_shown_before_agreeing(
    page: Page, caseload: Caseload, review_db: str
) -> None:
    async def agreed_before() -> None:
        conn = await asyncpg.connect(review_db)
        try:
            site, ward = await conn.fetchrow(
                "SELECT u.site_id, c.clinician_id FROM users u JOIN care_team c"
                " ON c.patient_id = u.id WHERE u.id = $1", caseload.amy)
            plan = {"warning_signs": ["Drinking alone"], "self_help": ["Walk"],
                    "contacts": [{"name": "Jo (sister)", "phone": "07700 900123"}]}
            await conn.execute(
                "INSERT INTO crisis_plan_versions (patient_id, site_id, version, draft_version,"
                " plan, review_date, patient_agreed_at, clinician_id, clinician_name,"
                # draft_version: an earlier draft's, so it never names this test's draft
                " clinician_agreed_at) VALUES ($1, $2, 1, 999, $3::jsonb, current_date + 60,"
                " now(), $4, 'Dr Ward', now())", caseload.amy, site, json.dumps(plan), ward)
        finally:
            await conn.close()

    run_async(agreed_before())
    page.goto(f"/review#/patients/{caseload.amy}")
    page.get_by_role("heading", name="Amy Jones: before the session").wait_for()
    page.get_by_text("Change the draft").click()
    page.get_by_label("Early warning signs").fill("Not sleeping")
    page.get_by_label("Things I can do myself").fill("Walk\nCold water on my face")
    page.get_by_label("Urge to self-harm: at (1 to 10)").fill("6")
    page.get_by_label("Urge to hurt someone else: no prompt, because").fill(
        "Never part of a crisis")
    page.get_by_label("Offer the plan whenever alcohol or drugs were used").check()
    page.get_by_label("Loneliness: Find someone to be with").first.check()
    page.get_by_role("button", name="Save the draft").click()

    whole = page.get_by_role("region", name="The whole draft, before you agree it")
    expect(whole).to_contain_text("Urge to self-harm: offer the plan at 6 out of 10 or more")
    expect(whole).to_contain_text(
        "Urge to hurt someone else: no threshold, because Never part of a crisis")
    expect(whole).to_contain_text("Loneliness: Find someone to be with")
    expect(whole).to_contain_text("Emergency services, 999")  # the professionals section
    diff = whole.locator("table.plan-diff")
    expect(diff.locator("caption")).to_contain_text("What changed since agreed version 1")
    signs = diff.locator("tr", has_text="Early warning signs")
    expect(signs.locator("td").nth(0)).to_have_text("Not sleeping")
    expect(signs.locator("td").nth(1)).to_have_text("Drinking alone")
    expect(diff.locator("tr", has_text="Things I can do myself").locator("td").nth(0)).to_have_text(
        "Cold water on my face")
    assert_accessible(page)
    # Only A&E and the usual lines to call, and no review date: refused, in words.
    whole.get_by_role("button", name="Agree this version").click()
    expect(whole.get_by_role("alert")).to_contain_text("other than A&E")
    expect(whole.get_by_role("alert")).to_contain_text("review date")
    page.get_by_text("Change the draft").click()
    page.get_by_label("People and places that help").fill("My cousin's kitchen")
    page.get_by_label("Review date").fill("2099-01-31")
    page.get_by_role("button", name="Save the draft").click()
    expect(page.get_by_text("Draft version 2.")).to_be_visible()
    page.get_by_role("button", name="Agree this version").click()
    expect(page.get_by_text("You have agreed it.")).to_be_visible()


def test_outcomes_are_charted_and_the_care_team_can_record_an_act(
    page: Page, caseload: Caseload, review_db: str
) -> None:
    async def seed() -> None:
        conn = await asyncpg.connect(review_db)
        try:
            await conn.execute("UPDATE users SET created_at = now() - interval '200 days' "
                               "WHERE id = $1", caseload.ben)
            for kind, days, severity in (("verbal", 150, 2), ("self_harm", 120, 3),
                                         ("ae", 120, None)):
                await conn.execute(
                    "INSERT INTO outcome_events (id, patient_id, site_id, kind, occurred_on,"
                    " severity, recorded_by, recorded_role, request_hash)"
                    " SELECT gen_random_uuid(), u.id, u.site_id, $2, current_date - $3::int,"
                    " $4, u.id, 'patient', '\\x00' FROM users u WHERE u.id = $1",
                    caseload.ben, kind, days, severity)
            for days, score in ((190, 20), (10, 7)):
                await conn.execute(
                    "INSERT INTO measure_responses (id, patient_id, site_id, questionnaire,"
                    " authored, items, total, self_harm_item, recorded_by, request_hash)"
                    " SELECT gen_random_uuid(), u.id, u.site_id, 'phq-9',"
                    " now() - make_interval(days => $2), '[]', $3, 0, u.id, '\\x00'"
                    " FROM users u WHERE u.id = $1", caseload.ben, days, score)
        finally:
            await conn.close()

    run_async(seed())
    page.goto(f"/review#/patients/{caseload.ben}")
    section = page.locator("section[aria-labelledby=outcomes]")
    expect(section.get_by_role("heading", name="Outcomes since the start of treatment")
           ).to_be_visible()
    figures = section.locator("figure.chart")
    expect(figures).to_have_count(3)
    expect(figures.nth(0).locator("p.summary")).to_contain_text(
        "2 acts and 1 service contact over ")
    expect(figures.nth(1).locator("p.summary")).to_contain_text(
        "PHQ-9 went from 20 (severe)")
    expect(figures.nth(2).locator("p.summary")).to_contain_text(
        "PHQ-9 total: down from 20 to 7 points.")
    figures.nth(1).locator("summary").click()
    expect(figures.nth(1).locator("table tbody tr")).to_have_count(2)
    section.get_by_label("Act or contact").select_option("police")
    section.get_by_role("button", name="Record").click()
    expect(section.get_by_text("Police contact \u2013 recorded by the care team")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "outcomes")


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
