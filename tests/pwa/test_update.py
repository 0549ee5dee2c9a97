"""A new version of the app waits for the patient to agree, and never reloads a screen
holding unsaved input."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from conftest import Server, check_for_update, release_new_version, wait_controlled


def reloaded(page: Page) -> bool:
    return page.evaluate("window.marker === undefined")


def test_an_update_waits_for_consent_and_spares_unsaved_input(
    browser: Browser, copy_server: Server
) -> None:
    context = browser.new_context(base_url=copy_server.base, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto("/signin")
    wait_controlled(page)
    old = page.evaluate("caches.keys()")
    page.evaluate("window.marker = 1")

    release_new_version(copy_server, "update-test")
    check_for_update(page)
    banner = page.locator("#update")
    expect(banner.get_by_text("A new version of diarycard is ready.")).to_be_visible()
    assert not reloaded(page)

    page.get_by_label("Your login").fill("half-typed")
    # An update happens only by telling the waiting worker to take over; count every
    # message the page sends to a worker.
    page.evaluate("""() => {
        window.told = [];
        const send = ServiceWorker.prototype.postMessage;
        ServiceWorker.prototype.postMessage = function (...args) {
            window.told.push(args[0]);
            return send.apply(this, args);
        };
    }""")
    banner.get_by_role("button", name="Update now").click()
    # The answer is written by the same click handler that would have sent the message.
    expect(banner.get_by_text("Save or cancel what you are writing first")).to_be_visible()
    assert page.evaluate("window.told") == []
    assert not reloaded(page) and page.get_by_label("Your login").input_value() == "half-typed"

    page.get_by_role("link", name="Crisis plan").click()
    banner.get_by_role("button", name="Update now").click()
    page.wait_for_function("() => window.marker === undefined")
    page.get_by_role("heading", name="Crisis plan", exact=True).wait_for()
    assert page.evaluate("caches.keys()") == ["diarycard-shell-update-test"] != old
    context.close()
