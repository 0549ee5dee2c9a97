"""Browser tests of the clinician review app: Debian's Chromium driven by Playwright
against the real app in a server process on a free port of 8601-8699, on a database
cloned for this session and seeded with one clinician's small caseload."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from typing import Any
from uuid import UUID

import asyncpg
import pytest
from playwright.sync_api import Browser, BrowserContext, Page
from review_pages import HOSTILE, Caseload

from browser_support import (
    Server,
    chromium,
    desktop_context,
    free_port,
    run_async,
    scratch_database,
)
from diarycard.auth.sessions import create_session
from factories import assign, make_site, make_user

PORT = free_port(8601, 8699, "DIARYCARD_REVIEW_TEST_PORT")
BASE = f"http://127.0.0.1:{PORT}"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/review_browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


_run = run_async  # the name this folder's tests import


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
    with scratch_database(pg_url, template_db, f"dcreview_{os.getpid()}") as url:
        yield url


@pytest.fixture(scope="session")
def caseload(review_db: str) -> Caseload:
    seeded: Caseload = _run(_seed(review_db))
    return seeded


@pytest.fixture(scope="session")
def server(review_db: str, caseload: Caseload,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with Server(review_db, tmp_path_factory.mktemp("review-server"), PORT).running() as app:
        yield app.base


@pytest.fixture(scope="module")
def browser(server: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    # Per module: Playwright's sync API holds an event loop on this thread while it runs,
    # and the async tests collected after this folder need it gone.
    with chromium(tmp_path_factory.mktemp("chromium-home")) as launched:
        yield launched


@pytest.fixture
def context(browser: Browser, server: str) -> Iterator[BrowserContext]:
    with desktop_context(browser, server) as ctx:
        yield ctx


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
