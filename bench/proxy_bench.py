"""Diary writes through Caddy (run by hand, not in CI; prints figures for docs/benchmarks.md).

    .venv/bin/python bench/proxy_bench.py [--port 8400] [--seconds 8] [--clients 32]
                                          [--rounds 3]

Three `diarycard serve`-style instances (1 worker each, diarycard.server) on one scratch
database on the local PostgreSQL (BENCH_PG), and Debian's Caddy running deploy/Caddyfile
as shipped (TLS from its own CA, HTTP/2 offered, access log on). In each round, one after
the other, 32 signed-in patients send single-entry PUTs over keep-alive connections:
  1. straight to one instance (plain HTTP/1.1): no proxy;
  2. through Caddy (HTTPS, HTTP/1.1) to that one instance: the proxy's cost;
  3. through Caddy to all three instances, round robin: what more instances give on this
     machine, where the two cores are shared by PostgreSQL, Caddy, the instances and the
     load generator.
The summary gives medians over the rounds, and the CPU time Caddy and the instances spent
per request (from the processes' own counters): on a machine shared with other work, CPU
per request moves far less than throughput does. The client is entries_bench.py's.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import ssl
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
import psutil
import uvloop
from entries_bench import Http, http_puts, percentile, prepare, serve, wait_ready

ROOT = Path(__file__).resolve().parents[1]


class TlsHttp(Http):
    """entries_bench's client over TLS, trusting Caddy's own root certificate."""

    context: ssl.SSLContext

    async def open(self) -> None:
        self.reader, self.writer = await asyncio.open_connection(
            "127.0.0.1", self.port, ssl=self.context, server_hostname="127.0.0.1")


def caddy(upstreams: list[int], port: int, data: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "DIARYCARD_SITE": f"127.0.0.1:{port}", "CADDY_HTTPS_PORT": str(port),
           "CADDY_HTTP_PORT": str(port + 50), "CADDY_ADMIN": f"localhost:{port + 51}",
           "DIARYCARD_UPSTREAMS": " ".join(f"127.0.0.1:{p}" for p in upstreams),
           "XDG_DATA_HOME": str(data), "XDG_CONFIG_HOME": str(data), "HOME": str(data)}
    binary = shutil.which("caddy")
    if binary is None:
        raise SystemExit("caddy is missing: apt-get install caddy")
    data.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen([binary, "run", "--config", str(ROOT / "deploy" / "Caddyfile"),
                             "--adapter", "caddyfile"], env=env,
                            stdout=subprocess.DEVNULL, stderr=(data / "caddy.log").open("ab"))


def wait_tls(port: int, ca: Path) -> ssl.SSLContext:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if ca.exists():
                context = ssl.create_default_context(cafile=str(ca))
                if httpx.get(f"https://127.0.0.1:{port}/readyz",
                             verify=context).status_code == 200:
                    return context
        except (httpx.TransportError, ssl.SSLError, OSError):
            pass
        time.sleep(0.2)
    raise SystemExit("caddy did not become ready")


def cpu_seconds(processes: list[psutil.Process]) -> float:
    return sum(sum(p.cpu_times()[:2]) for p in processes)


async def measure(port: int, sessions: list[tuple[str, str]], seconds: float,
                  context: ssl.SSLContext | None) -> tuple[float, float, float, int]:
    client_class = None
    if context is not None:
        TlsHttp.context = context
        client_class = TlsHttp
    rate, latencies, errors = await http_puts(port, sessions, seconds,
                                              client_class=client_class)
    return rate, percentile(latencies, 0.5) * 1000, percentile(latencies, 0.99) * 1000, errors


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8400)
    parser.add_argument("--seconds", type=float, default=8.0)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    url, _, sessions = await prepare(args.clients)
    ports = [args.port + i for i in range(3)]
    one_proxy, three_proxy = args.port + 10, args.port + 20
    data = Path(tempfile.mkdtemp(prefix="diarycard-proxy-bench-"))
    ca = Path("caddy", "pki", "authorities", "local", "root.crt")
    servers = [serve(url, port, 1) for port in ports]
    # Each proxy with its own data folder (and so its own CA), as on separate hosts.
    proxies = [caddy(ports[:1], one_proxy, data / "one"), caddy(ports, three_proxy, data / "three")]
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{os.cpu_count()} cores, load average before the run: {load}")
    results: dict[str, list[tuple[float, float, float, int]]] = {}
    cpu: dict[str, list[tuple[float, float]]] = {
        name: [] for name in ("straight to 1 instance (HTTP)", "Caddy to 1 instance (HTTPS)",
                              "Caddy to 3 instances (HTTPS)")}
    try:
        for port in ports:
            await wait_ready(port, 60)
        contexts = {one_proxy: wait_tls(one_proxy, data / "one" / ca),
                    three_proxy: wait_tls(three_proxy, data / "three" / ca)}
        runs = [("straight to 1 instance (HTTP)", ports[0], None),
                ("Caddy to 1 instance (HTTPS)", one_proxy, contexts[one_proxy]),
                ("Caddy to 3 instances (HTTPS)", three_proxy, contexts[three_proxy])]
        apps = [psutil.Process(s.pid) for s in servers]
        caddies = {ports[0]: [], one_proxy: [psutil.Process(proxies[0].pid)],
                   three_proxy: [psutil.Process(proxies[1].pid)]}
        for n in range(1, args.rounds + 1):
            for name, port, context in runs:
                before = cpu_seconds(caddies[port]), cpu_seconds(apps)
                figures = await measure(port, sessions, args.seconds, context)
                proxy_cpu = cpu_seconds(caddies[port]) - before[0]
                app_cpu = cpu_seconds(apps) - before[1]
                rate, p50, p99, errors = figures
                # Counted over warm-up and measurement alike: about rate x the whole run.
                requests = rate * (args.seconds + 2)
                cpu[name].append((proxy_cpu / requests * 1e6, app_cpu / requests * 1e6))
                results.setdefault(name, []).append(figures)
                print(f"round {n}, {name}: {rate:,.0f} req/s, p50 {p50:.1f} ms, "
                      f"p99 {p99:.1f} ms, non-201: {errors}; CPU per request: Caddy "
                      f"{cpu[name][-1][0]:.0f} µs, app {cpu[name][-1][1]:.0f} µs", flush=True)
    finally:
        for process in [*proxies, *servers]:
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(data, ignore_errors=True)
    medians = {name: tuple(statistics.median(r[i] for r in rows) for i in range(3))
               for name, rows in results.items()}
    print(f"PUT /api/v1/entries/{{id}}, {args.clients} signed-in clients, median of "
          f"{args.rounds} rounds of {args.seconds:.0f} s:")
    for name, (rate, p50, p99) in medians.items():
        proxy_us = statistics.median(c[0] for c in cpu[name])
        app_us = statistics.median(c[1] for c in cpu[name])
        print(f"  {name:<32} {rate:>7,.0f} req/s  p50 {p50:5.1f} ms  p99 {p99:5.1f} ms  "
              f"CPU/request: Caddy {proxy_us:4.0f} µs, app {app_us:4.0f} µs")
    direct, proxied = medians["straight to 1 instance (HTTP)"], medians[
        "Caddy to 1 instance (HTTPS)"]
    print(f"  the proxy's cost: {1 - proxied[0] / direct[0]:.0%} of throughput, "
          f"+{proxied[1] - direct[1]:.1f} ms at p50, +{proxied[2] - direct[2]:.1f} ms at p99")


if __name__ == "__main__":
    uvloop.run(main())
