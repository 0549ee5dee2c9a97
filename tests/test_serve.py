"""`diarycard serve` as a newcomer runs it: embedded PostgreSQL, real HTTP server, and a
clean stop on every way out (SIGTERM, Ctrl-C, and a new start after a SIGKILL)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import psutil
import pytest

pytestmark = pytest.mark.slow
BIN = Path(sys.executable).with_name("diarycard")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _env(data_dir: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["DIARYCARD_DATA_DIR"] = str(data_dir)
    return env


def _postgres_for(data_dir: Path) -> list[psutil.Process]:
    found = []
    for proc in psutil.process_iter(["name", "cmdline"]):
        cmdline = proc.info["cmdline"] or []
        if proc.info["name"] == "postgres" and any(str(data_dir) in part for part in cmdline):
            found.append(proc)
    return found


def _start(data_dir: Path, port: int) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [str(BIN), "serve", "--port", str(port)],
        env=_env(data_dir), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        assert proc.poll() is None, proc.communicate()
        time.sleep(0.2)
    proc.kill()
    raise AssertionError("serve did not become ready")


def _wait_gone(data_dir: Path, seconds: float = 15) -> list[psutil.Process]:
    deadline = time.monotonic() + seconds
    while _postgres_for(data_dir) and time.monotonic() < deadline:
        time.sleep(0.2)
    return _postgres_for(data_dir)


@contextmanager
def _serving(data_dir: Path) -> Iterator[int]:
    """`diarycard serve` on a free port, stopped with SIGTERM afterwards."""
    port = _free_port()
    proc = _start(data_dir, port)
    try:
        yield port
    finally:
        proc.send_signal(signal.SIGTERM)
        proc.communicate(timeout=30)


@pytest.fixture
def data_dir(embedded_dir: Path) -> Iterator[Path]:
    yield embedded_dir
    for proc in _postgres_for(embedded_dir):  # never leave a server behind, even on failure
        proc.kill()


def test_serve_prints_the_url_and_sigterm_stops_everything(data_dir: Path) -> None:
    port = _free_port()
    proc = _start(data_dir, port)
    page = httpx.get(f"http://127.0.0.1:{port}/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "server" not in page.headers  # no product or version

    # Other commands share the running embedded server.
    migrated = subprocess.run([str(BIN), "migrate"], env=_env(data_dir), capture_output=True,
                              text=True, timeout=60)
    assert migrated.returncode == 0 and "Database is up to date." in migrated.stdout
    assert httpx.get(f"http://127.0.0.1:{port}/readyz").status_code == 200

    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=30)
    assert f"http://127.0.0.1:{port}/" in out
    assert _wait_gone(data_dir) == []


def test_ctrl_c_stops_everything(data_dir: Path) -> None:
    proc = _start(data_dir, _free_port())
    proc.send_signal(signal.SIGINT)
    proc.communicate(timeout=30)
    assert _wait_gone(data_dir) == []


def test_a_new_serve_after_sigkill_works_and_stops_the_server(data_dir: Path) -> None:
    port = _free_port()
    first = _start(data_dir, port)
    first.kill()
    first.communicate(timeout=10)
    # The HTTP server dies with its parent; PostgreSQL is left for the next start to adopt.
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=0.5)
        except httpx.TransportError:
            break
        time.sleep(0.2)
    else:
        raise AssertionError("the HTTP server outlived its killed parent")

    second = _start(data_dir, port)
    second.send_signal(signal.SIGTERM)
    second.communicate(timeout=30)
    assert _wait_gone(data_dir) == []


def test_data_survives_a_restart(data_dir: Path) -> None:
    port = _free_port()
    proc = _start(data_dir, port)
    env = _env(data_dir)
    marker = "diarycard-restart-check"
    script = (
        "import asyncio, asyncpg, sys\n"
        "from diarycard.db.database import database_url\n"
        "from diarycard.settings import load_settings\n"
        "async def go(url):\n"
        "    c = await asyncpg.connect(url)\n"
        "    await c.execute(\"INSERT INTO sites (name) VALUES "
        f"('{marker}') ON CONFLICT DO NOTHING\")\n"
        "    await c.close()\n"
        "with database_url(load_settings()) as url: asyncio.run(go(url))\n"
    )
    subprocess.run([sys.executable, "-c", script], env=env, check=True, timeout=60)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)
    assert _wait_gone(data_dir) == []

    proc = _start(data_dir, port)
    check = script.replace("INSERT INTO sites (name) VALUES", "SELECT 1 FROM sites WHERE name =")
    check = check.replace(f"('{marker}') ON CONFLICT DO NOTHING", f"'{marker}'")
    check = check.replace("await c.execute(", "assert await c.fetchval(")
    subprocess.run([sys.executable, "-c", check], env=env, check=True, timeout=60)
    proc.send_signal(signal.SIGTERM)
    proc.communicate(timeout=30)


def test_a_chunked_body_over_the_limit_is_refused_while_streaming(data_dir: Path) -> None:
    with _serving(data_dir) as port:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
            sock.sendall(
                b"POST /api/v1/session HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Origin: http://127.0.0.1\r\n"  # else refused before the body is read
                b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
            )
            chunk = b"a" * 8192
            answer = b""
            try:
                for _ in range(64):  # 512 KiB, far over the 64 KiB limit
                    sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            except (BrokenPipeError, ConnectionResetError):
                pass  # the server stopped reading: that is the point
            sock.settimeout(10)
            try:
                answer = sock.recv(4096)
            except ConnectionResetError:
                pass
        assert answer.startswith(b"HTTP/1.1 413"), answer[:200]
