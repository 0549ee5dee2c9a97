"""The API attacked on every run: schemathesis generates requests from the app's own
OpenAPI document (schemas/openapi.json, which test_contracts keeps equal to the app's)
and sends each one, as a signed-in patient, clinician and admin, to the real server
(`diarycard serve`'s server, on a scratch database).

Every answer must be: not a 5xx; a status the document lists for the route; a content
type it lists; a body that matches its schema; and application/problem+json for every
4xx. A fixed seed keeps runs repeatable. DIARYCARD_FUZZ_EXAMPLES sets the examples per
route (the CI budget by default; bench/fuzz_long.py runs many more).

Routes that end the fuzzer's own session (signing out) get a fresh, throwaway session
for each request, so they are attacked like the rest without signing the others out.
"""

from __future__ import annotations

import asyncio
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import asyncpg
import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, seed, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from access_world import ACTORS, World, seed_world, session_headers
from browser_support import Server, free_port, scratch_database

SCHEMA = Path(__file__).resolve().parents[1] / "schemas" / "openapi.json"
EXAMPLES = int(os.environ.get("DIARYCARD_FUZZ_EXAMPLES", "12"))
FUZZED_AS = ("P1", "C1", "A1")
# Requests that end the session they are sent with.
SESSION_ENDING = {("DELETE", "/api/v1/session")}
REAL_IDS = {"patient_id": "P1", "user_id": "P2", "clinician_id": "C2"}

schema = schemathesis.openapi.from_path(SCHEMA)
# The API only; the PWA's pages and /schema are plain files.
schema = schema.include(path_regex=r"^/api/")
# Generated cases only (hypothesis, valid and invalid): the coverage phase's thousands of
# boundary cases would not fit the CI budget; the long run in bench/ includes it.
schema.config.phases.update(phases=os.environ.get(
    "DIARYCARD_FUZZ_PHASES", "examples,fuzzing").split(","))


@dataclass
class Target:
    base: str
    db_url: str
    world: World
    headers: dict[str, dict[str, str]] = field(default_factory=dict)
    http: requests.Session = field(default_factory=requests.Session)
    counts: dict[str, int] = field(default_factory=dict)

    def fresh(self, actor: str) -> dict[str, str]:
        headers = asyncio.run(_session(self.db_url, self.world, actor))
        # Plain http on this machine: the cookie has no __Host- prefix (see principal.py).
        headers["cookie"] = headers["cookie"].replace("__Host-diarycard=", "diarycard=")
        return headers


async def _session(db_url: str, world: World, actor: str) -> dict[str, str]:
    conn = await asyncpg.connect(db_url)
    try:
        return await session_headers(conn, world, actor)
    finally:
        await conn.close()


async def _seed(db_url: str) -> World:
    conn = await asyncpg.connect(db_url)
    try:
        return await seed_world(conn)
    finally:
        await conn.close()


@pytest.fixture(scope="module")
def target(pg_url: str, template_db: str, tmp_path_factory: pytest.TempPathFactory
           ) -> Iterator[Target]:
    name = f"dct_fuzz_{os.getpid()}"
    with scratch_database(pg_url, template_db, name) as url:
        world = asyncio.run(_seed(url))
        port = free_port(8800, 8899, "DIARYCARD_TEST_FUZZ_PORT")
        server = Server(url, tmp_path_factory.mktemp("fuzz"), port)
        with server.running():
            found = Target(server.base, url, world)
            found.headers = {actor: found.fresh(actor) for actor in FUZZED_AS}
            yield found
            counts = ", ".join(f"{k}: {v}" for k, v in sorted(found.counts.items()))
            print(f"\nfuzz requests by status ({EXAMPLES} examples per route): {counts}")


@schemathesis.check
def problem_json_on_4xx(ctx: Any, response: Any, case: schemathesis.Case) -> bool | None:
    """Every 4xx is application/problem+json with the status and a detail."""
    if 400 <= response.status_code < 500:
        media = response.headers.get("content-type", [""])
        media = media[0] if isinstance(media, list) else media
        assert media.startswith("application/problem+json"), f"4xx as {media}"
        body = response.json()
        assert body["status"] == response.status_code and body["detail"], body
    return None


CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_schema_conformance, problem_json_on_4xx]


@schema.parametrize()
@seed(16)
@settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
          suppress_health_check=list(HealthCheck))
def test_the_api_answers_every_generated_request_as_documented(
    case: schemathesis.Case, target: Target
) -> None:
    ending = (case.method.upper(), case.path) in SESSION_ENDING
    # Random ids only ever find nothing (404): real people in most cases reach the code
    # behind the care-team check. P1 is C1's patient at A1's site.
    for name, actor in REAL_IDS.items():
        if name in (case.path_parameters or {}) and zlib.crc32(repr(case.body).encode()) % 4:
            case.path_parameters[name] = str(target.world.ids[actor])
    for actor in FUZZED_AS:
        headers = dict(target.fresh(actor) if ending else target.headers[actor])
        headers["origin"] = target.base
        response = case.call(base_url=target.base, headers=headers, session=target.http,
                             timeout=30)
        key = f"{response.status_code // 100}xx"
        target.counts[key] = target.counts.get(key, 0) + 1
        case.validate_response(response, checks=CHECKS)


def test_every_fuzzed_actor_is_a_real_role() -> None:
    assert {ACTORS[a][0] for a in FUZZED_AS} == {"patient", "clinician", "admin"}
