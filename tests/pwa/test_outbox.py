"""The outbox in a real browser: nothing lost, nothing doubled; a 500 keeps an entry
queued, a 422 parks it where the patient can see it, a conflict can keep the patient's
version, a 401 waits for sign-in, and signing out never deletes anything silently."""

from __future__ import annotations

import time

import httpx
from playwright.sync_api import BrowserContext, Page, Route, expect

from conftest import (
    BASE,
    Patient,
    Server,
    idb_dump,
    log_with_note,
    outbox_count,
    screenshot,
    sign_in,
    wait_for,
)
from factories import PASSWORD


def log_familiar(page: Page, row: int, outcome: str = "I resisted it") -> None:
    """The three taps, from wherever the page is."""
    page.get_by_role("link", name="Log", exact=True).click()
    page.locator(".row-button").nth(row).click()
    page.get_by_role("button", name="Yes, I tried it").click()
    page.get_by_role("button", name=outcome).click()
    expect(page.get_by_role("heading", name="Saved")).to_be_visible()


def tried_since(page: Page, since: float) -> bool:
    """Every queued record was sent, failed and was given a later try (`next_at`, 0 until
    a send fails) after `since` (the page's clock): the sender ran and kept them all."""
    return page.evaluate("""async (since) => {
        const all = await (await import('/shared/outbox.js')).records();
        return all.length > 0 && all.every((r) =>
            r.state === "queued" && r.attempts >= 1 && r.next_at > since);
    }""", since)


def queued_ids(page: Page) -> list[str]:
    return page.evaluate("""async () =>
        (await (await import('/shared/outbox.js')).records()).map((r) => r.id)""")


def test_nothing_lost_nothing_doubled(
    context: BrowserContext, page: Page, patient: Patient, live: Server
) -> None:
    page.locator(".row-button").first.wait_for()
    rows = page.locator(".row-button").count()
    context.set_offline(True)
    for n in range(20):
        log_familiar(page, n % rows, "I acted on it" if n % 3 else "I resisted it")
    page.get_by_role("link", name="My diary", exact=True).click()
    cards = page.locator(".entry")
    expect(cards).to_have_count(20)
    expect(cards.first.get_by_text("Waiting to send")).to_be_visible()
    # Change three of them, and delete one (it never left the phone, so it just goes).
    edited = {}
    for n in (0, 5, 9):
        card = page.locator(".entry").nth(n)
        entry_id = card.get_attribute("data-entry")
        card.get_by_role("link", name="Change").click()
        note = f"Changed offline, number {n}"
        page.get_by_label("A note for you and your clinician (optional)").fill(note)
        page.get_by_role("button", name="Save changes").click()
        expect(page.get_by_role("heading", name="My diary")).to_be_visible()
        edited[entry_id] = note
    doomed = page.locator(".entry").nth(12)
    doomed_id = doomed.get_attribute("data-entry")
    doomed.get_by_role("button", name="Delete").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete it").click()
    expect(page.locator(".entry")).to_have_count(19)

    page.reload()  # still offline: served by the service worker, outbox from IndexedDB
    expect(page.get_by_role("link", name="Waiting to send: 19")).to_be_visible()
    expected = set(queued_ids(page))
    assert len(expected) == 19 and doomed_id not in expected and set(edited) <= expected
    assert patient.entries() == []

    live.stop()
    went_online = page.evaluate("Date.now()")
    context.set_offline(False)  # back online, but the server is down: all stays queued
    assert wait_for(lambda: tried_since(page, went_online), 15)
    assert outbox_count(page) == 19
    live.start()
    context.set_offline(True)
    context.set_offline(False)  # the `online` event drains the outbox
    assert wait_for(lambda: outbox_count(page) == 0, 15)

    stored = patient.entries()
    assert sorted(str(r["id"]) for r in stored) == sorted(expected)
    assert {str(r["id"]): r["note"] for r in stored if r["note"]} == edited
    assert all(r["version"] == 1 for r in stored)  # each edit went as the one first write
    expect(page.get_by_role("link", name="Waiting to send")).to_have_count(0)


def test_a_500_keeps_the_entry_queued(
    context: BrowserContext, page: Page, patient: Patient
) -> None:
    def broken(route: Route) -> None:
        route.fulfill(status=500, content_type="application/problem+json",
                      body='{"status": 500, "title": "Server error", "detail": "Try again"}')

    context.route("**/api/v1/sync", broken)  # the context's: it sees past the worker
    log_familiar(page, 0)
    expect(page.get_by_role("link", name="Waiting to send: 1")).to_be_visible()
    assert wait_for(lambda: tried_since(page, 0))  # the 500 came back and was handled
    assert outbox_count(page) == 1 and patient.entries() == []
    # Kept, and waiting its turn: a back-off of about a second after the first failure.
    state = page.evaluate("""async () => {
        const [r] = await (await import('/shared/outbox.js')).records();
        return { state: r.state, attempts: r.attempts, wait: r.next_at - Date.now() };
    }""")
    assert state["state"] == "queued" and state["attempts"] >= 1
    assert 0 < state["wait"] <= 1000 * 2 ** (state["attempts"] - 1)
    context.unroute("**/api/v1/sync")
    page.get_by_role("link", name="Waiting to send: 1").click()
    expect(page.get_by_text("Could not be sent yet")).to_be_visible()
    page.get_by_role("button", name="Try sending now").click()
    assert wait_for(lambda: len(patient.entries()) == 1)
    assert outbox_count(page) == 0


def test_a_422_parks_the_entry_visibly_until_the_patient_decides(
    page: Page, patient: Patient
) -> None:
    # An entry the server refuses (a score above 10), queued as an older app might have.
    page.evaluate("""async () => {
        const { saveEntry, localTimestamp } = await import('/page/entries.js');
        await saveEntry({ id: crypto.randomUUID(), occurred_at: localTimestamp(new Date()),
                          category: 'action', emotion: 'Anger', urge_strength: 11 });
    }""")
    link = page.get_by_role("link", name="Waiting to send: 1 (1 needs you)")
    expect(link).to_be_visible()
    link.click()
    item = page.locator(".waiting-item[data-state='rejected']")
    expect(item.get_by_text("The server could not accept this")).to_be_visible()
    expect(item.get_by_text("urge_strength")).to_be_visible()
    screenshot(page, "waiting")
    item.get_by_role("button", name="Delete it").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("button", name="Keep it").click()
    assert outbox_count(page) == 1
    page.locator(".waiting-item").get_by_role("button", name="Delete it").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete it").click()
    expect(page.get_by_text("Everything has been sent.")).to_be_visible()
    assert outbox_count(page) == 0 and patient.entries() == []


def test_a_conflict_can_keep_the_patients_version(
    context: BrowserContext, page: Page, patient: Patient
) -> None:
    log_familiar(page, 0)
    assert wait_for(lambda: len(patient.entries()) == 1)
    entry_id = str(patient.entries()[0]["id"])
    page.get_by_role("link", name="My diary", exact=True).click()
    expect(page.locator(".entry")).to_have_count(1)
    context.set_offline(True)
    page.get_by_role("link", name="Change").click()
    page.get_by_label("A note for you and your clinician (optional)").fill("Written on the phone")
    page.get_by_role("button", name="Save changes").click()
    # Meanwhile the same entry changes elsewhere (another device of the patient's).
    with httpx.Client(base_url=BASE, headers={"origin": BASE}) as other:
        signed = other.post("/api/v1/session", json={"login": patient.login, "password": PASSWORD})
        current = other.get(f"/api/v1/entries/{entry_id}").json()
        body = {k: current[k] for k in ("occurred_at", "category", "emotion", "urge", "outcome")}
        changed = other.put(f"/api/v1/entries/{entry_id}",
                            json={**body, "note": "Written elsewhere", "base_version": 1},
                            headers={"X-CSRF-Token": signed.json()["csrf_token"]})
        assert changed.status_code == 200
    context.set_offline(False)
    link = page.get_by_role("link", name="Waiting to send: 1 (1 needs you)")
    expect(link).to_be_visible()
    link.click()
    expect(page.get_by_text("This was changed somewhere else")).to_be_visible()
    page.get_by_role("button", name="Keep mine").click()
    assert wait_for(lambda: patient.entries()[0]["note"] == "Written on the phone")
    assert patient.entries()[0]["version"] == 3
    assert wait_for(lambda: outbox_count(page) == 0)


def test_an_expired_session_keeps_entries_until_signed_in_again(
    page: Page, patient: Patient
) -> None:
    patient.query("UPDATE sessions SET revoked_at = now() WHERE user_id = $1", patient.user_id)
    log_familiar(page, 0)
    signin = page.get_by_role("link", name="Please sign in again so your entries can be sent.")
    expect(signin).to_be_visible()
    assert outbox_count(page) == 1 and patient.entries() == []
    sign_in(page, patient)
    assert wait_for(lambda: len(patient.entries()) == 1)
    assert wait_for(lambda: outbox_count(page) == 0)


def test_unsent_entries_are_sealed_and_sign_out_warns_before_deleting_them(
    context: BrowserContext, page: Page, patient: Patient
) -> None:
    context.set_offline(True)
    canary = "canary-7f3a-plain-text"
    log_with_note(page, canary)
    log_familiar(page, 1)
    dump = idb_dump(page)
    assert canary not in dump and "Yes, I tried it" not in dump
    assert outbox_count(page) == 2

    page.get_by_role("link", name="Settings", exact=True).click()
    page.get_by_role("button", name="Sign out").click()
    dialog = page.get_by_role("dialog", name="2 entries have not been sent yet")
    expect(dialog).to_be_visible()
    screenshot(page, "sign-out-warning")
    dialog.get_by_role("button", name="Stay signed in").click()
    expect(page.get_by_text("You are still signed in. Nothing was deleted.")).to_be_visible()
    assert outbox_count(page) == 2
    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("dialog").get_by_role("button", name="Delete 2 and sign out").click()
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    left = page.evaluate("""async () => {
        const { all } = await import('/shared/idb.js');
        return { outbox: (await all('outbox')).length, copies: (await all('copies')).length,
                 meta: (await all('meta')).length };
    }""")
    # Signed out with no signal: only the note to end the server session later is left.
    assert left == {"outbox": 0, "copies": 0, "meta": 1}
    live_sessions = "SELECT count(*) FROM sessions WHERE user_id = $1 AND revoked_at IS NULL"
    assert patient.query(live_sessions, patient.user_id)[0][0] == 1
    context.set_offline(False)  # the signal returns: the server session ends too
    assert wait_for(lambda: patient.query(live_sessions, patient.user_id)[0][0] == 0)
    assert wait_for(lambda: page.evaluate(
        "async () => (await (await import('/shared/idb.js')).all('meta')).length") == 0)


def test_background_sync_sends_after_the_app_is_closed(
    context: BrowserContext, page: Page, patient: Patient
) -> None:
    context.set_offline(True)
    log_familiar(page, 0)
    assert outbox_count(page) == 1
    page.close()  # only the service worker is left to send it
    context.set_offline(False)
    assert wait_for(lambda: len(patient.entries()) == 1, 20)


def test_nothing_expires_after_fourteen_days_offline(
    context: BrowserContext, patient: Patient
) -> None:
    page = context.new_page()
    page.clock.install()  # the page's clock, which the test then moves on 14 days
    sign_in(page, patient)
    context.set_offline(True)
    log_familiar(page, 0)
    page.clock.fast_forward(14 * 24 * 60 * 60 * 1000)
    page.reload()
    expect(page.get_by_role("link", name="Waiting to send: 1")).to_be_visible()
    ahead = page.evaluate("Date.now()") - time.time() * 1000
    assert ahead > 13.9 * 24 * 60 * 60 * 1000  # the page believes a fortnight has passed
    context.set_offline(False)
    assert wait_for(lambda: len(patient.entries()) == 1, 15)
    assert wait_for(lambda: outbox_count(page) == 0)
