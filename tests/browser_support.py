"""What the browser tests share: the real app in a server process (as `diarycard serve`
starts it), Debian's Chromium,
a scratch database per folder, and a way to run async set-up code beside Playwright."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import subprocess
import time
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import httpx
from playwright.sync_api import Browser, BrowserContext, sync_playwright

from diarycard.db.database import with_database
from diarycard.server import server_command
from factories import as_app
from pseudo_words import NOT_FROM_CATALOGUE, OVERFLOW

T = TypeVar("T")

# Flags checked on this kind of machine (see ../shared/stack-notes.md).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def run_async(coro: Coroutine[Any, Any, T]) -> T:
    """Run `coro` to the end in a thread of its own: Playwright's sync API keeps an event
    loop on the main thread."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


@contextmanager
def chromium(home: Path) -> Iterator[Browser]:
    """Debian's Chromium, headless. Use it per module: while it runs, the asyncio tests
    collected after the module cannot have the main thread's event loop."""
    os.environ["HOME"] = str(home)
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@contextmanager
def desktop_context(browser: Browser, base_url: str) -> Iterator[BrowserContext]:
    """A clinician's desk: a wide window, British English, London time."""
    context = browser.new_context(base_url=base_url, viewport={"width": 1280, "height": 900},
                                  locale="en-GB", timezone_id="Europe/London")
    context.set_default_timeout(10_000)
    try:
        yield context
    finally:
        context.close()


async def _admin(url: str, sql: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


@contextmanager
def scratch_database(pg_url: str, template: str, name: str) -> Iterator[str]:
    """A migrated database named `name`, cloned from the template and dropped afterwards."""
    run_async(_admin(pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    run_async(_admin(pg_url, f'CREATE DATABASE "{name}" TEMPLATE "{template}"'))
    try:
        yield with_database(pg_url, name)
    finally:
        run_async(_admin(pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


class Server:
    """The real app in a server process, which a test may stop and start again."""

    def __init__(
        self, db_url: str, data_dir: Path, port: int, pwa_dir: Path | None = None,
        env: dict[str, str] | None = None,
    ) -> None:
        self.env = env or {}
        self.db_url = db_url
        self.data_dir = data_dir
        self.port = port
        self.base = f"http://127.0.0.1:{port}"
        self.pwa_dir = pwa_dir
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        env = {
            **os.environ,
            "DATABASE_URL": as_app(self.db_url),
            "DIARYCARD_PUBLIC_URL": self.base,
            "DIARYCARD_DATA_DIR": str(self.data_dir),
            "DIARYCARD_LOG_LEVEL": "WARNING",
            "DIARYCARD_POOL_MAX": "4",
        }
        if self.pwa_dir:
            env["DIARYCARD_PWA_DIR"] = str(self.pwa_dir)
        env.update(self.env)
        self.process = subprocess.Popen(
            server_command("127.0.0.1", self.port),
            env=env, stdout=subprocess.DEVNULL, stderr=(self.data_dir / "server.log").open("ab"),
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                # Ready, and still ours: a server that lost a race for the port has exited.
                ready = httpx.get(f"{self.base}/readyz", timeout=1).status_code == 200
                if ready and self.process.poll() is None:
                    return
            except httpx.HTTPError:
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.1)
        self.stop()
        raise RuntimeError((self.data_dir / "server.log").read_text()[-2000:])

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    @contextmanager
    def running(self) -> Iterator[Server]:
        self.start()
        try:
            yield self
        finally:
            self.stop()


def free_port(first: int, last: int, env: str, pair: bool = False) -> int:
    """A port in [first, last] that nobody listens on (and the next one too, with `pair`),
    unless `env` names one. A server that shares a port it can reuse would let two test
    sessions on one port quietly answer each other's requests from the wrong database."""
    if os.environ.get(env):
        return int(os.environ[env])
    span = last - first + 1
    start = os.getpid() % span
    for step in range(span):
        port = first + (start + step) % span
        if _is_free(port) and (not pair or (port < last and _is_free(port + 1))):
            return port
    raise RuntimeError(f"no free port in {first}-{last}")


def _is_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


PLACEHOLDER_WORDS = re.compile(r"\b(null|undefined|NaN)\b")


def assert_no_placeholder_words(page: Any, where: str = "") -> None:
    """A missing value must never reach a screen as "null", "undefined" or "NaN": a
    clinician could read it as a value, a patient as a fault (hazard H-003)."""
    text = page.locator("body").inner_text()
    found = [text[max(0, m.start() - 120):m.end() + 40] for m in PLACEHOLDER_WORDS.finditer(text)]
    assert not found, f"{where or page.url} shows a placeholder word in: {found}"


def cached_urls(page: Any) -> list[str]:
    """Every URL the service worker's caches hold, across all its caches."""
    return list(page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            for (const req of await (await caches.open(name)).keys()) urls.push(req.url);
        }
        return urls;
    }"""))


def caches_hold(page: Any, text: str) -> bool:
    """Whether any response in the service worker's caches contains `text` (health data
    must never be there: it lives sealed in IndexedDB)."""
    return bool(page.evaluate("""async (text) => {
        for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
                if ((await (await cache.match(request)).text()).includes(text)) return true;
            }
        }
        return false;
    }""", text))


def assert_pseudo_locale(page: Any, name: str, allowed: list[str]) -> None:
    """The screen is in en-XA with no text outside the catalogue (but `allowed`, the
    person's own data), no sideways scroll at this width and no placeholder word."""
    page.locator("main h1, main h2").first.wait_for(state="visible")
    assert page.evaluate("() => document.documentElement.lang") == "en-XA", name
    # The one check the staff apps' walks use too; language names are each in their own
    # language (autonyms), never translated.
    stray = page.evaluate(NOT_FROM_CATALOGUE, {"data": allowed, "exempt": "#language"})
    assert stray == [], f"{name}: text not from the catalogue: {stray}"
    assert page.evaluate(OVERFLOW) <= 0, f"{name}: scrolls sideways at this width in en-XA"
    assert_no_placeholder_words(page, name)
