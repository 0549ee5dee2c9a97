"""VAPID keys (RFC 8292): the service's identity towards the push services.

Keys travel as text in unpadded base64url: the private key as its 32-byte scalar (the
setting DIARYCARD_VAPID_PRIVATE_KEY), the public key as the 65-byte uncompressed point the
browser's `pushManager.subscribe({applicationServerKey})` wants. Signing is py-vapid's.
"""

from __future__ import annotations

import base64
import logging
import os
import time
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from py_vapid import Vapid02

from diarycard.settings import Settings

log = logging.getLogger("diarycard.push")
DEV_KEY_FILE = "vapid-development-key"
# A token lasts 12 hours (RFC 8292 allows 24); reused for an hour per push service.
TOKEN_LIFETIME = 12 * 3600
TOKEN_REUSE = 3600


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64url(text: str) -> bytes:
    """Decode unpadded base64url; ValueError when it is not."""
    if not text or any(c not in _ALPHABET for c in text):
        raise ValueError("not base64url")
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


_ALPHABET = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def load_private_key(text: str) -> ec.EllipticCurvePrivateKey:
    raw = unb64url(text)
    if len(raw) != 32:
        raise ValueError("a VAPID private key is 32 bytes")
    return ec.derive_private_key(int.from_bytes(raw, "big"), ec.SECP256R1())


def private_text(key: ec.EllipticCurvePrivateKey) -> str:
    return b64url(key.private_numbers().private_value.to_bytes(32, "big"))


def public_text(key: ec.EllipticCurvePrivateKey) -> str:
    point = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return b64url(point)


def new_key_pair() -> tuple[str, str]:
    """(private, public), as `diarycard admin vapid-keys` prints them."""
    key = ec.generate_private_key(ec.SECP256R1())
    return private_text(key), public_text(key)


def service_key(settings: Settings) -> ec.EllipticCurvePrivateKey | None:
    """The configured key; in development without one, a key kept in data_dir (made once,
    shared by every process on this machine); in production without one, None: push is off."""
    if settings.vapid_private_key:
        return load_private_key(settings.vapid_private_key)
    if settings.env == "production":
        return None
    path = Path(settings.data_dir) / DEV_KEY_FILE
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        private, _ = new_key_pair()
        try:
            # O_EXCL: two processes starting together keep the first one's key.
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            pass
        else:
            with os.fdopen(fd, "w") as out:
                out.write(private)
            log.info("made a development VAPID key", extra={"path": str(path)})
    for _ in range(50):  # the other process may still be writing it
        text = path.read_text().strip()
        if text:
            return load_private_key(text)
        time.sleep(0.01)
    raise ValueError(f"{path}: empty VAPID key file")


class Signer:
    """Authorization headers for one push service origin, reused while fresh."""

    def __init__(self, key: ec.EllipticCurvePrivateKey, subject: str) -> None:
        self._vapid = Vapid02(key)
        self.subject = subject
        self.public_key = public_text(key)
        self._cache: dict[str, tuple[float, str]] = {}

    def authorization(self, audience: str, now: float | None = None) -> str:
        now = time.time() if now is None else now
        cached = self._cache.get(audience)
        if cached is not None and now - cached[0] < TOKEN_REUSE:
            return cached[1]
        claims = {"aud": audience, "sub": self.subject, "exp": int(now) + TOKEN_LIFETIME}
        header: str = self._vapid.sign(claims)["Authorization"]
        self._cache[audience] = (now, header)
        return header
