"""Browser fixtures for the tools: those of tests/pwa/conftest.py, loaded again on a port
and database of our own, so both folders can run in one session without sharing a server.
"""

from __future__ import annotations

import importlib.util
import os
import socket
from collections.abc import Iterator
from pathlib import Path

import asyncpg
import pytest
from tools_browser import run_async

from diarycard.db.database import with_database

_PORT_VAR = "DIARYCARD_PWA_TEST_PORT"


def _free_port() -> str:
    """A port of 8500-8599 nobody listens on: two test runs at once (two people, or CI and
    a person) must not find each other's server answering on a fixed port."""
    for port in range(8501, 8600):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return str(port)
    raise RuntimeError("no free port in 8501-8599 for the tools' browser tests")


def _load_pwa_fixtures():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "pwa_fixtures_for_tools", Path(__file__).parents[1] / "pwa" / "conftest.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    before = os.environ.get(_PORT_VAR)
    os.environ[_PORT_VAR] = os.environ.get("DIARYCARD_PWA_TOOLS_TEST_PORT") or _free_port()
    try:
        spec.loader.exec_module(module)
    finally:
        if before is None:
            os.environ.pop(_PORT_VAR, None)
        else:
            os.environ[_PORT_VAR] = before
    return module


pwa = _load_pwa_fixtures()
server = pwa.server
live = pwa.live
browser = pwa.browser
context = pwa.context
patient = pwa.patient
page = pwa.page


@pytest.fixture(scope="session")
def pwa_db(pg_url: str, template_db: str) -> Iterator[str]:
    """A database of our own (tests/pwa's is named after the process too)."""
    name = f"dctools_{os.getpid()}"

    async def admin(sql: str) -> None:
        conn = await asyncpg.connect(pg_url)
        try:
            await conn.execute(sql)
        finally:
            await conn.close()

    run_async(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    run_async(admin(f'CREATE DATABASE "{name}" TEMPLATE "{template_db}"'))
    yield with_database(pg_url, name)
    run_async(admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
