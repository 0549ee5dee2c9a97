"""Writing while the app lock cannot open: after a restart with no signal the patient can
still write an entry from the lock screen. It is sealed to the drop box (nothing of it
readable in IndexedDB, nothing earlier shown), and once the signal is back and the PIN
opens the lock it reaches the server exactly once, however often it is sent."""

from __future__ import annotations

from playwright.sync_api import BrowserContext, Route, expect
from test_app_lock import PIN, check_screen, locked_patient, sign_in_and_set_pin

from conftest import Server, idb_dump, outbox_count, screenshot, wait_for
from factories import PASSWORD

EMOTION = "canary-feeling-4b7d"
URGE = "canary-urge-9e21"
NOTE = "canary-note-c03a"

BOXED = """async () => {
    const outbox = await import('/shared/outbox.js');
    const [record] = await outbox.records();
    let read;
    try { await outbox.bodyOf(record); read = 'read'; } catch (e) { read = e.name; }
    return { box: record.sealed.box, id: record.id, read };
}"""


def test_an_entry_written_locked_with_no_signal_is_sealed_then_sent_once_after_unlocking(
    context: BrowserContext, live: Server
) -> None:
    who = locked_patient(live)
    page = context.new_page()
    sign_in_and_set_pin(page, who)
    context.set_offline(True)
    page.reload()  # a restart with no signal: the lock cannot open
    expect(page.get_by_role("heading", name="diarycard is locked")).to_be_visible()
    page.get_by_label("Your PIN").fill(PIN)
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_role("alert")).to_contain_text("You can still write an entry now")

    page.get_by_role("link", name="Write an entry").click()
    expect(page.get_by_role("heading", name="Write an entry while locked")).to_be_visible()
    # The crisis plan stays one tap away; the patient's own table (diary data) is not shown.
    expect(page.get_by_role("link", name="Open my crisis plan (no PIN needed)")).to_be_visible()
    expect(page.locator(".row-button")).to_have_count(0)
    expect(page.locator("main")).to_contain_text("cannot be shown here")
    check_screen(page, "writing while locked")
    page.get_by_label("Acting on impulse").check()
    page.get_by_label("What were you feeling?").fill(EMOTION)
    page.get_by_label("What did you feel driven to do?").fill(URGE)
    page.get_by_label("A note for you and your clinician (optional)").fill(NOTE)
    page.get_by_label("I resisted it").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Saved and sealed")).to_be_visible()
    expect(page.locator("main")).to_contain_text("will be sent to your care team once you unlock")
    check_screen(page, "saved while locked")
    screenshot(page, "lock-write-saved")

    # Only sealed: no word of it anywhere in IndexedDB, and the phone cannot open it.
    dump = idb_dump(page)
    for canary in (EMOTION, URGE, NOTE):
        assert canary not in dump
    boxed = page.evaluate(BOXED)
    assert boxed["box"] == 1 and boxed["read"] == "Locked"

    page.get_by_role("link", name="Back to unlock").click()
    page.reload()  # restarted again, still no signal: it waits, and says so
    expect(page.get_by_role("heading", name="diarycard is locked")).to_be_visible()
    expect(page.locator("main")).to_contain_text("1 entry you wrote while locked is waiting")
    page.emulate_media(color_scheme="dark")
    page.set_viewport_size({"width": 320, "height": 700})
    check_screen(page, "lock screen with a sealed entry waiting, dark, 320 px")
    screenshot(page, "lock-write-waiting-dark-320")
    page.get_by_role("link", name="Write an entry").click()
    expect(page.get_by_role("heading", name="Write an entry while locked")).to_be_visible()
    check_screen(page, "writing while locked, dark, 320 px")
    page.get_by_role("link", name="Cancel").click()
    expect(page.get_by_role("heading", name="diarycard is locked")).to_be_visible()
    assert who.entries() == []

    # The signal is back, but the server's first answer is lost on the way: the phone
    # sends the same entry again, and the server keeps one.
    sends: list[int] = []

    def lose_the_first_answer(route: Route) -> None:
        sends.append(1)
        if len(sends) == 1:
            route.fetch()  # the server stores it ...
            route.abort()  # ... and the phone never hears
        else:
            route.continue_()

    context.route("**/api/v1/sync", lose_the_first_answer)
    context.set_offline(False)
    page.get_by_label("Your PIN").fill(PIN)
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_role("heading", name="Log an urge")).to_be_visible(timeout=20_000)
    assert wait_for(lambda: outbox_count(page) == 0, timeout=20)
    context.unroute("**/api/v1/sync")
    assert len(sends) >= 2
    stored = who.entries()
    assert [(str(r["id"]), r["emotion"], r["urge"], r["note"], r["version"]) for r in stored] == [
        (boxed["id"], EMOTION, URGE, NOTE, 1)]

    # A later restart and unlock sends nothing again.
    page.reload()
    page.get_by_label("Your PIN").fill(PIN)
    page.get_by_role("button", name="Unlock").click()
    expect(page.get_by_role("heading", name="Log an urge")).to_be_visible(timeout=20_000)
    expect(page.locator("main")).not_to_contain_text("waiting")
    assert outbox_count(page) == 0 and len(who.entries()) == 1


def test_an_entry_written_locked_survives_a_forgotten_pin(
    context: BrowserContext, live: Server
) -> None:
    """The PIN is forgotten after writing while locked: a password sign-in and a new PIN
    open the drop box too, and the entry reaches the server once, never lost."""
    who = locked_patient(live)
    page = context.new_page()
    sign_in_and_set_pin(page, who)
    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name="diarycard is locked")).to_be_visible()
    page.get_by_role("link", name="Write an entry").click()
    page.get_by_label("Acting on impulse").check()
    page.get_by_label("What were you feeling?").fill(EMOTION)
    page.get_by_label("I resisted it").check()
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_role("heading", name="Saved and sealed")).to_be_visible()
    page.get_by_role("link", name="Back to unlock").click()
    expect(page.locator("main")).to_contain_text("1 entry you wrote while locked is waiting")

    context.set_offline(False)
    page.get_by_role("link", name="Forgotten your PIN?").click()
    page.get_by_label("Your login").fill(who.login)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", name="Choose a new PIN")).to_be_visible()
    page.get_by_label("Choose a PIN").fill("1357")
    page.get_by_label("Type it again").fill("1357")
    page.get_by_role("button", name="Set my PIN").click()
    assert wait_for(lambda: [e["emotion"] for e in who.entries()] == [EMOTION], timeout=20)
    assert wait_for(lambda: outbox_count(page) == 0, timeout=20)
    assert len(who.entries()) == 1
