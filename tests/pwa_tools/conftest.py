"""Browser fixtures for the tools: those of tests/pwa/conftest.py, loaded again on a port
and database of our own, so both folders can run in one session without sharing a server.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from browser_support import free_port, scratch_database

_PORT_VAR = "DIARYCARD_PWA_TEST_PORT"


def _load_pwa_fixtures():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "pwa_fixtures_for_tools", Path(__file__).parents[1] / "pwa" / "conftest.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    before = os.environ.get(_PORT_VAR)
    os.environ[_PORT_VAR] = str(free_port(8501, 8599, "DIARYCARD_PWA_TOOLS_TEST_PORT", pair=True))
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
    with scratch_database(pg_url, template_db, f"dctools_{os.getpid()}") as url:
        yield url
