"""The compose topology, proved with real processes: three `diarycard serve` on one
PostgreSQL behind Debian's Caddy running deploy/Caddyfile as shipped. A session works on
every instance; 1,000 diary entries sent while one instance is killed arrive exactly once
(the client retries the way the PWA's outbox does); Caddy stops using the dead instance
within its health-check interval."""

from __future__ import annotations

import asyncio
import json
import os
import random
import shutil
import signal
import socket
import ssl
import subprocess
import sys
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import asyncpg
import httpx
import pytest
from deploy_support import ROOT, clean_env, free_port, wait_ready

from factories import PASSWORD, as_app, make_site, make_user

pytestmark = pytest.mark.deploy
CADDY = shutil.which("caddy")
BIN = Path(sys.executable).with_name("diarycard")
HEALTH_INTERVAL = 2.0  # deploy/Caddyfile: health_interval 2s, health_timeout 1s
HEALTH_TIMEOUT = 1.0
ENTRIES = 1_000


@dataclass
class Cluster:
    base: str  # the proxy, https
    ca: Path  # Caddy's own root certificate
    tls: ssl.SSLContext  # trusting it
    ports: list[int]
    servers: list[subprocess.Popen[bytes]]
    caddy_log: Path
    db: str


def _serve(port: int, env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    # A session of its own, so the test can kill the instance and its server process
    # at once, as a crash would.
    return subprocess.Popen(
        [str(BIN), "serve", "--port", str(port)],
        env=env, stdout=subprocess.DEVNULL, stderr=log.open("ab"), start_new_session=True,
    )


@pytest.fixture
def cluster(fresh_db: str, tmp_path: Path) -> Iterator[Cluster]:
    if CADDY is None:
        pytest.fail("caddy is missing: scripts/test installs it (apt-get install caddy)")
    https, http, admin = free_port(), free_port(), free_port()
    base = f"https://localhost:{https}"
    env = clean_env(DATABASE_URL=as_app(fresh_db), DIARYCARD_PUBLIC_URL=base,
                    DIARYCARD_TRUSTED_PROXIES="127.0.0.1", DIARYCARD_POOL_MAX="4",
                    DIARYCARD_DATA_DIR=str(tmp_path), DIARYCARD_LOG_LEVEL="WARNING")
    # The one-shot migrate, as the migrator; the instances hold only the app role.
    migrate = subprocess.run(
        [str(BIN), "migrate"],
        env={**env, "DIARYCARD_MIGRATE_URL": fresh_db}, capture_output=True, text=True,
        timeout=60)
    assert migrate.returncode == 0, migrate.stderr
    ports = [free_port() for _ in range(3)]
    servers = [_serve(port, env, tmp_path / f"app{i}.log") for i, port in enumerate(ports)]
    caddy_log = tmp_path / "caddy.log"
    caddy_env = clean_env(
        DIARYCARD_SITE=f"localhost:{https}", CADDY_HTTPS_PORT=str(https),
        CADDY_HTTP_PORT=str(http), CADDY_ADMIN=f"localhost:{admin}",
        DIARYCARD_UPSTREAMS=" ".join(f"127.0.0.1:{p}" for p in ports),
        XDG_DATA_HOME=str(tmp_path / "caddy-data"), XDG_CONFIG_HOME=str(tmp_path / "caddy"),
        HOME=str(tmp_path))
    caddy = subprocess.Popen(
        [CADDY, "run", "--config", str(ROOT / "deploy" / "Caddyfile"), "--adapter",
         "caddyfile"], env=caddy_env, stdout=subprocess.DEVNULL, stderr=caddy_log.open("ab"))
    try:
        for port, server in zip(ports, servers, strict=True):
            wait_ready(f"http://127.0.0.1:{port}", None, 60)
            assert server.poll() is None
        ca = tmp_path / "caddy-data" / "caddy" / "pki" / "authorities" / "local" / "root.crt"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if ca.exists() and httpx.get(f"{base}/readyz",
                                             verify=_trusting(ca)).status_code == 200:
                    break
            except (httpx.TransportError, OSError):
                pass
            assert caddy.poll() is None, caddy_log.read_text()[-3000:]
            time.sleep(0.2)
        else:
            raise AssertionError(caddy_log.read_text()[-3000:])
        yield Cluster(base, ca, _trusting(ca), ports, servers, caddy_log, fresh_db)
    finally:
        caddy.terminate()
        caddy.wait(10)
        for server in servers:
            if server.poll() is None:
                os.killpg(server.pid, signal.SIGTERM)
                server.wait(30)


def _trusting(ca: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(ca))


async def _patient(db: str) -> str:
    conn = await asyncpg.connect(db)
    try:
        site = await make_site(conn, "Proxy test site")
        await make_user(conn, site, "patient", "proxy.patient")
        return "proxy.patient"
    finally:
        await conn.close()


@dataclass
class Tally:
    statuses: Counter[int] = field(default_factory=Counter)
    retries: int = 0
    failures_after_kill: list[float] = field(default_factory=list)


async def _send_all(cluster: Cluster, cookie: str, csrf: str, tally: Tally,
                    killed: asyncio.Event, kill_at: int) -> tuple[list[str], float]:
    """Send ENTRIES new entries through the proxy from 8 clients; kill one instance when
    `kill_at` have arrived. Each entry is retried with its own id until the server has it,
    as the outbox does: a 502 or a dropped connection says nothing about whether it landed."""
    ids = [str(uuid.uuid4()) for _ in range(ENTRIES)]
    queue: asyncio.Queue[str] = asyncio.Queue()
    for entry_id in ids:
        queue.put_nowait(entry_id)
    done = 0
    kill_time = 0.0
    headers = {"Cookie": cookie, "X-CSRF-Token": csrf}
    killed_wall = [0.0]  # when, by the clock Caddy's log uses

    async def worker(client: httpx.AsyncClient) -> None:
        nonlocal done, kill_time
        while not queue.empty():
            entry_id = queue.get_nowait()
            body = {"occurred_at": datetime.now(UTC).isoformat(), "category": "action",
                    "note": f"proxy entry {entry_id[:8]}"}
            delay = 0.05
            while True:
                try:
                    answer = await client.put(f"/api/v1/entries/{entry_id}", json=body,
                                              headers=headers)
                    status = answer.status_code
                except httpx.TransportError:
                    status = 0
                if status in (200, 201):
                    tally.statuses[status] += 1
                    break
                assert status in (0, 502, 503, 504), (status, answer.text)
                tally.retries += 1
                if killed.is_set():
                    tally.failures_after_kill.append(time.monotonic() - kill_time)
                await asyncio.sleep(delay * (1 + random.random()))
                delay = min(delay * 2, 2.0)
            done += 1
            if done == kill_at and not killed.is_set():
                victim = cluster.servers[1]
                os.killpg(victim.pid, signal.SIGKILL)
                kill_time = time.monotonic()
                killed_wall[0] = time.time()
                killed.set()
                victim.wait(10)

    async with httpx.AsyncClient(base_url=cluster.base, verify=cluster.tls,
                                 timeout=30, headers={"origin": cluster.base}) as client:
        await asyncio.gather(*(worker(client) for _ in range(8)))
    return ids, killed_wall[0]


def _health_failures(log: Path, host: str, after: float) -> list[float]:
    """Times Caddy's active health checker found `host` failing, after `after` (epoch s)."""
    times = []
    for line in log.read_text().splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if (record.get("logger", "").endswith("health_checker.active")
                and record.get("host") == host and record["ts"] >= after):
            times.append(record["ts"] - after)
    return times


def test_three_instances_behind_caddy(cluster: Cluster) -> None:
    login = asyncio.run(_patient(cluster.db))
    # As a browser does: the sign-in says which site it comes from (web/origin.py).
    signed_in = httpx.post(f"{cluster.base}/api/v1/session", verify=cluster.tls,
                           json={"login": login, "password": PASSWORD},
                           headers={"origin": cluster.base})
    assert signed_in.status_code == 200, signed_in.text
    cookie = signed_in.headers["set-cookie"].split(";")[0]
    assert cookie.startswith("__Host-diarycard=")  # https end to end: the secure cookie
    csrf = signed_in.json()["csrf_token"]
    me = signed_in.json()["id"] if "id" in signed_in.json() else None

    # Every instance accepts the session (sessions live in PostgreSQL, not in a process).
    for port in cluster.ports:
        direct = httpx.get(f"http://127.0.0.1:{port}/api/v1/me", headers={"Cookie": cookie})
        assert direct.status_code == 200, (port, direct.text)
        assert me is None or direct.json()["id"] == me

    # HTTP/2, and compression of static files only.
    curl = ["curl", "-s", "-o", "/dev/null", "--cacert", str(cluster.ca), "--http2",
            "-H", "Accept-Encoding: gzip", "-H", f"Cookie: {cookie}",
            "-w", "%{http_version} %header{content-encoding}"]
    shell = subprocess.run([*curl, f"{cluster.base}/page/main.js"], capture_output=True,
                           text=True, check=True).stdout
    api = subprocess.run([*curl, f"{cluster.base}/api/v1/me"], capture_output=True,
                         text=True, check=True).stdout
    assert shell.split() == ["2", "gzip"], shell
    assert api.split() == ["2"], api  # no Content-Encoding on the API
    assert "server" not in {k.lower() for k in signed_in.headers}

    # 1,000 entries, one instance killed when 300 have arrived.
    tally = Tally()
    started = time.monotonic()
    ids, killed_at = asyncio.run(
        _send_all(cluster, cookie, csrf, tally, asyncio.Event(), kill_at=300))
    elapsed = time.monotonic() - started

    rows = asyncio.run(_stored(cluster.db, login))
    stored = Counter(rows)
    duplicates = sum(n - 1 for n in stored.values())
    dead = f"127.0.0.1:{cluster.ports[1]}"
    # The entries can all be in before Caddy's next check: wait for it (the time it
    # logged is what is judged, not when we read it).
    give_up = killed_at + HEALTH_INTERVAL + HEALTH_TIMEOUT + 10
    while not (checks := _health_failures(cluster.caddy_log, dead, killed_at)):
        if time.time() > give_up:
            break
        time.sleep(0.1)
    eject = checks[0] if checks else float("inf")
    last_error = max(tally.failures_after_kill, default=0.0)
    print(f"\n3 instances behind Caddy: {ENTRIES} entries sent in {elapsed:.1f} s, "
          f"{len(stored)} stored, {duplicates} duplicates, {tally.retries} retried attempts, "
          f"{tally.statuses[200]} answered as replays; instance 2 killed after 300: "
          f"Caddy's health check found it down {eject:.2f} s later, last client-visible "
          f"error {last_error:.2f} s after the kill")
    assert set(stored) == set(ids) and len(rows) == ENTRIES and duplicates == 0
    assert tally.statuses[200] + tally.statuses[201] == ENTRIES
    assert eject <= HEALTH_INTERVAL + HEALTH_TIMEOUT + 0.5, checks
    assert last_error <= HEALTH_INTERVAL + HEALTH_TIMEOUT + 0.5, tally.failures_after_kill

    # Afterwards every request goes to the two live instances, first time.
    for _ in range(20):
        assert httpx.get(f"{cluster.base}/readyz", verify=cluster.tls).status_code == 200


async def _stored(db: str, login: str) -> list[str]:
    conn = await asyncpg.connect(db)
    try:
        records = await conn.fetch(
            "SELECT e.id::text FROM entries e JOIN users u ON u.id = e.patient_id"
            " WHERE u.login = $1", login)
        return [r["id"] for r in records]
    finally:
        await conn.close()


def _tls_socket(cluster: Cluster) -> ssl.SSLSocket:
    port = int(cluster.base.rsplit(":", 1)[1])
    raw = socket.create_connection(("localhost", port), timeout=30)
    return cluster.tls.wrap_socket(raw, server_hostname="localhost")


def test_caddy_cuts_off_oversized_and_slow_heads(cluster: Cluster) -> None:
    """Slow and oversized request heads are the proxy's to stop (the app server reads a
    head of any size, for as long as it takes): deploy/Caddyfile's 32 KB and 10 s."""
    with _tls_socket(cluster) as sock:
        sock.sendall(b"GET /readyz HTTP/1.1\r\nHost: localhost\r\nX-Padding: "
                     + b"a" * 40_000 + b"\r\n\r\n")
        assert sock.recv(4096).startswith(b"HTTP/1.1 431")
    # Ordinary heads, a few KB each, many on one connection, pass.
    with httpx.Client(base_url=cluster.base, verify=cluster.tls) as client:
        for _ in range(20):
            assert client.get("/readyz", headers={"X-Padding": "a" * 2000}).status_code == 200
    # One connection says nothing after the handshake; one sends a header line every two
    # seconds and never the blank line. Caddy closes both; a silent TCP connection that
    # never shakes hands is closed by the same limit.
    silent = _tls_socket(cluster)
    dripping = _tls_socket(cluster)
    bare = socket.create_connection(("localhost", int(cluster.base.rsplit(":", 1)[1])),
                                    timeout=30)
    dripping.sendall(b"GET /readyz HTTP/1.1\r\nHost: localhost\r\n")
    started = time.monotonic()
    for _ in range(8):
        time.sleep(2)
        try:
            dripping.sendall(b"X-Drip: 1\r\n")
        except OSError:
            break
    for sock in (silent, dripping, bare):
        try:
            answer = sock.recv(100)
            assert answer == b"" or answer.startswith(b"HTTP/1.1 408"), answer
        except (ConnectionResetError, ssl.SSLError):
            pass  # closed: that is the point
        finally:
            sock.close()
    assert time.monotonic() - started < 25
    assert httpx.get(f"{cluster.base}/readyz", verify=cluster.tls).status_code == 200
