"""How the app is served, in one place: `diarycard serve`, the browser tests and the
benchmarks all start the same command.

Uvicorn, on uvloop and httptools, in one thread per worker. Measured side by side with
Granian in bench/entries_bench.py's harness (26 Nov 2026, 2 workers, 5 rounds each), it
took about a tenth less CPU per diary write (379 against 433 µs) and answered more of them
(2,719 against 2,368 a second), with a shorter tail. On a two-core machine that shares its
cores with PostgreSQL, CPU per request is what latency comes down to.
"""

from __future__ import annotations

import sys

APP = "diarycard.asgi:app_from_env"
# Per worker: far above what a pool of 16 database connections can serve at once, low
# enough that a flood of connections gets a quick 503 instead of a worker out of memory.
LIMIT_CONCURRENCY = 1000


def server_command(host: str, port: int, workers: int = 1) -> list[str]:
    return [
        sys.executable, "-m", "uvicorn", APP, "--factory",
        "--host", host, "--port", str(port), "--workers", str(workers),
        "--loop", "uvloop", "--lifespan", "on",
        "--http", "httptools",
        # Slow and oversized request heads are the reverse proxy's to cut off (Caddy: 10 s,
        # 32 KB; docs/operations.md): `serve` must not face the internet without one.
        # What uvicorn offers in public: idle keep-alive connections close after 5 s, and
        # past LIMIT_CONCURRENCY connections and tasks at once a worker answers 503.
        "--timeout-keep-alive", "5", "--limit-concurrency", str(LIMIT_CONCURRENCY),
        "--no-access-log", "--log-level", "warning",
        # Which proxies to believe is ours to decide (DIARYCARD_TRUSTED_PROXIES); uvicorn
        # would otherwise take X-Forwarded-For from any local peer.
        "--no-proxy-headers",
        # No product or version in answers.
        "--no-server-header",
        "--timeout-graceful-shutdown", "10",
    ]
