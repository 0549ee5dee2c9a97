"""Where a push may go. A subscription's endpoint is a URL the browser hands us, so it is
attacker-controlled input (SSRF): it must be https, on the allow-list of push services,
and every address its name resolves to must be a public one, checked when we connect (so a
name that re-points to 10.0.0.1 or 169.254.169.254 after the subscription was checked,
DNS rebinding, is still refused). Redirects are never followed (see send.py).

Loopback (http://127.0.0.1:port) is allowed only when the settings say so, which they can
only in development and tests: a test plays the push service on this machine.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

import httpcore
import httpx

from diarycard.settings import Settings

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
LOOPBACK_NAMES = {"localhost", "127.0.0.1", "::1"}


class Refused(Exception):
    """This address is not one we send pushes to."""


def host_allowed(host: str, patterns: Iterable[str]) -> bool:
    host = host.lower().rstrip(".")
    for pattern in patterns:
        if pattern.startswith("*."):
            if host.endswith(pattern[1:]) and len(host) > len(pattern) - 1:
                return True
        elif host == pattern:
            return True
    return False


def endpoint_problem(endpoint: str, settings: Settings) -> str | None:
    """Why `endpoint` cannot be a subscription's address, or None when it can."""
    try:
        parts = urlsplit(endpoint)
        port = parts.port
    except ValueError:
        return "must be a valid URL"
    host = (parts.hostname or "").lower()
    if parts.username is not None or parts.password is not None:
        return "must not carry a user name or password"
    if settings.push_allow_loopback and host in LOOPBACK_NAMES:
        return None if parts.scheme in {"http", "https"} else "must be an https:// URL"
    if parts.scheme != "https":
        return "must be an https:// URL"
    if port not in (None, 443):
        return "must use the standard https port"
    try:
        ipaddress.ip_address(host)
    except ValueError:
        pass
    else:
        return "must name a push service, not an address"
    if not host_allowed(host, settings.push_host_patterns):
        return "must be the address of a known push service"
    return None


def address_allowed(address: IPAddress, allow_loopback: bool) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    if allow_loopback and address.is_loopback:
        return True
    # is_global excludes private, loopback, link-local (the cloud metadata address
    # 169.254.169.254 among them), shared (100.64/10), reserved and documentation ranges.
    return address.is_global and not address.is_multicast


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Resolves the name itself, refuses if any address is not public, and connects to a
    checked address (TLS still verifies the certificate against the name)."""

    def __init__(self, allow_loopback: bool) -> None:
        self.allow_loopback = allow_loopback
        self.inner = httpcore.AnyIOBackend()

    async def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        loop = asyncio.get_running_loop()
        try:
            infos = await asyncio.wait_for(
                loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), timeout
            )
        except (OSError, TimeoutError) as exc:
            raise httpcore.ConnectError(f"cannot resolve the push service: {exc}") from exc
        addresses = [ipaddress.ip_address(info[4][0]) for info in infos]
        if not addresses or not all(address_allowed(a, self.allow_loopback) for a in addresses):
            raise Refused("the push service's name leads to an address we do not send to")
        return await self.inner.connect_tcp(
            str(addresses[0]), port, timeout=timeout, local_address=local_address,
            socket_options=socket_options,
        )

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.AsyncNetworkStream:
        raise Refused("pushes never go to a local socket")

    async def sleep(self, seconds: float) -> None:
        await self.inner.sleep(seconds)


class GuardedTransport(httpx.AsyncHTTPTransport):
    """httpx's own transport over a connection pool that uses GuardedBackend."""

    def __init__(self, allow_loopback: bool, max_connections: int = 50) -> None:
        super().__init__(trust_env=False)
        # httpx does not take a network backend, so its pool is replaced with one that has
        # ours; everything else (request mapping, errors) stays httpx's.
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=30,
            network_backend=GuardedBackend(allow_loopback),
        )


def push_client(settings: Settings) -> httpx.AsyncClient:
    """One pooled client per worker process; no redirects, no proxies from the environment."""
    return httpx.AsyncClient(
        transport=GuardedTransport(settings.push_allow_loopback),
        follow_redirects=False,
        trust_env=False,
        timeout=httpx.Timeout(10.0, connect=5.0),
    )
