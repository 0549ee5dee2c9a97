"""Rough edges from the patient trial: a saved quick entry takes more detail in one tap;
one offline banner, and a short "All sent" when the outbox empties; one "Saved" message
on every screen; quiet dark mode for the header and the call buttons."""

from __future__ import annotations

import re

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import BrowserContext, Page, expect

from browser_support import assert_no_placeholder_words
from conftest import Patient, wait_for

axe = Axe()


def quick_log(page: Page) -> None:
    page.get_by_role("link", name="Log", exact=True).click()
    page.locator(".row-button").first.click()
    page.get_by_role("button", name="Yes, I tried it").click()
    page.get_by_role("button", name="I resisted it").click()
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()


def test_a_saved_quick_entry_takes_more_detail_in_one_tap(page: Page, patient: Patient) -> None:
    quick_log(page)
    saved_look = page.locator(".saved-message").evaluate(
        "(el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderLeftColor]")
    page.get_by_role("link", name="Add more detail").click()
    expect(page.get_by_role("heading", name="Change this entry")).to_be_visible()
    page.get_by_label("A note for you and your clinician (optional)").fill("it was after the call")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_role("heading", name="My diary", level=1)).to_be_visible()
    assert wait_for(lambda: [e["note"] for e in patient.entries()] == ["it was after the call"])
    # A new entry from the full form: the same "Saved" message, the same look.
    page.goto("/entry?new=1")
    page.get_by_label("Not planning").check()
    page.get_by_role("button", name="Save", exact=True).click()
    message = page.locator(".saved-message")
    expect(message).to_contain_text("Saved.")
    assert message.evaluate(
        "(el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).borderLeftColor]"
    ) == saved_look


def test_one_offline_banner_then_all_sent(context: BrowserContext, page: Page,
                                          patient: Patient) -> None:
    context.set_offline(True)
    page.reload()
    expect(page.locator(".row-button").first).to_be_visible()
    said = page.get_by_text(re.compile(r"offline|no signal", re.I))
    expect(said).to_have_count(1)
    quick_log(page)
    expect(page.get_by_role("link", name="Waiting to send: 1")).to_be_visible()
    context.set_offline(False)
    all_sent = page.get_by_text("All sent.")
    expect(all_sent).to_be_visible(timeout=15_000)
    assert len(patient.entries()) == 1
    expect(all_sent).to_be_hidden(timeout=15_000)  # short: it goes by itself


def test_dark_mode_keeps_the_header_and_call_buttons_dark(page: Page) -> None:
    page.emulate_media(color_scheme="dark")
    for width in (390, 320):
        page.set_viewport_size({"width": width, "height": 800})
        page.goto("/crisis")
        expect(page.get_by_role("link", name="Call 999")).to_be_visible()
        light = page.evaluate("""() => {
            const lum = (c) => {
                const [r, g, b] = c.match(/\\d+/g).slice(0, 3).map((v) => {
                    const s = Number(v) / 255;
                    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
                });
                return 0.2126 * r + 0.7152 * g + 0.0722 * b;
            };
            const bg = (sel) => lum(getComputedStyle(document.querySelector(sel)).backgroundColor);
            return { header: bg('.top'), call: bg('.call') };
        }""")
        # No large bright blocks at night (the light theme's are dark already).
        assert light["header"] < 0.05 and light["call"] < 0.05, light
        results = axe.run(page)
        assert results.violations_count == 0, results.generate_report()
        assert_no_placeholder_words(page, f"crisis, dark, {width} px")
