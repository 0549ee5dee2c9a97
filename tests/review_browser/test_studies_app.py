"""A researcher in Chromium: screens, enrols (the allocation only), sees the allocation
balanced per arm and the CONSORT diagram, and exports with no identifiers; axe on the page."""

from __future__ import annotations

import json
from datetime import date
from uuid import UUID, uuid4

import asyncpg
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, expect
from review_pages import Caseload, screenshot

from browser_support import assert_no_placeholder_words, run_async
from diarycard.auth.principal import Principal
from diarycard.auth.sessions import create_session
from diarycard.studies import store
from diarycard.studies.models import EnrolIn, Strata, StudyIn
from factories import make_user


def test_a_researcher_screens_enrols_sees_consort_and_exports_without_identifiers(
    context: BrowserContext, review_db: str, server: str, caseload: Caseload
) -> None:
    async def seed() -> tuple[UUID, str, str]:
        conn = await asyncpg.connect(review_db)
        try:
            site = await conn.fetchval("SELECT site_id FROM users WHERE id = $1", caseload.amy)
            admin = await make_user(conn, site, "admin", "study.admin", "Ada Admin")
            researcher = await make_user(conn, site, "researcher", "res.rae", "Rae Researcher")
            boss = Principal(admin, "admin", site, "study.admin", "Ada", uuid4())
            found = await store.create(conn, boss, StudyIn(name="MOAM pilot",
                                                           arms=["MOAM", "usual care"],
                                                           block_sizes=[2]))
            who = Principal(researcher, "researcher", site, "res.rae", "Rae", uuid4())
            for i in range(20):
                pid = await make_user(conn, site, "patient", f"trial{i}", f"Trial Person{i}")
                await store.enrol(conn, who, found.id, pid, EnrolIn(
                    site_ref=f"T-{i}", consent_date=date.today(), consent_version="v1",
                    strata=Strata(age_band="26-39", sentence="community",
                                  length="over_12_months")))
            made = await create_session(conn, researcher, "researcher", "playwright")
            return found.id, made.token, made.csrf_token
        finally:
            await conn.close()

    study_id, token, csrf = run_async(seed())
    context.add_cookies([{"name": "diarycard", "value": token, "url": server}])
    stored = json.dumps({"csrf_token": csrf, "display_name": "Rae Researcher",
                         "role": "researcher"})
    context.add_init_script(
        f"sessionStorage.setItem('diarycard-review-session', {json.dumps(stored)});")
    page = context.new_page()
    page.goto("/review")
    page.get_by_role("link", name="MOAM pilot").click()
    expect(page.get_by_role("heading", name="MOAM pilot", exact=True)).to_be_visible()

    for ref, reason in (("SCR-1", "Declined"), ("SCR-2", "Uncontactable")):
        page.get_by_label("Site reference (never a name)").fill(ref)
        page.get_by_label("If not enrolled, why").select_option(label=reason)
        page.get_by_role("button", name="Add to the screening log").click()
        expect(page.get_by_role("row", name=f"{ref}")).to_be_visible()

    page.get_by_label("Patient's diarycard id").fill(str(caseload.amy))
    page.get_by_label("Site reference (the same as in the screening log)").fill("A-1")
    page.get_by_label("Consent form version").fill("v1")
    page.get_by_label("Age band").select_option("40+")
    page.get_by_role("button", name="Enrol and allocate").click()
    expect(page.locator("#enrolled")).to_contain_text("allocated to")

    text = page.locator("#consort-text")
    expect(text).to_contain_text("23 screened; 2 excluded (declined 1, uncontactable 1); "
                                 "21 randomised.")
    expect(page.locator("figure.consort svg")).to_have_count(1)
    allocated = {cells[1]: int(cells[2]) for cells in (
        row.locator("th, td").all_inner_texts()
        for row in page.locator("table tbody tr").all())
        if cells[0] == "allocated"}
    assert sum(allocated.values()) == 21 and abs(allocated["MOAM"] - allocated["usual care"]) <= 1
    body = page.locator("body").inner_text()
    assert "Amy Jones" not in body and "Trial Person" not in body

    # Amy completes; the CONSORT flow counts her as completed in her arm.
    page.get_by_label("Participant's diarycard id").fill(str(caseload.amy))
    page.get_by_label("What happened").select_option("completed")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator("#enrolled")).to_contain_text("completed.")
    expect(page.locator("#consort-text")).to_contain_text("1 completed")

    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_no_placeholder_words(page)
    screenshot(page, "study")

    export = page.request.get(f"/api/v1/studies/{study_id}/export?format=csv").text()
    for needle in ("Amy Jones", "amy", str(caseload.amy), "Trial Person", "trial1",
                   date.today().isoformat()):
        assert needle.lower() not in export.lower(), needle
    assert export.count("\r\n") > 21
