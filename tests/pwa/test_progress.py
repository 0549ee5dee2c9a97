"""The patient's own view back: "How it's going" says in kind words what helped, from
data on the phone (with no signal too), with no streaks, no red and no blame; the short
learning pages open from Strong feelings and from the log, offline as well."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from browser_support import assert_no_placeholder_words
from conftest import Patient, screenshot

axe = Axe()
# Words that blame or score: none may appear on the screen (comment in progress.js: why).
BLAME = re.compile(r"\b(fail\w*|bad|poor|should|must|only|missed|lazy|wrong|worse|relapse\w*|"
                   r"streak\w*|points?|badges?|broke|gave in|weak\w*|disappoint\w*)\b", re.I)


def check_screen(page: Page, name: str) -> None:
    results = axe.run(page)
    assert results.violations_count == 0, results.generate_report()
    assert_no_placeholder_words(page, name)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def log(page: Page, row: int, tried: bool, outcome: str) -> None:
    page.get_by_role("link", name="Log", exact=True).click()
    page.locator(".row-button").nth(row).click()
    page.get_by_role("button", name="Yes, I tried it" if tried else "Not this time").click()
    page.get_by_role("button", name=outcome).click()
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()


def test_how_its_going_says_what_helps_kindly_and_opens_offline(
    context: BrowserContext, page: Page, patient: Patient
) -> None:
    log(page, 0, True, "I resisted it")
    log(page, 0, True, "I acted on it")
    log(page, 1, False, "I resisted it")
    log(page, 1, False, "I partly acted on it")
    page.get_by_role("link", name="My diary", exact=True).click()
    page.get_by_role("link", name="How it's going").click()
    main = page.locator("main")
    expect(page.get_by_role("heading", name="What helps")).to_be_visible()
    expect(main).to_contain_text(
        re.compile(r"When you tried “[^”]+”, you resisted the urge 1 of 2 times\."))
    expect(main).to_contain_text("When nothing was tried, you resisted the urge 1 of 2 times.")
    expect(main).to_contain_text("4 urges")
    expect(main).to_contain_text("You wrote in your diary on 1 day in the last 4 weeks.")
    text = main.inner_text()
    assert not BLAME.search(text), BLAME.search(text)
    # Calm bars in the brand colour: never the danger or crisis red.
    colours = page.evaluate("""() => {
        const css = getComputedStyle(document.documentElement);
        const probe = document.createElement('span');
        document.body.append(probe);
        const as = (v) => {
            probe.style.color = css.getPropertyValue(v);
            return getComputedStyle(probe).color;
        };
        const style = (sel, name) =>
            [...document.querySelectorAll(sel)].map((r) => getComputedStyle(r)[name]);
        const out = { brand: as('--brand'), danger: as('--danger'), crisis: as('--crisis'),
            fills: style('.bar-fill', 'fill'), weeks: style('.week-bar', 'backgroundColor') };
        probe.remove();
        return out;
    }""")
    assert colours["fills"] and set(colours["fills"] + colours["weeks"]) == {colours["brand"]}
    assert colours["brand"] not in (colours["danger"], colours["crisis"])
    check_screen(page, "how it's going")
    screenshot(page, "progress")

    context.set_offline(True)
    page.reload()
    expect(main).to_contain_text("This uses your diary as saved on this phone")
    expect(main).to_contain_text("When nothing was tried, you resisted the urge 1 of 2 times.")
    page.emulate_media(color_scheme="dark")
    page.set_viewport_size({"width": 320, "height": 700})
    check_screen(page, "how it's going, dark, 320 px")
    screenshot(page, "progress-dark-320")


def test_learning_pages_open_from_strong_feelings_and_the_log_with_no_signal(
    context: BrowserContext, page: Page
) -> None:
    page.locator(".row-button").first.click()
    expect(page.get_by_role("link", name="Why urges rise and pass")).to_be_visible()
    page.goto("/tools?tool=emotions")
    # A feeling's name leads into a diary entry that starts with it.
    page.get_by_role("button", name="Lonely").click()
    page.get_by_role("link", name="Log this feeling in my diary").click()
    expect(page.get_by_label("What were you feeling?")).to_have_value("Lonely")
    page.go_back()
    page.get_by_role("link", name="How feelings and urges link").click()
    expect(page.get_by_role("heading", name="How feelings and urges link")).to_be_visible()
    check_screen(page, "learning page")
    context.set_offline(True)
    page.get_by_role("link", name="Why urges rise and pass").click()
    expect(page.get_by_role("heading", name="Why urges rise and pass")).to_be_visible()
    page.reload()
    expect(page.get_by_role("heading", name="Why urges rise and pass")).to_be_visible()
    page.get_by_role("link", name="All pages").click()
    for title in ("What impulsivity is", "What your sessions are for"):
        expect(page.get_by_role("link", name=title)).to_be_visible()
    page.emulate_media(color_scheme="dark")
    page.set_viewport_size({"width": 320, "height": 700})
    page.get_by_role("link", name="What your sessions are for").click()
    expect(page.locator("main")).to_contain_text("four steps")
    check_screen(page, "learning page, dark, 320 px")
