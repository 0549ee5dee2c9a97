"""Checking a browser's push subscription before it is stored: the endpoint (push/guard.py
says why it is treated as hostile input) and the keys (a real P-256 point, a 16-byte
secret), each failure naming its field."""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import ec

from diarycard.errors import FieldError, Invalid
from diarycard.push.guard import endpoint_problem
from diarycard.push.vapid import unb64url
from diarycard.reminders.models import PushSubscriptionIn
from diarycard.settings import Settings


@dataclass(frozen=True)
class Checked:
    endpoint: str
    p256dh: bytes
    auth: bytes


def check_subscription(data: PushSubscriptionIn, settings: Settings) -> Checked:
    errors: list[FieldError] = []
    problem = endpoint_problem(data.endpoint, settings)
    if problem:
        errors.append(FieldError("endpoint", problem))
    p256dh = _decode(data.keys.p256dh)
    if p256dh is None or len(p256dh) != 65 or not _on_curve(p256dh):
        errors.append(FieldError("keys.p256dh", "must be a P-256 public key (65 bytes, base64url)"))
    auth = _decode(data.keys.auth)
    if auth is None or len(auth) != 16:
        errors.append(FieldError("keys.auth", "must be 16 bytes in base64url"))
    if errors:
        raise Invalid(errors=errors)
    assert p256dh is not None and auth is not None
    return Checked(data.endpoint, p256dh, auth)


def _decode(text: str) -> bytes | None:
    try:
        return unb64url(text.rstrip("="))
    except ValueError:
        return None


def _on_curve(point: bytes) -> bool:
    try:
        ec.EllipticCurvePublicKey.from_encoded_point(ec.SECP256R1(), point)
    except ValueError:
        return False
    return True
