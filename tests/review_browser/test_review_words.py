"""The review's words all come from its catalogue: every screen of it walked in the
pseudo-locale en-XA (accented, about 40% longer, bracketed): the caseload, a patient's
page with everything that opens on it, the print view, and a researcher's studies. Any
visible text, option, accessible name or title that is not pseudo-localised and did not
come from the server (a patient's words, a name, the server's own sentences such as a
tier's name or the digest) did not come from the catalogue (see tests/pseudo_words.py).
The pages are walked 320 px wide too: nothing may scroll sideways."""

from __future__ import annotations

import re
from uuid import uuid4

from playwright.sync_api import Browser, BrowserContext, Page, expect
from review_pages import HOSTILE, Caseload, Researcher, researcher_with_study

from pseudo_words import (
    OPEN_ALL,
    assert_a_staff_app_speaks_a_new_language,
    assert_no_clashing_keys,
    record_served,
    walk,
)

LOADING = re.compile("Ļöåđîñĝ")


def open_everything(page: Page) -> None:
    """Every section that loads on its own has arrived, and every <details> is open."""
    page.locator("#timeline").wait_for()
    page.locator(".outcomes .charts").wait_for()
    page.locator(".tools section").first.wait_for()
    page.evaluate(OPEN_ALL)
    expect(page.locator("main :is(p, li):visible", has_text=LOADING)).to_have_count(0)


def test_caseload_patient_pages_and_print_view_in_the_pseudo_locale(
    page: Page, caseload: Caseload
) -> None:
    record_served(page)
    page.goto("/review?lang=en-XA#/")
    expect(page.locator("h1")).to_have_text(re.compile(r"^\[Ýöûŕ çåšéļöåđ .*\]$"))
    page.locator("table.caseload").first.wait_for()
    assert_no_clashing_keys(page, "/shared/words/en-GB.js", "/review/words/en-GB.js",
                            "/accounts/words/en-GB.js")
    walk(page, "review-caseload", data=(HOSTILE,))

    # Ben: opening a review marks it seen, and Amy's digest is checked as never seen.
    page.goto(f"/review?lang=en-XA#/patients/{caseload.ben}")
    open_everything(page)
    walk(page, "review-patient", data=(HOSTILE,))

    # Amy has a full diary: risk, alcohol or drugs, a hostile note, every outcome.
    # A change of hash only: Ben's page stays up until Amy's arrives, so wait for hers.
    with page.expect_response(lambda r: f"/patients/{caseload.amy}/outcomes" in r.url):
        page.goto(f"/review?lang=en-XA#/patients/{caseload.amy}")
    open_everything(page)
    walk(page, "review-patient-full", data=(HOSTILE,))

    page.locator("a.button[href^='#/print/']").click()
    page.locator("article.sheet .print-timeline").first.wait_for()
    walk(page, "review-print", data=(HOSTILE,))

    # Back in en-GB, the review reads as before.
    page.goto("/review?lang=en-GB#/")
    expect(page.get_by_role("heading", name="Your caseload")).to_be_visible()


def test_a_researchers_studies_in_the_pseudo_locale(
    context: BrowserContext, review_db: str, server: str, caseload: Caseload
) -> None:
    study_id = researcher_with_study(context, review_db, server, caseload, Researcher(
        "words.res", "Wyn Researcher", "Words pilot", 2))
    page = context.new_page()
    record_served(page)
    page.goto("/review?lang=en-XA#/")
    page.locator(f"a[href='#/studies/{study_id}']").wait_for()
    walk(page, "review-studies")

    page.locator(f"a[href='#/studies/{study_id}']").click()
    page.locator("#consort-text").wait_for()
    page.locator("#screen-ref").fill("WS-1")
    page.locator("#screen-reason").select_option("declined")
    page.locator("form:has(#screen-ref) button[type=submit]").click()
    page.get_by_role("row", name="WS-1").wait_for()
    page.locator("#end-patient").fill(str(uuid4()))  # nobody: the server's problem shows
    page.locator("form:has(#end-patient) button[type=submit]").click()
    page.locator("form:has(#end-patient) p.problem").wait_for()
    # The CONSORT diagram is drawn by the server from figures and fixed words.
    walk(page, "review-study", data=("WS-1",), exempt="figure.consort")


def test_a_new_language_for_the_review_is_files_and_a_line(browser: Browser, server: str) -> None:
    """The browser prefers cy-GB and there are catalogues for it: the review speaks it,
    and a word its file lacks falls back to en-GB."""
    assert_a_staff_app_speaks_a_new_language(browser, server, "/review", "review", "review.signin",
                                             "Adolygu dyddiaduron (test)")
