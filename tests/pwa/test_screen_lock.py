"""The phone's own screen lock instead of the PIN (WebAuthn with the PRF extension), on
Chromium's virtual authenticator: offered in Settings, it opens the diary after a
restart; the PIN keeps working; a phone that did not check the person opens nothing."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, CDPSession, Page, expect
from test_app_lock import PIN, check_screen, locked_patient, sign_in_and_set_pin

from conftest import PORT, Server, screenshot

# WebAuthn needs a domain for its relying party: the same server, named localhost.
LOCALHOST = f"http://localhost:{PORT}"


@pytest.fixture
def local(browser: Browser, live: Server) -> Iterator[BrowserContext]:
    ctx = browser.new_context(
        base_url=LOCALHOST, viewport={"width": 390, "height": 844}, locale="en-GB")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


def authenticator(context: BrowserContext, page: Page) -> tuple[CDPSession, str]:
    """A platform authenticator that checks the person and has PRF (hmac-secret)."""
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable")
    added = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "ctap2Version": "ctap2_1", "transport": "internal",
        "hasResidentKey": True, "hasUserVerification": True, "isUserVerified": True,
        "hasPrf": True, "automaticPresenceSimulation": True,
    }})
    return cdp, added["authenticatorId"]


def unlock_with_the_screen_lock(page: Page) -> None:
    page.get_by_role("button", name="Unlock with my phone's screen lock").click()


def test_the_phones_screen_lock_opens_the_diary_and_the_pin_stays(
    local: BrowserContext, live: Server
) -> None:
    who = locked_patient(live)
    page = local.new_page()
    cdp, device = authenticator(local, page)
    sign_in_and_set_pin(page, who)

    page.get_by_role("link", name="Settings", exact=True).click()
    section = page.locator("section", has=page.get_by_role("heading", name="App lock"))
    section.get_by_role("button", name="Use my phone's screen lock").click()
    expect(section).to_contain_text("Next time you can open diarycard with your phone's")
    expect(section.get_by_role("button", name="Stop using my phone's screen lock")).to_be_visible()
    check_screen(page, "settings with the screen lock on")
    assert len(cdp.send("WebAuthn.getCredentials", {"authenticatorId": device})["credentials"]) == 1

    page.reload()  # a restart: locked, and the screen lock offered before the PIN
    expect(page.get_by_role("heading", name="diarycard is locked")).to_be_visible()
    check_screen(page, "lock screen with the screen lock")
    page.emulate_media(color_scheme="dark")
    page.set_viewport_size({"width": 320, "height": 700})
    check_screen(page, "lock screen with the screen lock, dark, 320 px")
    screenshot(page, "screen-lock-dark-320")
    unlock_with_the_screen_lock(page)
    expect(page.get_by_role("heading", name="Settings and my data")).to_be_visible(timeout=20_000)

    # Again after another restart.
    page.reload()
    unlock_with_the_screen_lock(page)
    expect(page.get_by_role("heading", name="Settings and my data")).to_be_visible(timeout=20_000)

    # A phone that did not check who is holding it opens nothing; the PIN still does.
    cdp.send("WebAuthn.setUserVerified", {"authenticatorId": device, "isUserVerified": False})
    page.reload()
    unlock_with_the_screen_lock(page)
    expect(page.get_by_role("alert")).to_contain_text("did not open it")
    expect(page.get_by_role("heading", name="diarycard is locked")).to_be_visible()
    page.get_by_label("Your PIN").fill(PIN)
    page.get_by_role("button", name="Unlock", exact=True).click()
    expect(page.get_by_role("heading", name="Settings and my data")).to_be_visible(timeout=20_000)
