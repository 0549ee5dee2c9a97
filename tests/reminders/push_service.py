"""A stand-in push service on this machine (the real ones are not ours to run, nor
reachable from here). It plays both ends a real one joins: it checks each request's VAPID
JWT (RFC 8292: ES256 signature by the key in `k`, audience, expiry, subject) and opens each
message with the subscription's private key (RFC 8291, http_ece), as the browser would.

    with PushService(vapid_public_key) as service:
        sub = service.subscription("alex")          # a key pair made here
        ... PUT sub.json to /api/v1/me/push-subscription, run a worker ...
        service.messages("alex")                    # decrypted payloads, in order

`script(name, [(429, {"Retry-After": "1"}), (201, {})])` sets the answers one endpoint gives,
in turn (201 when the list runs out).
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import socket
import threading
import time
from dataclasses import dataclass, field
from typing import Any

import http_ece
import uvicorn
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature

from diarycard.push.vapid import new_key_pair

# The service's VAPID key pair for every reminder test (the push service checks the public one).
VAPID_PRIVATE, VAPID_PUBLIC = new_key_pair()


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


@dataclass
class Sub:
    name: str
    endpoint: str
    key: ec.EllipticCurvePrivateKey
    auth: bytes

    @property
    def json(self) -> dict[str, Any]:
        """What the browser's PushSubscription.toJSON() gives."""
        point = self.key.public_key().public_bytes(
            serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint)
        return {"endpoint": self.endpoint, "expirationTime": None,
                "keys": {"p256dh": b64url(point), "auth": b64url(self.auth)}}


@dataclass
class Received:
    payload: dict[str, Any]
    headers: dict[str, str]
    at: float


@dataclass
class _State:
    subs: dict[str, Sub] = field(default_factory=dict)
    received: dict[str, list[Received]] = field(default_factory=dict)
    answers: dict[str, list[tuple[int, dict[str, str]]]] = field(default_factory=dict)
    requests: dict[str, list[float]] = field(default_factory=dict)
    rejected: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)


def verify_vapid(header: str, audience: str, public_key: str) -> str | None:
    """Why this Authorization header is not a valid VAPID one for `audience`, or None."""
    scheme, _, rest = header.partition(" ")
    if scheme != "vapid":
        return "scheme"
    parts = dict(p.strip().split("=", 1) for p in rest.split(","))
    if parts.get("k") != public_key:
        return "k"
    try:
        head, body, signature = parts["t"].split(".")
        raw = unb64url(signature)
        key = ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), unb64url(parts["k"]))
        key.verify(encode_dss_signature(int.from_bytes(raw[:32], "big"),
                                        int.from_bytes(raw[32:], "big")),
                   f"{head}.{body}".encode(), ec.ECDSA(hashes.SHA256()))
    except (KeyError, ValueError, InvalidSignature):
        return "signature"
    if json.loads(unb64url(head)) != {"typ": "JWT", "alg": "ES256"}:
        return "header"
    claims = json.loads(unb64url(body))
    if claims.get("aud") != audience:
        return "aud"
    if not time.time() < claims.get("exp", 0) <= time.time() + 24 * 3600:
        return "exp"
    if not str(claims.get("sub", "")).startswith(("mailto:", "https://")):
        return "sub"
    return None


class PushService:
    def __init__(self, vapid_public_key: str) -> None:
        self.vapid_public_key = vapid_public_key
        self.state = _State()
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.origin = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self._app, host="127.0.0.1", port=self.port,
                                log_level="warning", lifespan="off", access_log=False,
                                interface="asgi3")
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def __enter__(self) -> PushService:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("the stand-in push service did not start")
            time.sleep(0.02)
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)

    def subscription(self, name: str) -> Sub:
        sub = Sub(name, f"{self.origin}/push/{name}", ec.generate_private_key(ec.SECP256R1()),
                  os.urandom(16))
        with self.state.lock:
            self.state.subs[name] = sub
            self.state.received.setdefault(name, [])
        return sub

    def script(self, name: str, answers: list[tuple[int, dict[str, str]]]) -> None:
        with self.state.lock:
            self.state.answers[name] = list(answers)

    def messages(self, name: str) -> list[Received]:
        with self.state.lock:
            return list(self.state.received.get(name, []))

    def requests(self, name: str) -> int:
        return len(self.request_times(name))

    def request_times(self, name: str) -> list[float]:
        """When each request for `name` arrived (time.monotonic())."""
        with self.state.lock:
            return list(self.state.requests.get(name, []))

    @property
    def rejected(self) -> list[str]:
        with self.state.lock:
            return list(self.state.rejected)

    def total(self) -> int:
        with self.state.lock:
            return sum(len(v) for v in self.state.received.values())

    async def _app(self, scope: dict[str, Any], receive: Any, send: Any) -> None:
        assert scope["type"] == "http"
        body = b""
        while True:
            message = await receive()
            body += message.get("body", b"")
            if not message.get("more_body"):
                break
        headers = {k.decode().lower(): v.decode() for k, v in scope["headers"]}
        name = scope["path"].removeprefix("/push/")
        status, extra = self._answer(name, body, headers)
        await send({"type": "http.response.start", "status": status,
                    "headers": [(k.encode(), v.encode()) for k, v in extra.items()]})
        await send({"type": "http.response.body", "body": b""})

    def _answer(self, name: str, body: bytes,
                headers: dict[str, str]) -> tuple[int, dict[str, str]]:
        with self.state.lock:
            sub = self.state.subs.get(name)
            if sub is None:
                return 404, {}
            self.state.requests.setdefault(name, []).append(time.monotonic())
            problem = verify_vapid(headers.get("authorization", ""), self.origin,
                                   self.vapid_public_key)
            if problem or headers.get("content-encoding") != "aes128gcm" or "ttl" not in headers:
                self.state.rejected.append(f"{name}: {problem or 'headers'}")
                return 400, {}
            scripted = self.state.answers.get(name) or []
            status, extra = scripted.pop(0) if scripted else (201, {})
            if status == 201:
                plain = http_ece.decrypt(body, private_key=sub.key, auth_secret=sub.auth,
                                         version="aes128gcm")
                self.state.received[name].append(
                    Received(json.loads(plain), headers, time.time()))
            return status, extra


async def wait_for(check: Any, timeout: float = 10.0, every: float = 0.05) -> None:
    """Wait until `check()` (sync or async) is true; fail after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        result = check()
        if asyncio.iscoroutine(result):
            result = await result
        if result:
            return
        if time.monotonic() > deadline:
            raise AssertionError("timed out waiting")
        await asyncio.sleep(every)
