"""The reminder worker runs inside `diarycard serve` (and `--no-worker` leaves it out, for
deployments that run `diarycard worker` on its own)."""

from __future__ import annotations

import argparse
import os
import signal
import socket
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import asyncpg
from push_service import wait_for

from diarycard.cli import WORKER_COMMAND, serve_commands
from factories import make_site, make_user


def test_no_worker_leaves_the_worker_out() -> None:
    args = argparse.Namespace(host="127.0.0.1", port=8000, workers=1, no_worker=False)
    assert serve_commands(args)[1] == WORKER_COMMAND
    assert WORKER_COMMAND not in serve_commands(argparse.Namespace(**{**vars(args),
                                                                      "no_worker": True}))


async def test_serve_runs_the_scheduler(
    conn: asyncpg.Connection, db_url: str, tmp_path: Path
) -> None:
    alex = await make_user(conn, await make_site(conn), "patient", "alex")
    now_here = datetime.now(ZoneInfo("Europe/London")).strftime("%H:%M")
    await conn.execute(
        "INSERT INTO reminder_settings (patient_id, enabled, times) VALUES ($1, true, $2)",
        alex, [datetime.strptime(now_here, "%H:%M").time()])
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "DATABASE_URL": db_url, "DIARYCARD_DATA_DIR": str(tmp_path),
           "DIARYCARD_REMINDER_TICK": "0.3", "DIARYCARD_LOG_LEVEL": "WARNING"}
    serve = subprocess.Popen(
        [sys.executable, "-m", "diarycard", "serve", "--port", str(port)], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        async def decided() -> bool:
            return bool(await conn.fetchval("SELECT count(*) FROM reminder_slots"))
        await wait_for(decided, timeout=30)
    finally:
        serve.send_signal(signal.SIGTERM)
        assert serve.wait(timeout=30) == 0
    # No phone subscribed: the app will remind them in-app.
    assert await conn.fetchval("SELECT outcome FROM reminder_slots") == "no_push"
