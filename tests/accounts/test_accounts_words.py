"""The accounts pages' words all come from their catalogue: every screen walked in the
pseudo-locale en-XA (accented, about 40% longer, bracketed) and at 320 px wide, as an
admin, a clinician, a clinician still setting up an authenticator app, a researcher and
someone not signed in. Text that is neither bracketed nor the server's own did not come
from a catalogue (see tests/pseudo_words.py); nothing may scroll sideways."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, BrowserContext, Dialog, Page, expect
from test_accounts_pages import (  # the same world, server and browser as the other pages
    _run,
    _sql,
    browser,
    context,
    pages_db,
    server,
    world,
)
from test_accounts_pages import signed_in as signed_in_at

from access_world import World
from pseudo_words import (
    OPEN_ALL,
    assert_a_staff_app_speaks_a_new_language,
    assert_no_clashing_keys,
    record_served,
    walk,
)

__all__ = ["browser", "context", "pages_db", "server", "world"]

PSEUDO = re.compile(r"^\[.*\]$", re.S)


def signed_in(context: BrowserContext, pages_db: str, world: World, name: str,
              path: str = "#/") -> Page:
    """A page signed in as `name` that opens `path` in en-XA, keeping what the server
    says to it from the first request on."""
    return signed_in_at(context, pages_db, world, name, f"/accounts/?lang=en-XA{path}",
                        record=True)


def test_the_accounts_pages_in_the_pseudo_locale(
    context: BrowserContext, world: World, pages_db: str
) -> None:
    page = context.new_page()
    record_served(page)
    page.goto("/accounts/?lang=en-XA")
    page.locator("#sign-in-login").wait_for()
    assert_no_clashing_keys(page, "/shared/words/en-GB.js", "/accounts/words/en-GB.js")
    walk(page, "accounts-sign-in")
    page.close()

    page = signed_in(context, pages_db, world, "A1")
    page.locator("table.people").wait_for()
    walk(page, "accounts-people")

    # A confirmation asked in a dialog is in the catalogue's words too.
    asked: list[str] = []

    def answer(dialog: Dialog) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", answer)
    page.locator("table.people tr", has_text="Person P2").locator("button").last.click()
    assert len(asked) == 1 and PSEUDO.match(asked[0]), asked

    page.goto("/accounts/?lang=en-XA#/invite")
    page.locator("#display_name").wait_for()
    walk(page, "accounts-invite")
    page.locator("#display_name").fill("Wren")
    page.locator("#login").fill("wren.words")
    page.locator("form button[type=submit]").click()
    page.locator(".invitation .code").wait_for()
    walk(page, "accounts-invitation", data=("Wren",))

    page.goto("/accounts/?lang=en-XA#/quality")
    page.locator("table.quality").wait_for()
    page.evaluate(OPEN_ALL)
    walk(page, "accounts-quality")

    page.goto("/accounts/?lang=en-XA#/outcomes")
    page.locator(".site-charts").wait_for()
    page.evaluate(OPEN_ALL)
    walk(page, "accounts-outcomes")

    page.goto("/accounts/?lang=en-XA#/me")
    page.locator("#current_password").wait_for()
    walk(page, "accounts-me")

    # A clinician: their patients, and a new code for one of them.
    page = signed_in(context, pages_db, world, "C1")
    page.locator("main table").wait_for()
    walk(page, "accounts-patients")

    # A researcher is sent to the review's studies.
    page = signed_in(context, pages_db, world, "R1")
    page.locator("main a.button[href='/review']").wait_for()
    walk(page, "accounts-researcher")

    # A clinician who has not set up an authenticator app yet.
    _run(_sql(pages_db, "UPDATE users SET totp_enabled = false, totp_secret = NULL "
                        "WHERE id = $1", world.ids["C3"]))
    page = signed_in(context, pages_db, world, "C3")
    key = page.locator(".secret").inner_text()  # the server's secret, grouped for typing
    walk(page, "accounts-authenticator", data=(key,))

    # Back in en-GB, the pages read as before.
    page.goto("/accounts/?lang=en-GB#/")
    expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()


def test_a_new_language_for_the_accounts_pages_is_files_and_a_line(
    browser: Browser, server: str
) -> None:
    """The browser prefers cy-GB and there are catalogues for it: the accounts pages speak
    it, and a word its file lacks falls back to en-GB."""
    assert_a_staff_app_speaks_a_new_language(
        browser, server, "/accounts/", "accounts", "acc.signin", "Cyfrifon diarycard (test)")
