"""A large study's export as a background job: the fixed route answers 202 with the job's
Location, a real `diarycard worker` (pgqueuer) streams the export into stored chunks, the
researcher polls, then downloads exactly what a small study's export answers at once;
scoped to the study's site, audited."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

import asyncpg
import pytest
from litestar.testing import AsyncTestClient
from test_studies import enrol_body, setup

from diarycard.studies import exports
from factories import make_site, make_user, sign_in


async def test_a_large_study_is_exported_in_the_background_then_downloaded(
    client: AsyncTestClient, conn: asyncpg.Connection, db_url: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    p = await setup(conn, client)
    await sign_in(client, conn, p["researcher"])
    for n in range(3):
        patient = await make_user(conn, p["site"], "patient", f"exp.p{n}", f"Export P{n}")
        r = await client.put(f"/api/v1/studies/{p['study']}/participants/{patient}",
                             json=enrol_body(f"E-{n}"))
        assert r.status_code == 200
    base = f"/api/v1/studies/{p['study']}"
    at_once = {fmt: (await client.get(f"{base}/export", params={"format": fmt})).content
               for fmt in ("csv", "fhir")}

    monkeypatch.setattr(exports, "INLINE_MAX", 2)  # this study is now "large"
    queued = await client.get(f"{base}/export", params={"format": "csv"})
    assert queued.status_code == 202, queued.text
    location = queued.headers["location"]
    assert location == f"{base}/exports/{queued.json()['id']}"
    assert queued.json()["state"] == "queued" and queued.json()["download"] is None
    assert (await client.get(f"{location}/file")).status_code == 404  # not built yet
    started = await client.post(f"{base}/exports", params={"format": "fhir"})
    assert started.status_code == 202

    env = {**os.environ, "DATABASE_URL": db_url, "DIARYCARD_DATA_DIR": str(tmp_path),
           "DIARYCARD_LOG_LEVEL": "WARNING", "DIARYCARD_REMINDER_TICK": "0.5"}
    worker = subprocess.Popen([sys.executable, "-m", "diarycard", "worker"], env=env,
                              stderr=subprocess.PIPE)
    try:
        for _ in range(150):
            states = {(await client.get(url)).json()["state"]
                      for url in (location, started.headers["location"])}
            if states <= {"done", "failed"}:
                break
            await asyncio.sleep(0.2)
    finally:
        worker.send_signal(signal.SIGTERM)
        code = worker.wait(timeout=20)
    assert states == {"done"}, (states, worker.stderr.read().decode()[-2000:]
                                if worker.stderr else "")
    assert code == 0
    for url, fmt in ((location, "csv"), (started.headers["location"], "fhir")):
        job = (await client.get(url)).json()
        assert job["download"] == f"{url}/file" and job["rows"] > 3
        got = await client.get(job["download"])
        assert got.status_code == 200
        assert got.content == at_once[fmt], fmt  # the same export, whichever way it came
        assert job["bytes"] == len(got.content)
    assert "Export P" not in at_once["csv"].decode()
    assert await conn.fetchval("SELECT count(*) FROM audit_log WHERE action LIKE "
                               "'study.export.%'") == 4

    # Another site's researcher cannot see the job; a clinician cannot reach it at all.
    other = await make_site(conn)
    await sign_in(client, conn, await make_user(conn, other, "researcher", "exp.r2", "Rob"))
    assert (await client.get(location)).status_code == 404
    await sign_in(client, conn, p["clinician"])
    assert (await client.get(location)).status_code == 403
