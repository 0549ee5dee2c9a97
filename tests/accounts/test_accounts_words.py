"""The accounts pages' words all come from their catalogue: every screen walked in the
pseudo-locale en-XA (accented, about 40% longer, bracketed) and at 320 px wide, as an
admin, a clinician, a clinician still setting up an authenticator app, a researcher and
someone not signed in. Text that is neither bracketed nor the server's own did not come
from a catalogue (see tests/pseudo_words.py); nothing may scroll sideways."""

from __future__ import annotations

import re

from playwright.sync_api import BrowserContext, Dialog, expect
from test_accounts_pages import (  # the same world, server and browser as the other pages
    _run,
    _sql,
    browser,
    context,
    pages_db,
    server,
    signed_in,
    world,
)

from access_world import World
from pseudo_words import assert_no_clashing_keys, keep_served, walk

__all__ = ["browser", "context", "pages_db", "server", "world"]

OPEN_ALL = "() => document.querySelectorAll('main details').forEach((d) => { d.open = true; })"
PSEUDO = re.compile(r"^\[.*\]$", re.S)


def test_the_accounts_pages_in_the_pseudo_locale(
    context: BrowserContext, world: World, pages_db: str
) -> None:
    page = context.new_page()
    served = keep_served(page)
    page.goto("/accounts/?lang=en-XA")
    page.locator("#sign-in-login").wait_for()
    assert_no_clashing_keys(page, "/shared/words/en-GB.js", "/accounts/words/en-GB.js")
    walk(page, "accounts-sign-in", served)
    page.close()

    page = signed_in(context, pages_db, world, "A1")
    served = keep_served(page)
    page.goto("/accounts/?lang=en-XA#/")
    page.locator("table.people").wait_for()
    walk(page, "accounts-people", served)

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
    walk(page, "accounts-invite", served)
    page.locator("#display_name").fill("Wren")
    page.locator("#login").fill("wren.words")
    page.locator("form button[type=submit]").click()
    page.locator(".invitation .code").wait_for()
    walk(page, "accounts-invitation", served, data=("Wren",))

    page.goto("/accounts/?lang=en-XA#/quality")
    page.locator("table.quality").wait_for()
    page.evaluate(OPEN_ALL)
    walk(page, "accounts-quality", served)

    page.goto("/accounts/?lang=en-XA#/outcomes")
    page.locator(".site-charts").wait_for()
    page.evaluate(OPEN_ALL)
    walk(page, "accounts-outcomes", served)

    page.goto("/accounts/?lang=en-XA#/me")
    page.locator("#current_password").wait_for()
    walk(page, "accounts-me", served)

    # A clinician: their patients, and a new code for one of them.
    page = signed_in(context, pages_db, world, "C1")
    served = keep_served(page)
    page.goto("/accounts/?lang=en-XA#/")
    page.locator("main table").wait_for()
    walk(page, "accounts-patients", served)

    # A researcher is sent to the review's studies.
    page = signed_in(context, pages_db, world, "R1")
    served = keep_served(page)
    page.goto("/accounts/?lang=en-XA#/")
    page.locator("main a.button[href='/review']").wait_for()
    walk(page, "accounts-researcher", served)

    # A clinician who has not set up an authenticator app yet.
    _run(_sql(pages_db, "UPDATE users SET totp_enabled = false, totp_secret = NULL "
                        "WHERE id = $1", world.ids["C3"]))
    page = signed_in(context, pages_db, world, "C3")
    served = keep_served(page)
    page.goto("/accounts/?lang=en-XA#/")
    page.locator(".secret").wait_for()
    walk(page, "accounts-authenticator", served)

    # Back in en-GB, the pages read as before.
    page.goto("/accounts/?lang=en-GB#/")
    expect(page.get_by_role("heading", name="Set up your authenticator app")).to_be_visible()
