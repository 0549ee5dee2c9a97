"""What the deployment tests share: free ports, a clean environment, and waiting for a
real `diarycard serve` to be ready."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_ready(base: str, process: subprocess.Popen[str] | None = None,
               seconds: float = 60) -> None:
    """Until `base`/readyz answers 200; fail early if `process` has exited."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if process is not None and process.poll() is not None:
            raise AssertionError(f"{base} exited: {process.communicate()}")
        time.sleep(0.2)
    raise AssertionError(f"{base} did not become ready")


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without any database settings of the caller's."""
    drop = {"DATABASE_URL", "DIARYCARD_MIGRATE_URL", "DIARYCARD_PWA_DIR", "PYTHONPATH",
            "VIRTUAL_ENV"}
    return {**{k: v for k, v in os.environ.items() if k not in drop}, **extra}


