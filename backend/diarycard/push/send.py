"""One encrypted push to one subscription, and what the push service's answer means.

    201 (or any 2xx)   delivered to the push service: done
    404, 410           the subscription is gone: remove it
    429, 5xx, no reply try again later, after Retry-After when the service gives one
    anything else      failed (a bad request, or our VAPID key is not the one it knows)
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import http_ece
import httpx
from cryptography.hazmat.primitives.asymmetric import ec

from diarycard.push.guard import Refused
from diarycard.push.vapid import Signer


class Outcome(enum.Enum):
    SENT = "sent"
    GONE = "gone"
    RETRY = "retry"
    FAILED = "failed"


@dataclass(frozen=True)
class Subscription:
    endpoint: str
    p256dh: bytes  # the browser's public key, 65 bytes uncompressed
    auth: bytes  # the browser's auth secret, 16 bytes


@dataclass(frozen=True)
class Answer:
    outcome: Outcome
    status: int  # the push service's HTTP status, 0 when there was none
    retry_after: float | None = None  # seconds, when the service said


def encrypt(payload: bytes, subscription: Subscription) -> bytes:
    """RFC 8291 (aes128gcm) with a fresh ephemeral key for every message."""
    ephemeral = ec.generate_private_key(ec.SECP256R1())
    body: bytes = http_ece.encrypt(
        payload, private_key=ephemeral, dh=subscription.p256dh,
        auth_secret=subscription.auth, version="aes128gcm",
    )
    return body


def audience(endpoint: str) -> str:
    parts = urlsplit(endpoint)
    return f"{parts.scheme}://{parts.netloc}"


async def send(
    client: httpx.AsyncClient, signer: Signer, subscription: Subscription, payload: bytes,
    ttl: int, topic: str | None = None,
) -> Answer:
    headers = {
        "Authorization": signer.authorization(audience(subscription.endpoint)),
        "Content-Encoding": "aes128gcm",
        "Content-Type": "application/octet-stream",
        # Not worth delivering once this stale (seconds).
        "TTL": str(ttl),
        "Urgency": "normal",
    }
    if topic:
        # A newer message with the same topic replaces one the phone has not fetched yet.
        headers["Topic"] = topic
    try:
        response = await client.post(
            subscription.endpoint, content=encrypt(payload, subscription), headers=headers
        )
    except Refused:
        return Answer(Outcome.FAILED, 0)
    except httpx.HTTPError:
        return Answer(Outcome.RETRY, 0)
    return classify(response.status_code, response.headers.get("retry-after"))


def classify(status: int, retry_after: str | None) -> Answer:
    if 200 <= status < 300:
        return Answer(Outcome.SENT, status)
    if status in (404, 410):
        return Answer(Outcome.GONE, status)
    if status == 429 or status >= 500:
        return Answer(Outcome.RETRY, status, parse_retry_after(retry_after))
    # 3xx too: a redirect is never followed (SSRF), so it is a failure.
    return Answer(Outcome.FAILED, status)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), or None."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())
