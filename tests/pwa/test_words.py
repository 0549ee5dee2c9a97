"""Every word in one catalogue: the patient app walked in the pseudo-locale en-XA (written
from en-GB by code: accented, about 40% longer, bracketed) at 320 px wide. Any visible
text that is not pseudo-localised did not come from the catalogue; any sideways scroll is
a layout that would break in a longer language. A language added as a catalogue file
and a line in words/languages.json is picked up with no code change."""

from __future__ import annotations

import json

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from browser_support import assert_pseudo_locale
from conftest import BASE, Patient, screenshot, sign_in

NARROW = {"width": 320, "height": 720}
PHONE = {"width": 390, "height": 844}

USER_DATA = """async () => {
  const { loadTable } = await import('/page/entries.js');
  const rows = (await loadTable()).data?.rows || [];
  return rows.flatMap((r) => [r.emotion, r.urge, r.helpful_response, ...(r.indicators || [])])
    .filter(Boolean).sort((a, b) => b.length - a.length);
}"""

SITE_NUMBERS = """async () => {
  const { get } = await import('/shared/idb.js');
  return ((await get('meta', 'site'))?.emergency_numbers || []).map((n) => n.label);
}"""


def assert_pseudo(page: Page, name: str, allowed: list[str]) -> None:
    assert_pseudo_locale(page, name, allowed)
    screenshot(page, f"en-XA-{name}")


def test_patient_screens_in_the_pseudo_locale(browser: Browser, patient: Patient) -> None:
    context = browser.new_context(base_url=BASE, viewport=NARROW, locale="en-GB")
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        sign_in(page, patient)  # in en-GB, the default, as every other test does
        allowed = [patient.login, "Alex", *page.evaluate(USER_DATA)]

        page.goto("/?lang=en-XA")
        page.locator(".row-button").first.wait_for()
        assert page.get_by_role("heading", level=1).inner_text().startswith("[")
        assert_pseudo(page, "home", allowed)

        page.locator(".row-button").first.click()
        page.locator("[data-tried=yes]").wait_for()
        assert_pseudo(page, "log-tried", allowed)
        page.locator("[data-tried=yes]").click()
        page.locator("[data-outcome=resisted]").wait_for()
        for summary in page.locator("main summary").all():
            summary.click()
        assert_pseudo(page, "log-outcome", allowed)
        page.locator("[data-outcome=resisted]").click()
        page.locator(".saved-message").wait_for()
        assert_pseudo(page, "log-saved", allowed)

        for path, ready in (("/history", ".entry"), ("/progress", "#p-days"),
                            ("/privacy", "main h2")):
            page.goto(path)
            page.locator(ready).first.wait_for()
            assert_pseudo(page, path.strip("/"), allowed)

        page.goto("/settings")
        page.locator("[data-summary]").wait_for()
        page.locator("section[aria-labelledby=sign-in-code] button").first.wait_for()
        page.locator("a[href='/privacy']").wait_for()
        expect(page.locator("#language option")).not_to_have_count(0)
        assert_pseudo(page, "settings", allowed)

        page.goto("/tools")
        page.locator(".row-button").first.wait_for()
        assert_pseudo(page, "tools", allowed)

        page.goto("/crisis")
        page.locator(".crisis-sections h2").first.wait_for()
        # The service's own numbers are its data, in its words, like the patient's table.
        site = page.evaluate(SITE_NUMBERS)
        assert site, "the site's numbers reached the phone"
        assert_pseudo(page, "crisis", allowed + site)

        # On a phone's usual width at night: the longer words still fit, in dark, and
        # every screen reader and contrast check still passes.
        page.set_viewport_size(PHONE)
        page.emulate_media(color_scheme="dark")
        for path, ready in (("/", ".row-button"), ("/settings", "[data-summary]")):
            page.goto(path)
            page.locator(ready).first.wait_for()
            assert_pseudo(page, f"{path.strip('/') or 'home'}-390-dark", allowed)
            results = Axe().run(page)
            assert results.violations_count == 0, results.generate_report()

        # Back to the browser's language: the app speaks en-GB again.
        page.goto("/settings")
        page.locator("#language").select_option("")
        expect(page.get_by_role("heading", name="Settings and my data")).to_be_visible()
        assert page.evaluate("() => document.documentElement.lang") == "en-GB"
    finally:
        context.close()


def test_sign_in_in_the_pseudo_locale(browser: Browser, patient: Patient) -> None:
    context = browser.new_context(base_url=BASE, viewport=NARROW, locale="en-GB")
    context.set_default_timeout(10_000)
    try:
        page = context.new_page()
        page.goto("/signin?lang=en-XA")
        page.locator("main form").wait_for()
        assert_pseudo(page, "signin", [])
        page.goto("/welcome")
        page.locator("main form").wait_for()
        assert_pseudo(page, "welcome", [])
    finally:
        context.close()


def test_a_new_language_is_a_file_and_a_line(browser: Browser, patient: Patient) -> None:
    """A catalogue named in languages.json is offered and used, with no code of its own,
    as is the file of a chunk's own catalogue; a word it lacks falls back to en-GB. (The
    files are served by the browser here so the test adds no language to the product: no
    real translation exists yet.)"""
    context = browser.new_context(base_url=BASE, viewport=NARROW, locale="cy-GB")
    context.set_default_timeout(10_000)
    listing = {"languages": [{"code": "en-GB", "name": "English (UK)"},
                             {"code": "cy-GB", "name": "Cymraeg (test)"}]}
    context.route("**/shared/words/languages.json", lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(listing)))
    context.route("**/shared/words/cy-GB.json", lambda route: route.fulfill(
        status=200, content_type="application/json",
        body=json.dumps({"signin.title": "Mewngofnodi (test)"})))
    # A screen loaded on first use brings its own catalogue's file for the language.
    context.route("**/page/tools/words/cy-GB.json", lambda route: route.fulfill(
        status=200, content_type="application/json",
        body=json.dumps({"emo.title": "Teimladau cryf (test)"})))
    try:
        page = context.new_page()
        page.goto("/signin")
        expect(page.get_by_role("heading", level=1, name="Mewngofnodi (test)")).to_be_visible()
        assert page.evaluate("() => document.documentElement.lang") == "cy-GB"
        expect(page.get_by_label("Your login")).to_be_visible()  # not in the file: en-GB
        tool_words = page.evaluate("""async () => {
          const { t } = await import('/page/tools/words.js');
          return [t('emo.title'), t('emo.start')];
        }""")
        assert tool_words == ["Teimladau cryf (test)", "Start breathing"]
    finally:
        context.close()
