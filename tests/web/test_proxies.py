"""Behind our own reverse proxy the client address comes from X-Forwarded-For, but only
the hops our proxies added: a client cannot forge its way round the sign-in limits."""

from __future__ import annotations

import pytest

from diarycard.settings import SettingsError, load_settings
from diarycard.web.middleware import _use_forwarded_client

PROXIES = load_settings({"DIARYCARD_TRUSTED_PROXIES": "10.0.0.0/8, 127.0.0.1"}).proxy_networks


def _client(peer: str, forwarded: str | None) -> str:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded is not None else []
    scope = {"client": (peer, 5000), "headers": headers}
    _use_forwarded_client(scope, PROXIES)
    return scope["client"][0]


@pytest.mark.parametrize(
    ("peer", "forwarded", "expected"),
    [
        ("127.0.0.1", "203.0.113.9", "203.0.113.9"),
        ("10.1.2.3", "203.0.113.9, 10.4.4.4", "203.0.113.9"),  # two of our proxies
        ("127.0.0.1", "1.1.1.1, 203.0.113.9", "203.0.113.9"),  # 1.1.1.1 was the client's claim
        ("198.51.100.7", "203.0.113.9", "198.51.100.7"),  # not our proxy: header ignored
        ("127.0.0.1", "not-an-address", "127.0.0.1"),
        ("127.0.0.1", None, "127.0.0.1"),
    ],
)
def test_the_client_is_the_last_hop_we_do_not_trust(peer, forwarded, expected) -> None:
    assert _client(peer, forwarded) == expected


def test_a_bad_proxy_list_stops_start_up() -> None:
    with pytest.raises(SettingsError, match=r"^DIARYCARD_TRUSTED_PROXIES: "):
        load_settings({"DIARYCARD_TRUSTED_PROXIES": "10.0.0.0/33"})
