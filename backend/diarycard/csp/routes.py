"""Where browsers report what the Content-Security-Policy blocked (`report-uri` and the
Reporting API's `report-to`). A report can carry page addresses and snippets of script,
so only three short facts are kept: which rule, on which page (the path only) and what was
blocked (its scheme and host only). The body itself is never stored or logged.

No session (browsers send reports without cookies) and from any origin, so it is limited
per address: REPORTS_PER_MINUTE, counted in PostgreSQL like the sign-in limit.
"""

from __future__ import annotations

import logging
import math
from typing import Any
from urllib.parse import urlsplit

import msgspec
from litestar import Request, post

from diarycard.db.pool import Conn
from diarycard.errors import TooMany

log = logging.getLogger("diarycard.csp")
REPORTS_PER_MINUTE = 20
MAX_BYTES = 16_384
MEDIA = {"application/csp-report", "application/reports+json", "application/json"}


def _origin_only(value: str) -> str:
    """`inline`, `eval` and the like as they are; a URL as scheme://host only."""
    parts = urlsplit(value)
    if parts.scheme and parts.netloc:
        return f"{parts.scheme}://{parts.hostname or ''}"[:200]
    return (parts.scheme or value)[:40]


def _facts(report: dict[str, Any]) -> tuple[str, str, str]:
    directive = report.get("effective-directive") or report.get("effectiveDirective") \
        or report.get("violated-directive") or ""
    page = urlsplit(str(report.get("document-uri") or report.get("documentURL") or "")).path
    blocked = str(report.get("blocked-uri") or report.get("blockedURL") or "")
    return str(directive).split(" ", 1)[0][:100], page[:200], _origin_only(blocked)


def parse(body: bytes) -> list[tuple[str, str, str]]:
    """The facts of each violation in either format; nothing for anything else."""
    try:
        data = msgspec.json.decode(body)
    except msgspec.DecodeError:
        return []
    if isinstance(data, dict) and isinstance(data.get("csp-report"), dict):
        return [_facts(data["csp-report"])]
    if isinstance(data, list):
        return [_facts(item["body"]) for item in data[:20]
                if isinstance(item, dict) and item.get("type") == "csp-violation"
                and isinstance(item.get("body"), dict)]
    return []


@post("/csp-reports", exclude_from_auth=True, status_code=204, tags=["security"],
      request_max_body_size=MAX_BYTES, any_origin=True)
async def csp_report(request: Request[Any, Any, Any], conn: Conn) -> None:
    """Browsers report Content-Security-Policy violations here (no session needed)."""
    ip = request.client.host if request.client else ""
    row = await conn.fetchrow(
        """INSERT INTO ip_throttle AS t (ip, window_start, hits)
           VALUES ($1, date_trunc('minute', now()), 1)
           ON CONFLICT (ip, window_start) DO UPDATE SET hits = t.hits + 1
           RETURNING hits, extract(epoch FROM window_start + interval '1 minute' - now())
                     AS wait""",
        f"csp:{ip}",
    )
    if row["hits"] > REPORTS_PER_MINUTE:
        raise TooMany(math.ceil(row["wait"]), "Too many reports. Please slow down.")
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    found = parse(await request.body()) if media in MEDIA else []
    if found:
        await conn.executemany(
            "INSERT INTO csp_reports (directive, page, blocked) VALUES ($1, $2, $3)", found)
        log.warning("csp violation", extra={"directives": sorted({f[0] for f in found})})


routes = [csp_report]
