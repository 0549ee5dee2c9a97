"""What every response needs, through Litestar's public API: a request id, one access-log
line (method, route, status, time; never bodies, headers, cookies or query strings) and the
security headers.

- `harden` is app-level middleware (`Litestar(middleware=[...])`): the request id, the
  client's address behind our proxies, and the access-log line of every routed request.
- `secure_headers` is a `before_send` hook, which Litestar calls for every response,
  including those no route answers (404, 405), where no middleware runs.
"""

from __future__ import annotations

import logging
import secrets
import time
from collections.abc import Awaitable, Callable
from ipaddress import IPv4Network, IPv6Network, ip_address
from typing import Any

from litestar.enums import ScopeType
from litestar.types import ASGIApp, Message, Receive, Scope, Send

from diarycard.logs import request_id

log = logging.getLogger("diarycard.access")

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; worker-src 'self'; manifest-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'; "
    # Violations are reported (csp/routes.py): report-to where the Reporting API is,
    # report-uri where it is not.
    "report-uri /api/v1/csp-reports; report-to csp"
)

_COMMON = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"reporting-endpoints", b'csp="/api/v1/csp-reports"'),
]
_HSTS = (b"strict-transport-security", b"max-age=31536000; includeSubDomains")
_DROP = {b"server", b"x-powered-by"}


def harden(
    app: ASGIApp, proxies: tuple[IPv4Network | IPv6Network, ...] = ()
) -> ASGIApp:
    async def middleware(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != ScopeType.HTTP:  # websockets pass straight through
            await app(scope, receive, send)
            return
        if proxies:
            _use_forwarded_client(scope, proxies)
        rid = secrets.token_hex(8)
        scope["state"].update(request_id=rid, logged=True)
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_wrapped(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await app(scope, receive, send_wrapped)
        finally:
            _log(scope, status, started)
            request_id.reset(token)

    return middleware


def secure_headers(hsts: bool) -> Callable[[Message, Scope], Awaitable[None]]:
    """The `before_send` hook: security headers, the request id and, on the API,
    `Cache-Control: no-store` unless the answer set its own."""
    extra = [*_COMMON, _HSTS] if hsts else list(_COMMON)

    async def hook(message: Message, scope: Scope) -> None:
        if message["type"] != "http.response.start" or scope["type"] != ScopeType.HTTP:
            return
        state = scope["state"]
        if not state.get("logged"):  # no route, so no middleware: still one line, one id
            token = request_id.set(answer_id(scope))
            _log(scope, message["status"], state.get("started"))
            request_id.reset(token)
        headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in _DROP]
        names = {k.lower() for k, _ in headers}
        headers += [(k, v) for k, v in extra if k not in names]
        headers.append((b"x-request-id", state["request_id"].encode()))
        if scope["path"].startswith("/api/") and b"cache-control" not in names:
            headers.append((b"cache-control", b"no-store"))
        message["headers"] = headers

    return hook


def answer_id(scope: Scope) -> str:
    """This request's id; made here for an answer no route gave (404, 405). Its time is
    counted from here: before it, only the router's lookup ran."""
    state = scope["state"]
    if "request_id" not in state:
        state.update(request_id=secrets.token_hex(8), started=time.perf_counter())
    rid: str = state["request_id"]
    return rid


def _log(scope: Scope, status: int, started: float | None) -> None:
    if log.isEnabledFor(logging.INFO):  # with the access log off, skip its work
        since = time.perf_counter() if started is None else started
        log.info("request", extra={
            "method": scope.get("method", ""),
            "route": scope.get("path_template") or _route_of(scope),
            "status": status,
            "ms": round((time.perf_counter() - since) * 1000, 2),
        })


def _trusted(address: str, proxies: tuple[IPv4Network | IPv6Network, ...]) -> bool:
    try:
        ip = ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in proxies)


def _use_forwarded_client(scope: Any, proxies: tuple[IPv4Network | IPv6Network, ...]) -> None:
    """Behind our own proxies, the client is the last X-Forwarded-For hop we do not trust.

    Only the hops our proxies appended are believed; anything further left was written by
    the client and could be forged to dodge the per-address sign-in limit.
    """
    peer = (scope.get("client") or ("", 0))[0]
    if not _trusted(peer, proxies):
        return
    forwarded = b",".join(v for k, v in scope.get("headers", []) if k.lower() == b"x-forwarded-for")
    hops = [hop.strip() for hop in forwarded.decode("latin-1").split(",") if hop.strip()]
    for hop in reversed(hops):
        if not _trusted(hop, proxies):
            try:
                scope["client"] = (str(ip_address(hop)), 0)
            except ValueError:
                pass  # a malformed hop: keep the proxy's address rather than guess
            return


def _route_of(scope: Any) -> str:
    """The matched route template when Litestar set one, so ids never reach the log."""
    handler = scope.get("route_handler")
    paths = getattr(handler, "paths", None)
    if paths:
        return str(sorted(paths)[0])
    return "(static)" if not scope["path"].startswith("/api/") else "(unmatched)"
