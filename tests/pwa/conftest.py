"""Browser tests of the patient app: Debian's Chromium driven by Playwright, against the
real app, served as `diarycard serve` serves it, on a port of its own and a database
cloned for this session.

One browser for the whole session; each test gets a fresh browser context (its own
cookies, IndexedDB and service worker) and its own patient, so tests share the server
safely. The server can be stopped and started again (the "nothing lost" test does).
"""

from __future__ import annotations

import itertools
import os
import re
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import asyncpg
import pytest
from playwright.sync_api import Browser, BrowserContext, Page

from browser_support import Server, chromium, free_port, run_async, scratch_database
from factories import PASSWORD, make_site, make_user

# A pair: test_update runs a second server on the next port.
PORT = free_port(8401, 8499, "DIARYCARD_PWA_TEST_PORT", pair=True)
BASE = f"http://127.0.0.1:{PORT}"
ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
_logins = itertools.count(1)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/pwa/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


_run = run_async  # the name the tests in this folder import


@pytest.fixture(scope="session")
def pwa_db(pg_url: str, template_db: str) -> Iterator[str]:
    with scratch_database(pg_url, template_db, f"dcpwa_{os.getpid()}") as url:
        yield url


@pytest.fixture(scope="session")
def server(pwa_db: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    running = Server(pwa_db, tmp_path_factory.mktemp("pwa-server"), port=PORT)
    running.start()
    yield running
    running.stop()


@pytest.fixture
def live(server: Server) -> Server:
    """The server, running (a test that stopped it must not leave it stopped)."""
    if server.process is None:
        server.start()
    return server


@pytest.fixture(scope="module")
def browser(server: Server, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    # After the server (and its database): Playwright keeps an event loop on this thread.
    # Per module, so it is gone again before the async tests collected after tests/pwa.
    with chromium(tmp_path_factory.mktemp("chromium-home")) as launched:
        yield launched


@pytest.fixture
def context(browser: Browser, live: Server) -> Iterator[BrowserContext]:
    ctx = browser.new_context(base_url=BASE, viewport={"width": 390, "height": 844}, locale="en-GB")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


class Patient:
    def __init__(self, user_id: UUID, login: str, db_url: str) -> None:
        self.user_id = user_id
        self.login = login
        self.db_url = db_url

    def query(self, sql: str, *args: object) -> list[asyncpg.Record]:
        async def go() -> list[asyncpg.Record]:
            conn = await asyncpg.connect(self.db_url)
            try:
                return list(await conn.fetch(sql, *args))
            finally:
                await conn.close()

        return _run(go())

    def entries(self) -> list[asyncpg.Record]:
        """This patient's live entries (not deleted), as the server holds them."""
        return self.query(
            "SELECT * FROM entries WHERE patient_id = $1 AND deleted_at IS NULL", self.user_id
        )


@pytest.fixture
def patient(live: Server) -> Patient:
    login = f"pwa-patient-{os.getpid()}-{next(_logins)}"

    async def seed() -> UUID:
        conn = await asyncpg.connect(live.db_url)
        try:
            site = await make_site(conn, "PWA test site")
            # The shared test site lets patients turn the app lock off, and `sign_in` does
            # so as a patient would; the lock's own tests use a site of their own.
            await conn.execute("UPDATE sites SET app_lock_optional = true WHERE id = $1", site)
            return await make_user(conn, site, "patient", login, "Alex")
        finally:
            await conn.close()

    return Patient(_run(seed()), login, live.db_url)


def sign_in(page: Page, patient: Patient) -> None:
    """Sign in through the app and wait until the service worker controls the page."""
    page.goto("/signin")
    page.get_by_label("Your login").fill(patient.login)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_response("**/api/v1/session") as answer:
        page.get_by_role("button", name="Sign in").click()
    reply = answer.value
    sent = reply.request.post_data_json
    if reply.status != 200:
        # Say everything that could explain it: what was sent, and the login's lock state.
        throttle = patient.query("SELECT * FROM login_throttle WHERE login = $1", patient.login)
        raise AssertionError(f"sign-in {reply.status}: sent {sent}, {throttle}, {reply.text()}")
    pass_lock_prompt(page)
    page.get_by_role("heading", name="Log an urge").wait_for()
    page.locator(".row-button").first.wait_for()  # the table arrived, and a copy is kept
    wait_controlled(page)


def pass_lock_prompt(page: Page) -> None:
    """After signing in: turn the app lock off (the test site allows it) when asked."""
    page.get_by_role("heading", name=re.compile("Log an urge|Keep your diary private")).wait_for()
    if page.get_by_role("heading", name="Keep your diary private").count():
        page.get_by_role("button", name="Turn the lock off").click()
        page.get_by_role("dialog").get_by_role("button", name="Turn the lock off").click()


def wait_controlled(page: Page) -> None:
    """Until the service worker controls the page (a predicate string would need eval,
    which the app's CSP rightly forbids)."""
    page.evaluate("""async () => {
        await navigator.serviceWorker.ready;
        if (!navigator.serviceWorker.controller) {
            await new Promise((r) =>
                navigator.serviceWorker.addEventListener("controllerchange", r, { once: true }));
        }
    }""")


@pytest.fixture
def page(context: BrowserContext, patient: Patient) -> Page:
    """A phone-sized page, signed in as `patient`, controlled by the service worker."""
    tab = context.new_page()
    sign_in(tab, patient)
    return tab


def wait_for(check, timeout: float = 10.0):  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.1)


def outbox_count(page: Page) -> int:
    return int(page.evaluate(
        "async () => (await (await import('/shared/outbox.js')).records()).length"
    ))


def log_with_note(page: Page, note: str) -> None:
    """The quick log of the first row, tried and resisted, with a note."""
    page.get_by_role("link", name="Log", exact=True).click()
    page.locator(".row-button").first.click()
    page.get_by_role("button", name="Yes, I tried it").click()
    page.get_by_text("Add more detail (optional)").click()
    page.get_by_label("A note for you and your clinician (optional)").fill(note)
    page.get_by_role("button", name="I resisted it").click()
    page.get_by_role("heading", name="Saved").wait_for()


def idb_dump(page: Page) -> str:
    """Everything in the app's IndexedDB as text, bytes included: what a copy of the
    phone's storage would show."""
    return str(page.evaluate("""async () => {
        const { all } = await import('/shared/idb.js');
        const text = (v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v)
            ? String.fromCharCode(...new Uint8Array(v.buffer || v)) : v;
        const out = [];
        for (const store of ['outbox', 'copies', 'meta']) {
            out.push(JSON.stringify(await all(store), (k, v) => text(v)));
        }
        return out.join('\\n');
    }"""))


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def copy_server(pwa_db: str, tmp_path: Path, live: Server) -> Iterator[Server]:
    """The app serving its own copy of pwa/, which the test then changes."""
    pwa = tmp_path / "pwa"
    shutil.copytree(ROOT / "pwa", pwa, ignore=shutil.ignore_patterns("review"))
    data = tmp_path / "data"
    data.mkdir()
    server = Server(pwa_db, data, port=PORT + 1, pwa_dir=pwa)
    server.start()
    yield server
    server.stop()


def release_new_version(server: Server, version: str) -> None:
    """Change the copy of pwa/ that `server` serves as a release would: a new VERSION in
    shell-files.js and the matching "Shell version" line in sw.js."""
    root = Path(str(server.pwa_dir))
    files = root / "shared" / "shell-files.js"
    files.write_text(re.sub(r'VERSION = "[^"]+"', f'VERSION = "{version}"', files.read_text()))
    worker = root / "sw.js"
    worker.write_text(re.sub(r"// Shell version \w+:", f"// Shell version {version}:",
                             worker.read_text()))


def check_for_update(page: Page) -> None:
    """Ask the service worker registration to look for a new version now.

    A release changes sw.js too (its "Shell version" line); tests that fake a release
    must do the same, like `release_new_version` below."""
    # Chromium answers an update check made within seconds of the first install with
    # "cannot be started" (up to about 5 s here); the app checks again on later visits,
    # so do we, for up to 12 s.
    page.evaluate("""async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        for (let attempt = 0; ; attempt++) {
            try {
                return await registration.update();
            } catch (error) {
                if (attempt === 40) throw error;
                await new Promise((r) => setTimeout(r, 300));
            }
        }
    }""")
