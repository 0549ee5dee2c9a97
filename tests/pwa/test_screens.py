"""Every screen of the patient app: axe-core finds no violations at a phone and a desktop
size; nothing scrolls sideways at 320 px wide with text at 200%; screenshots at 390x844
are saved in test-artifacts/screenshots/ for a person to look at."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, BrowserContext, Page, expect

from browser_support import assert_no_placeholder_words
from conftest import BASE, Patient, screenshot, sign_in, wait_for

VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}
axe = Axe()


def check(page: Page, name: str, size: str) -> None:
    # Screens render after the click that opens them: let the heading arrive before axe
    # looks, or it judges the page between two screens.
    expect(page.locator("main h1").first).to_be_visible()
    results = axe.run(page)
    assert results.violations_count == 0, f"{name} ({size}):\n{results.generate_report()}"
    assert_no_placeholder_words(page, name)
    if size == "phone":
        screenshot(page, name)


def signed_out_screens(page: Page) -> list[tuple[str, Callable[[], None]]]:
    return [
        ("signin", lambda: page.goto("/signin")),
        ("welcome", lambda: page.get_by_role("link", name="I have an invitation code").click()),
        ("crisis-signed-out", lambda: page.get_by_role("link", name="Crisis plan").click()),
        ("not-found", lambda: page.goto("/no-such-page")),
    ]


def signed_in_screens(page: Page) -> list[tuple[str, Callable[[], None]]]:
    def outcome_step() -> None:
        page.goto("/")
        page.locator(".row-button").first.click()
        page.get_by_role("button", name="Yes, I tried it").click()
        page.get_by_text("This happened earlier").click()
        page.get_by_text("Add more detail (optional)").click()

    def parked() -> None:
        page.evaluate("""async () => {
            const { saveEntry, localTimestamp } = await import('/page/entries.js');
            await saveEntry({ id: crypto.randomUUID(), occurred_at: localTimestamp(new Date()),
                              category: 'action', emotion: 'Anger', urge_strength: 11 });
        }""")
        page.get_by_role("link", name="Waiting to send: 1 (1 needs you)").click()
        expect(page.locator(".waiting-item")).to_have_count(1)

    def sign_out_dialog() -> None:
        page.get_by_role("link", name="Settings", exact=True).click()
        page.get_by_role("button", name="Sign out").click()
        expect(page.get_by_role("dialog")).to_be_visible()

    return [
        ("home", lambda: page.goto("/")),
        ("log-prompt", lambda: page.locator(".row-button").first.click()),
        ("log-outcome", outcome_step),
        ("log-saved", lambda: page.get_by_role("button", name="I resisted it").click()),
        ("log-other", lambda: page.goto("/entry?new=1")),
        ("history", lambda: page.goto("/history")),
        ("history-delete", lambda: page.get_by_role("button", name="Delete").first.click()),
        ("entry-change", lambda: page.get_by_role("link", name="Change").first.click()),
        ("waiting", parked),
        ("crisis", lambda: page.get_by_role("link", name="Crisis plan").click()),
        ("settings", lambda: page.get_by_role("link", name="Settings", exact=True).click()),
        ("sign-out-warning", sign_out_dialog),
    ]


@pytest.mark.parametrize("size", list(VIEWPORTS))
def test_every_screen_passes_axe(context: BrowserContext, patient: Patient, size: str) -> None:
    page = context.new_page()
    page.set_viewport_size(VIEWPORTS[size])
    for name, go in signed_out_screens(page):
        go()
        page.locator("main:not([aria-busy]) h1").wait_for()
        check(page, name, size)
    sign_in(page, patient)
    for name, go in signed_in_screens(page):
        go()
        page.locator("main:not([aria-busy]) h1").wait_for()
        page.wait_for_load_state("networkidle")
        check(page, name, size)
        if name == "history-delete":
            page.get_by_role("dialog").get_by_role("button", name="Keep it").click()
    assert wait_for(lambda: len(patient.entries()) == 1)


def test_320_px_wide_at_200_percent_text(context: BrowserContext, patient: Patient) -> None:
    page = context.new_page()
    page.set_viewport_size({"width": 320, "height": 640})
    sign_in(page, patient)
    for path in ["/", "/entry?new=1", "/history", "/crisis", "/settings", "/waiting"]:
        page.goto(path)
        page.locator("main:not([aria-busy]) h1").wait_for()
        # CSSOM, not a style attribute: the app's CSP forbids inline styles, not this.
        page.evaluate("document.documentElement.style.fontSize = '200%'")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 320 px and 200% text"
        small = page.evaluate("""() => [...document.querySelectorAll(
                'main a, main button, nav a, header a')]
            .filter((el) => el.offsetParent !== null)
            .map((el) => el.getBoundingClientRect())
            .filter((r) => r.width < 44 || r.height < 44).length""")
        assert small == 0, f"{path} has {small} targets smaller than 44x44 px"


def test_dark_scheme_and_reduced_motion_pass_axe(browser: Browser, patient: Patient) -> None:
    context = browser.new_context(
        base_url=BASE, viewport=VIEWPORTS["phone"], color_scheme="dark", reduced_motion="reduce"
    )
    page = context.new_page()
    sign_in(page, patient)
    assert page.evaluate("getComputedStyle(document.body).backgroundColor") == "rgb(18, 24, 22)"
    crisis = ("crisis", lambda: page.get_by_role("link", name="Crisis plan").click())
    for name, go in [*signed_in_screens(page)[:4], crisis]:
        go()
        page.locator("main:not([aria-busy]) h1").wait_for()
        check(page, f"{name}-dark", "phone")
    context.close()


def test_a_screen_is_marked_busy_while_it_draws(context: BrowserContext, patient: Patient) -> None:
    """Assistive technology (and these tests) must not read a half-drawn screen: main is
    aria-busy from the moment a screen starts drawing until it is done."""
    page = context.new_page()
    sign_in(page, patient)
    page.locator(".row-button").first.wait_for()
    page.evaluate("""() => {
      const main = document.getElementById('main');
      window.__busy = [];
      new MutationObserver(() => window.__busy.push(main.getAttribute('aria-busy')))
        .observe(main, { attributes: true, attributeFilter: ['aria-busy'] });
    }""")
    page.get_by_role("link", name="Settings", exact=True).click()
    expect(page.locator("main:not([aria-busy]) h1")).to_be_visible()
    assert page.evaluate("() => window.__busy") == ["true", None]
