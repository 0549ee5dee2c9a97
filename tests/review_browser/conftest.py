"""Browser tests of the clinician review app: Debian's Chromium driven by Playwright
against the real app in a granian process on a free port of 8601-8699, on a database
cloned for this session and seeded with one clinician's small caseload."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from uuid import UUID

import asyncpg
import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from review_pages import HOSTILE, Caseload

from diarycard.auth.sessions import create_session
from diarycard.db.database import with_database
from factories import assign, make_site, make_user


def _pick_port() -> int:
    """A port of 8601-8699 that nobody listens on. Granian binds with port reuse, so a
    second test run on the same port would quietly answer some of our requests from its
    own database: never share one."""
    if os.environ.get("DIARYCARD_REVIEW_TEST_PORT"):
        return int(os.environ["DIARYCARD_REVIEW_TEST_PORT"])
    first = os.getpid() % 99
    for step in range(99):
        port = 8601 + (first + step) % 99
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port in 8601-8699")


PORT = _pick_port()
BASE = f"http://127.0.0.1:{PORT}"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/review_browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _run(coro: Any) -> Any:
    # In a thread of its own: Playwright's sync API keeps an event loop on this one.
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def _admin(url: str, sql: str) -> None:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(sql)
    finally:
        await conn.close()


async def _entry(conn: asyncpg.Connection, patient: UUID, when: datetime, n: int,
                 **fields: Any) -> None:
    columns = {"id": UUID(int=n), "patient_id": patient, "occurred_at": when,
               "occurred_offset": int((when.utcoffset() or timedelta()).total_seconds()),
               "category": "action", "body_hash": n.to_bytes(32, "big"), **fields}
    marks = ", ".join(f"${i}" for i in range(1, len(columns) + 1))
    await conn.execute(f"INSERT INTO entries ({', '.join(columns)}) VALUES ({marks})",
                       *columns.values())


async def _seed(url: str) -> Caseload:
    conn = await asyncpg.connect(url)
    try:
        site = await make_site(conn, "Review test site")
        ward = await make_user(conn, site, "clinician", "dr.ward", "Dr Ward")
        amy = await make_user(conn, site, "patient", "amy", "Amy Jones")
        ben = await make_user(conn, site, "patient", "ben", "Ben Cole")
        for patient in (amy, ben):
            await assign(conn, ward, patient)
        now = datetime.now(UTC)
        last = now - timedelta(days=6)
        for status, when in (("attended", last), ("not_attended", now - timedelta(days=2))):
            await conn.execute(
                "INSERT INTO appointments (patient_id, site_id, clinician_id, starts_at, status)"
                " VALUES ($1, $2, $3, $4, $5)", ben, site, ward, when, status)
        await conn.execute(
            "INSERT INTO appointments (patient_id, site_id, clinician_id, starts_at, status)"
            " VALUES ($1, $2, $3, $4, 'attended')", amy, site, ward, last)
        bst = timezone(timedelta(hours=1))
        feelings = [("boredom", "get drunk", "meet friends", "resisted"),
                    ("loneliness", "text my ex", "stop, think", "acted"),
                    ("anger", "shout at someone", "walk away", "resisted"),
                    ("boredom", "spend money", "meet friends", "partly")]
        for i in range(12):
            emotion, urge, helpful, outcome = feelings[i % 4]
            await _entry(conn, amy, (now - timedelta(days=5, hours=-10 * i)).astimezone(bst),
                         100 + i, category=("action", "not_planning", "not_attending")[i % 3],
                         emotion=emotion, emotion_intensity=3 + i % 6, urge=urge,
                         urge_strength=4 + i % 6, helpful_response=helpful, outcome=outcome,
                         risk_self_harm=(7 if i == 5 else None),
                         risk_substance_use=(True if i == 8 else None),
                         note=HOSTILE if i == 11 else None)
        await _entry(conn, ben, now - timedelta(days=4), 200, emotion="emptiness",
                     urge_strength=6, outcome="acted")
        return Caseload("dr.ward", amy, ben)
    finally:
        await conn.close()


@pytest.fixture(scope="session")
def review_db(pg_url: str, template_db: str) -> Iterator[str]:
    name = f"dcreview_{os.getpid()}"
    _run(_admin(pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    _run(_admin(pg_url, f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"'))
    yield with_database(pg_url, name)
    _run(_admin(pg_url, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture(scope="session")
def caseload(review_db: str) -> Caseload:
    seeded: Caseload = _run(_seed(review_db))
    return seeded


@pytest.fixture(scope="session")
def server(review_db: str, caseload: Caseload,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data_dir = tmp_path_factory.mktemp("review-server")
    env = {**os.environ, "DATABASE_URL": review_db, "DIARYCARD_PUBLIC_URL": BASE,
           "DIARYCARD_DATA_DIR": str(data_dir), "DIARYCARD_LOG_LEVEL": "WARNING",
           "DIARYCARD_POOL_MAX": "4"}
    granian = Path(sys.executable).with_name("granian")
    log = (data_dir / "server.log").open("ab")
    process = subprocess.Popen(
        [str(granian), "--interface", "asgi", "--factory", "--host", "127.0.0.1",
         "--port", str(PORT), "--workers", "1", "--no-access-log",
         "diarycard.asgi:app_from_env"], env=env, stdout=subprocess.DEVNULL, stderr=log)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                # Ready, and still ours: a server that lost the port race has exited.
                if (httpx.get(f"{BASE}/readyz", timeout=1).status_code == 200
                        and process.poll() is None):
                    break
            except httpx.HTTPError:
                pass
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError((data_dir / "server.log").read_text()[-2000:])
            time.sleep(0.1)
        yield BASE
    finally:
        process.terminate()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def browser(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    # Per module: Playwright's sync API holds an event loop on this thread while it runs,
    # and the async tests collected after this folder need it gone.
    os.environ["HOME"] = str(tmp_path_factory.mktemp("chromium-home"))
    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture
def context(browser: Browser, server: str) -> Iterator[BrowserContext]:
    ctx = browser.new_context(base_url=server, viewport={"width": 1280, "height": 900},
                              locale="en-GB", timezone_id="Europe/London")
    ctx.set_default_timeout(10_000)
    yield ctx
    ctx.close()


@pytest.fixture
def page(context: BrowserContext, review_db: str, server: str) -> Page:
    """Signed in as Dr Ward: a session made directly (a TOTP code works only once, so
    only the sign-in test uses the form), its cookie and CSRF token given to the page."""

    async def new_session() -> tuple[str, str]:
        conn = await asyncpg.connect(review_db)
        try:
            user = await conn.fetchval("SELECT id FROM users WHERE login = 'dr.ward'")
            made = await create_session(conn, user, "clinician", "playwright")
            return made.token, made.csrf_token
        finally:
            await conn.close()

    token, csrf = _run(new_session())
    context.add_cookies([{"name": "diarycard", "value": token, "url": server}])
    stored = json.dumps({"csrf_token": csrf, "display_name": "Dr Ward", "role": "clinician"})
    context.add_init_script(
        f"sessionStorage.setItem('diarycard-review-session', {json.dumps(stored)});")
    tab = context.new_page()
    tab.goto("/review")
    tab.get_by_role("heading", name="Your caseload").wait_for()
    return tab
