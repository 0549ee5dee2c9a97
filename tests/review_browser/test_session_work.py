"""The session's work in the review, in Chromium: following up a missed session (attempts
and a decision, by name), checked with axe-core and photographed."""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime, timedelta

import asyncpg
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect
from review_pages import Caseload, screenshot

from browser_support import assert_no_placeholder_words, run_async
from factories import assign, make_user

AXE = Axe()


def assert_accessible(page: Page) -> None:
    results = AXE.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_no_placeholder_words(page)


def open_task_for_bens_missed_session(review_db: str, caseload: Caseload) -> None:
    """What marking the seeded missed session "not attended" in the review would open."""

    async def opened() -> None:
        conn = await asyncpg.connect(review_db)
        try:
            await conn.execute(
                "INSERT INTO follow_up_tasks (patient_id, site_id, appointment_id, missed_at)"
                " SELECT patient_id, site_id, id, starts_at FROM appointments"
                " WHERE patient_id = $1 AND status = 'not_attended'"
                " ON CONFLICT DO NOTHING", caseload.ben)
        finally:
            await conn.close()

    run_async(opened())


def test_a_missed_session_is_followed_up_and_closed_in_the_review(
    page: Page, caseload: Caseload, review_db: str
) -> None:
    open_task_for_bens_missed_session(review_db, caseload)
    page.reload()
    follow_up = page.get_by_role("region", name=re.compile("Follow up: missed appointments"))
    expect(follow_up).to_contain_text(
        re.compile(r"follow-up open since \w+, no attempts yet, overdue"))
    page.goto(f"/review#/patients/{caseload.ben}")
    card = page.get_by_role("region", name="Following up")
    expect(card).to_contain_text("Overdue: the next attempt was due by")
    assert_accessible(page)
    screenshot(page, "follow-up")
    card.get_by_label("How").select_option("phone")
    card.get_by_label("What happened").select_option("no_answer")
    card.get_by_label("Note (optional)").first.fill("Tried the mobile")
    card.get_by_role("button", name="Record the attempt").click()
    attempts = page.get_by_role("list", name="Attempts to reach them")
    expect(attempts).to_contain_text("Phone call, no answer (Dr Ward) \u2013 Tried the mobile")
    expect(page.get_by_role("region", name="Following up")).to_contain_text(
        "Next attempt or decision due by")
    page.goto("/review#/")
    expect(page.get_by_role("region", name=re.compile("Follow up"))).to_contain_text(
        re.compile(r"follow-up open since \w+, 1 attempt"))
    page.goto(f"/review#/patients/{caseload.ben}")
    card = page.get_by_role("region", name="Following up")
    card.get_by_label("Decision", exact=True).select_option("rebooked")
    card.get_by_role("button", name="Close the follow-up").click()
    card = page.get_by_role("region", name="Following up")
    expect(card).to_contain_text("Nothing to follow up.")
    card.get_by_text("Closed follow-ups (1)").click()
    expect(card).to_contain_text("Rebooked a session, by Dr Ward")
    assert_accessible(page)


def test_the_pathway_and_a_discharge_plan_are_agreed_before_discharge(
    page: Page, caseload: Caseload
) -> None:
    page.goto(f"/review#/patients/{caseload.amy}")
    card = page.get_by_role("region", name="Pathway and discharge")
    expect(card).to_contain_text("No pathway recorded yet")
    card.get_by_label("Phase", exact=True).select_option("discharge_transition")
    card.get_by_label("Formulation, in short").fill("Urges rise when I feel left out")
    card.get_by_label("Type of therapy chosen").fill("SCM individual and group")
    card.get_by_role("button", name="Save the pathway").click()
    card = page.get_by_role("region", name="Pathway and discharge")
    expect(card).to_contain_text("Discharge transition for 0 days (usually 6 months).")
    # Discharged without a plan: refused in words, nothing stored.
    card.get_by_text("Change the pathway").click()
    card.get_by_label("Phase", exact=True).select_option("discharged")
    card.get_by_role("button", name="Save the pathway").click()
    expect(card.get_by_role("alert").first).to_contain_text("needs a discharge plan agreed")
    card.get_by_text("Change the discharge plan draft").click()
    card.get_by_label("What continues").fill("Monthly check-in until June")
    card.get_by_label("Who to contact").fill("Dr Ward, 020 7946 0000")
    card.get_by_label("If things get worse").fill("Use my crisis plan")
    card.get_by_label("When support steps down").fill("2027-03-01: sessions every two weeks")
    card.get_by_role("button", name="Save the discharge plan draft").click()
    whole = page.get_by_role("region", name="The whole discharge plan draft, before you agree it")
    expect(whole).to_contain_text("Dr Ward, 020 7946 0000")
    expect(whole).to_contain_text("sessions every two weeks")
    expect(whole).to_contain_text("all of this discharge plan is new")
    assert_accessible(page)
    screenshot(page, "pathway-discharge")
    whole.get_by_role("button", name="Agree this version").click()
    card = page.get_by_role("region", name="Pathway and discharge")
    expect(card).to_contain_text("You have agreed it.")
    expect(card).to_contain_text("The patient has not agreed it yet.")


def test_the_clinician_sees_and_records_their_own_supervision(page: Page) -> None:
    card = page.get_by_role("region", name="Your supervision")
    expect(card).to_contain_text("▲ No level and frequency of supervision agreed yet")
    card.get_by_text("Agree a level and frequency").click()
    card.get_by_label("Level (e.g. individual, group)").fill("individual")
    card.get_by_label("Every how many weeks").fill("2")
    card.get_by_label("Agreed on").fill("2026-01-05")
    card.get_by_role("button", name="Save the agreement").click()
    card = page.get_by_role("region", name="Your supervision")
    expect(card).to_contain_text(re.compile(r"Every 2 weeks \(individual\); none recorded yet; "
                                            r"next due by 19 Jan 2026: overdue"))
    card.get_by_label("Supervisor").fill("Dr Lee")
    card.get_by_role("button", name="Record the session").click()
    card = page.get_by_role("region", name="Your supervision")
    expect(card).to_contain_text("(Dr Lee)")
    expect(card).not_to_contain_text("overdue")
    assert_accessible(page)


def test_a_worksheet_is_reviewed_together_and_a_goal_agreed(
    page: Page, caseload: Caseload, review_db: str
) -> None:
    async def written() -> None:
        conn = await asyncpg.connect(review_db)
        try:
            site = await conn.fetchval("SELECT site_id FROM users WHERE id = $1", caseload.ben)
            sheet = {"problem": "Rent is late", "solutions": [{"idea": "Call the landlord"}],
                     "chosen": 0, "first_step": "Ring at 9", "what_happened": "A week more",
                     "learned": "Asking early helps"}
            for kind, status, body in (("problem_solving", "done", sheet),
                                       ("goal", "open", {"goal": "Walk every morning",
                                                         "progress": 6})):
                await conn.execute(
                    "INSERT INTO tool_records (id, patient_id, site_id, kind, status, body,"
                    " version, request_hash) VALUES (gen_random_uuid(), $1, $2, $3, $4,"
                    " $5::jsonb, 1, '\\x00')", caseload.ben, site, kind, status,
                    json.dumps(body))
        finally:
            await conn.close()

    run_async(written())
    page.goto(f"/review#/patients/{caseload.ben}")
    sheets = page.get_by_role("region", name=re.compile("Problem-solving worksheets"))
    expect(sheets).to_contain_text("4. What I learned")
    expect(sheets).to_contain_text("Asking early helps")
    expect(sheets).to_contain_text("(finished, changed")
    sheets.get_by_label("Note (optional)").fill("Try asking early with the GP too")
    sheets.get_by_role("button", name="Reviewed together").click()
    expect(page.get_by_role("region", name=re.compile("Problem-solving worksheets"))
           ).to_contain_text("Reviewed together with Dr Ward")
    goals = page.get_by_role("region", name="Goals", exact=True)
    expect(goals).to_contain_text("6 out of 10")
    goals.get_by_role("button", name="Agree this goal: Walk every morning").click()
    expect(page.get_by_role("region", name="Goals", exact=True)).to_contain_text(
        "Agreed with Dr Ward")
    assert_accessible(page)
    screenshot(page, "tools-together")


def test_a_chain_analysis_is_gone_through_and_its_proposals_become_drafts(
    page: Page, caseload: Caseload, review_db: str
) -> None:
    """Hazard H-036 in the review: agreeing the chain says which drafts it made; the crisis
    plan and the table show them as drafts not yet agreed by the patient."""

    async def a_patient_who_acted() -> str:
        conn = await asyncpg.connect(review_db)
        try:
            site, ward = await conn.fetchrow(
                "SELECT u.site_id, c.clinician_id FROM users u JOIN care_team c"
                " ON c.patient_id = u.id WHERE u.id = $1", caseload.ben)
            cal = await make_user(conn, site, "patient", "cal.chain", "Cal Reid")
            await assign(conn, ward, cal)
            await conn.execute(
                "INSERT INTO entries (id, patient_id, occurred_at, occurred_offset, category,"
                " emotion, urge, urge_strength, outcome, note, body_hash) VALUES"
                " (gen_random_uuid(), $1, $2, 0, 'action', 'Shame', 'Cut myself off', 8,"
                " 'acted', 'Row with my brother', '\\x01')",
                cal, datetime.now(UTC) - timedelta(hours=5))
            return str(cal)
        finally:
            await conn.close()

    cal = run_async(a_patient_who_acted())
    page.goto(f"/review#/patients/{cal}")
    region = page.get_by_role("region", name="Chain analyses of acted urges")
    expect(region).to_contain_text("No chain analysis yet.")
    region.get_by_role("button", name="Start a chain analysis").click()
    expect(region).to_contain_text("Row with my brother")
    expect(region).to_contain_text("Cut myself off (8 out of 10)")
    region.get_by_text("Go through it together").click()
    region.get_by_label("What happened next", exact=True).fill("Alone all weekend")
    region.get_by_label("What I noticed: what could be done differently").fill(
        "Notice my chest going tight and text a friend")
    region.get_by_label("A new early warning sign for the crisis plan").fill(
        "Chest going tight after an argument")
    region.get_by_label("A helpful response for this urge's row of the table").fill(
        "Text a friend before going quiet")
    region.get_by_role("button", name="Save the chain analysis").click()
    expect(region).to_contain_text("Alone all weekend")
    assert_accessible(page)
    region.get_by_role("button", name="Agreed together in the session").click()
    expect(region.get_by_role("status")).to_contain_text(
        "now has the early warning sign “Chest going tight after an argument”")
    expect(region).to_contain_text("agreed with Dr Ward")
    proposed = page.get_by_role("region", name=re.compile(r"Proposed change \(draft version"))
    expect(proposed).to_contain_text("New row “Shame: Cut myself off”, what helps “Text a friend")
    expect(proposed).to_contain_text("The patient has not agreed it yet.")
    expect(page.get_by_text("The site's starting table: nothing agreed together yet.")
           ).to_be_visible()
    assert_accessible(page)
    screenshot(page, "chain-analysis")


def test_the_timeline_marks_what_is_new_since_i_last_looked(
    page: Page, caseload: Caseload, review_db: str
) -> None:
    async def a_patient(name: str) -> str:
        conn = await asyncpg.connect(review_db)
        try:
            site, ward = await conn.fetchrow(
                "SELECT u.site_id, c.clinician_id FROM users u JOIN care_team c"
                " ON c.patient_id = u.id WHERE u.id = $1", caseload.ben)
            dee = await make_user(conn, site, "patient", name, "Dee Park")
            await assign(conn, ward, dee)
            return str(dee)
        finally:
            await conn.close()

    async def written_since(patient: str) -> None:
        conn = await asyncpg.connect(review_db)
        try:
            site = await conn.fetchval("SELECT site_id FROM users WHERE id = $1", patient)
            await conn.execute(
                "INSERT INTO entries (id, patient_id, occurred_at, occurred_offset, category,"
                " emotion, body_hash) VALUES (gen_random_uuid(), $1, $2, 0, 'action',"
                " 'Fear', '\\x03')", patient, datetime.now(UTC) - timedelta(hours=1))
            await conn.execute(
                "INSERT INTO tool_records (id, patient_id, site_id, kind, status, body,"
                " version, request_hash) VALUES (gen_random_uuid(), $1, $2, 'goal', 'open',"
                " '{\"goal\": \"Sleep by midnight\"}', 1, '\\x00')", patient, site)
        finally:
            await conn.close()

    dee = run_async(a_patient("dee.since"))
    page.goto(f"/review#/patients/{dee}")
    expect(page.get_by_role("heading", name="Dee Park: before the session")).to_be_visible()
    expect(page.get_by_role("region", name=re.compile("Since you last looked"))).to_have_count(0)
    run_async(written_since(dee))
    page.reload()
    since = page.get_by_role("region", name=re.compile("Since you last looked"))
    expect(since).to_contain_text("1 new entry is marked")
    expect(since).to_contain_text("New Goal (open)")
    timeline = page.get_by_role("region", name="Timeline")
    expect(timeline.locator("article.entry").first).to_contain_text("New since you last looked")
    assert_accessible(page)
