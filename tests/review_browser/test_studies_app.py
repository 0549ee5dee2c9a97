"""A researcher in Chromium: screens, enrols (the allocation only), sees the allocation
balanced per arm and the CONSORT diagram, and exports with no identifiers; axe on the page."""

from __future__ import annotations

from datetime import date

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, expect
from review_pages import Caseload, Researcher, researcher_with_study, screenshot

from browser_support import assert_no_placeholder_words


def test_a_researcher_screens_enrols_sees_consort_and_exports_without_identifiers(
    context: BrowserContext, review_db: str, server: str, caseload: Caseload
) -> None:
    study_id = researcher_with_study(context, review_db, server, caseload, Researcher(
        "res.rae", "Rae Researcher", "MOAM pilot", 20))
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
    for needle in ("Amy Jones", "amy", str(caseload.amy), "Trial Person", "res.rae.p1",
                   date.today().isoformat()):
        assert needle.lower() not in export.lower(), needle
    assert export.count("\r\n") > 21
