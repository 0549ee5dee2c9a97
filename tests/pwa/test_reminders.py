"""Reminders in the patient app, in Chromium: the Settings section asks the browser's
permission only after saying why and subscribes with the service's VAPID key (the push
service itself is not reachable from here, so the flow is followed up to that call); the
service worker shows a pushed reminder (delivered through DevTools) with only the neutral
words; the in-app reminder after a missed time; what iPhone users are told."""

from __future__ import annotations

import base64
import time
from datetime import UTC, datetime, timedelta

from playwright.sync_api import BrowserContext, Page, expect

from conftest import BASE, Patient, sign_in
from diarycard.reminders.deliver import notification

RECORD_CALLS = """
window.__calls = [];
if (window.Notification) {
  const ask = Notification.requestPermission.bind(Notification);
  Notification.requestPermission = (...a) => {
    window.__calls.push(["permission"]);
    return ask(...a);
  };
}
if (window.PushManager) {
  const subscribe = PushManager.prototype.subscribe;
  PushManager.prototype.subscribe = function (options) {
    window.__calls.push(["subscribe", options.userVisibleOnly,
                         Array.from(new Uint8Array(options.applicationServerKey))]);
    return subscribe.call(this, options);
  };
}
"""


def calls(page: Page) -> list[list[object]]:
    return page.evaluate("window.__calls")


def open_reminders(page: Page, change: bool = True) -> None:
    page.get_by_role("link", name="Settings", exact=True).click()
    page.get_by_role("heading", name="Reminders").wait_for()
    if change:
        page.get_by_role("button", name="Change reminders").click()
        page.get_by_label("Remind me to fill in my diary").wait_for()


def test_permission_is_asked_only_after_saying_why_then_subscribe_uses_our_key(
    context: BrowserContext, patient: Patient
) -> None:
    context.add_init_script(RECORD_CALLS)
    page = context.new_page()
    sign_in(page, patient)
    open_reminders(page)
    page.get_by_label("Remind me to fill in my diary").check()
    page.get_by_label("First time").fill("20:30")
    page.get_by_label("Third time (optional)").fill("08:15")
    page.get_by_label("Saturday").uncheck()
    page.get_by_label("A moment for you").check()
    assert calls(page) == []
    page.get_by_role("button", name="Save reminders").click()

    expect(page.get_by_text("One more step: notifications")).to_be_visible()
    expect(page.get_by_text("It never shows anything about your diary")).to_be_visible()
    assert calls(page) == []  # not asked yet: the patient has only just read why
    [row] = patient.query("SELECT * FROM reminder_settings WHERE patient_id = $1", patient.user_id)
    assert [t.strftime("%H:%M") for t in row["times"]] == ["08:15", "20:30"]
    assert list(row["days"]) == [1, 2, 3, 4, 5, 7] and row["wording"] == "moment"

    context.grant_permissions(["notifications"], origin=BASE)
    page.get_by_role("button", name="Allow notifications").click()
    page.wait_for_function("() => window.__calls.some((c) => c[0] === 'subscribe')", timeout=15_000)
    key = page.request.get("/api/v1/push/public-key").json()["public_key"]
    expected = list(base64.urlsafe_b64decode(key + "=" * (-len(key) % 4)))
    assert calls(page)[0] == ["permission"]
    assert calls(page)[1] == ["subscribe", True, expected]
    # No push service answers here: the patient is told, gently, and reminded in-app.
    expect(page.get_by_role("status").filter(has_text="remind you here in the app")).to_be_visible(
        timeout=25_000)


def test_a_pushed_reminder_is_shown_with_only_the_neutral_words(
    context: BrowserContext, patient: Patient
) -> None:
    context.grant_permissions(["notifications"], origin=BASE)
    page = context.new_page()
    sign_in(page, patient)
    cdp = context.new_cdp_session(page)
    registrations: list[dict[str, str]] = []
    cdp.on("ServiceWorker.workerRegistrationUpdated",
           lambda event: registrations.extend(event["registrations"]))
    cdp.send("ServiceWorker.enable")
    deadline = time.monotonic() + 10
    while not [r for r in registrations if r["scopeURL"] == f"{BASE}/"]:
        assert time.monotonic() < deadline, registrations
        page.wait_for_timeout(50)
    [ours] = [r for r in registrations if r["scopeURL"] == f"{BASE}/"]
    cdp.send("ServiceWorker.deliverPushMessage", {
        "origin": BASE, "registrationId": ours["registrationId"],
        "data": notification("moment").decode()})
    page.wait_for_function("""async () => {
        const r = await navigator.serviceWorker.ready;
        return (await r.getNotifications()).length > 0;
    }""", timeout=10_000)
    shown = page.evaluate("""async () => {
        const r = await navigator.serviceWorker.ready;
        return (await r.getNotifications()).map((n) =>
            ({ title: n.title, body: n.body, tag: n.tag, data: n.data }));
    }""")
    assert shown == [{"title": "diarycard", "body": "A moment for you", "tag": "reminder",
                      "data": "/"}]


def test_a_missed_reminder_is_shown_in_the_app_once(
    context: BrowserContext, patient: Patient
) -> None:
    due = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=30)
    patient.query(
        """INSERT INTO reminder_settings (patient_id, enabled, times) VALUES ($1, true, $2)""",
        patient.user_id, [due.time()])
    patient.query(
        """INSERT INTO reminder_slots (patient_id, local_day, local_time, due_at, outcome)
           VALUES ($1, $2, $3, $4, 'no_push')""",
        patient.user_id, due.date(), due.time(), due)
    page = context.new_page()
    sign_in(page, patient)
    nudge = page.locator(".reminder-nudge")
    expect(nudge).to_be_visible()
    expect(nudge).to_contain_text("diary reminder")
    page.get_by_role("link", name="Settings", exact=True).click()
    nudge.get_by_role("button", name="Not now").click()
    expect(nudge).to_have_count(0)
    # The dismissal is kept on the phone before the app is opened again.
    page.wait_for_function("""async () => {
        const { get } = await import('/shared/idb.js');
        return Boolean(await get('meta', 'reminder-seen'));
    }""")
    # Opened again: the app asks the server about reminders, gets the same missed one
    # back, and keeps quiet about it. Waiting for that answer (not for a fixed time).
    with page.expect_response(lambda r: r.url.endswith("/api/v1/me/reminders")) as asked:
        page.reload()
    assert asked.value.json()["unanswered"]["due_at"]
    page.get_by_role("heading", name="Settings and my data").wait_for()
    page.evaluate("""async () => {
        const { get } = await import('/shared/idb.js');
        await get('meta', 'reminder-seen');
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    }""")
    expect(page.locator(".reminder-nudge")).to_have_count(0)


def test_iphone_users_are_told_to_add_the_app_to_the_home_screen(
    context: BrowserContext, patient: Patient
) -> None:
    context.add_init_script("""Object.defineProperty(navigator, 'userAgent', { get: () =>
        'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 ' +
        '(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1' });""")
    page = context.new_page()
    sign_in(page, patient)
    open_reminders(page, change=False)
    expect(page.locator("[data-push=unavailable]")).to_contain_text("Add to Home Screen")


def test_the_patient_accepts_a_clinicians_suggestion_and_can_still_change_it(
    context: BrowserContext, patient: Patient
) -> None:
    [clinician] = patient.query(
        """INSERT INTO users (site_id, role, login, display_name)
           SELECT site_id, 'clinician', $2, 'Sam Carter' FROM users WHERE id = $1
           RETURNING id""", patient.user_id, f"sam-{patient.login}")
    patient.query(
        """INSERT INTO reminder_suggestions (patient_id, clinician_id, times, days)
           VALUES ($1, $2, ARRAY['09:00'::time, '19:30'::time], '{1,2,3,4,5}')""",
        patient.user_id, clinician["id"])
    page = context.new_page()
    sign_in(page, patient)
    open_reminders(page, change=False)
    offer = page.locator("[data-suggestion]")
    expect(offer).to_contain_text(
        "Sam Carter suggested reminders at 09:00 and 19:30, on "
        "Monday, Tuesday, Wednesday, Thursday, Friday. It is your choice.")
    offer.get_by_role("button", name="Use these times").click()
    expect(page.locator("[data-summary]")).to_have_text(
        "Reminders at 09:00 and 19:30, on Monday, Tuesday, Wednesday, Thursday, Friday.")
    page.get_by_role("button", name="Change reminders").click()
    expect(page.get_by_label("First time")).to_have_value("09:00")
    expect(page.get_by_label("Second time (optional)")).to_have_value("19:30")
    expect(page.locator("[data-suggestion]")).to_have_count(0)
    page.get_by_label("Second time (optional)").fill("")
    page.get_by_role("button", name="Save reminders").click()
    expect(page.get_by_role("status").filter(has_text="Saved.")).to_be_visible()
    [row] = patient.query("SELECT times FROM reminder_settings WHERE patient_id = $1",
                          patient.user_id)
    assert [t.strftime("%H:%M") for t in row["times"]] == ["09:00"]
