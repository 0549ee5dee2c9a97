"""Subscription endpoints are attacker-controlled URLs (SSRF): only https addresses of the
allow-listed push services; never an address, a private or metadata one above all;
loopback only when a development or test setting says so. Through the real route."""

from __future__ import annotations

import ipaddress
from pathlib import Path
from uuid import UUID

import pytest
from litestar.testing import AsyncTestClient
from push_service import PushService

from diarycard.push.guard import address_allowed, endpoint_problem
from diarycard.settings import SettingsError, load_settings

REFUSED = [
    "http://fcm.googleapis.com/fcm/send/abc",  # not https
    "https://evil.example.com/fcm/send/abc",  # not a push service
    "https://fcm.googleapis.com.evil.example.com/x",  # a look-alike
    "https://169.254.169.254/latest/meta-data/",  # cloud metadata
    "https://10.0.0.7/push",  # private
    "https://[::1]/push",
    "https://[fd00::1]/push",
    "https://user:pass@fcm.googleapis.com/fcm/send/abc",
    "https://fcm.googleapis.com:8443/fcm/send/abc",
    "file:///etc/passwd",
    "https://",
]
ACCEPTED = [
    "https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b",
    "https://updates.push.services.mozilla.com/wpush/v2/gAAAAABk",
    "https://web.push.apple.com/QGm2n3RlaW",
    "https://wns2-db5p.notify.windows.com/w/?token=BQYAAA",
]


def strict_settings(tmp_path: Path, **extra: object):  # type: ignore[no-untyped-def]
    return load_settings({}, data_dir=str(tmp_path), **extra)


@pytest.mark.parametrize("endpoint", REFUSED)
def test_refused_endpoints(endpoint: str, tmp_path: Path) -> None:
    assert endpoint_problem(endpoint, strict_settings(tmp_path)) is not None


@pytest.mark.parametrize("endpoint", ACCEPTED)
def test_the_major_push_services_are_accepted(endpoint: str, tmp_path: Path) -> None:
    assert endpoint_problem(endpoint, strict_settings(tmp_path)) is None


def test_loopback_only_when_allowed_and_never_in_production(tmp_path: Path) -> None:
    local = "http://127.0.0.1:9999/push/x"
    assert endpoint_problem(local, strict_settings(tmp_path)) is not None
    assert endpoint_problem(local, strict_settings(tmp_path, push_allow_loopback=True)) is None
    with pytest.raises(SettingsError, match="DIARYCARD_PUSH_ALLOW_LOOPBACK"):
        load_settings({"DIARYCARD_ENV": "production",
                       "DIARYCARD_PUBLIC_URL": "https://diary.example.org",
                       "DIARYCARD_PUSH_ALLOW_LOOPBACK": "true"})


def test_the_allow_list_is_a_setting(tmp_path: Path) -> None:
    own = strict_settings(tmp_path, push_hosts="push.example.org")
    assert endpoint_problem("https://push.example.org/x", own) is None
    assert endpoint_problem("https://fcm.googleapis.com/fcm/send/x", own) is not None


@pytest.mark.parametrize("address,allowed", [
    ("142.250.180.10", True), ("2a00:1450:4009:81f::200a", True),
    ("127.0.0.1", False), ("10.1.2.3", False), ("172.16.0.1", False), ("192.168.1.1", False),
    ("169.254.169.254", False), ("100.64.0.1", False), ("0.0.0.0", False),
    ("::1", False), ("fe80::1", False), ("::ffff:10.0.0.1", False), ("224.0.0.1", False),
])
def test_addresses_checked_on_connect(address: str, allowed: bool) -> None:
    assert address_allowed(ipaddress.ip_address(address), allow_loopback=False) is allowed


async def test_the_route_refuses_a_metadata_endpoint_naming_the_field(
    client: AsyncTestClient, patient: UUID, push_service: PushService
) -> None:
    body = push_service.subscription("x").json
    body["endpoint"] = "https://169.254.169.254/latest/meta-data/"
    response = await client.put("/api/v1/me/push-subscription", json=body)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "endpoint", "rule": "must name a push service, not an address"}]
