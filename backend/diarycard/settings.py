"""Settings, read once from the environment and passed into `create_app`.

A bad or missing value stops start-up with one line that names the variable, so a
misconfigured deployment fails at once instead of on the first patient's request.
"""

from __future__ import annotations

import base64
import binascii
import os
from collections.abc import Mapping
from ipaddress import IPv4Network, IPv6Network, ip_network
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

import msgspec
import platformdirs
from msgspec import Meta

from diarycard import resources
from diarycard.validation import locate

REPO_ROOT = Path(__file__).resolve().parents[2]

Seconds = Annotated[float, Meta(gt=0, le=600)]
# The major browsers' push services: Chrome and Android (FCM), Firefox (Mozilla autopush),
# Safari (Apple), Edge (Windows Push Notification Services).
DEFAULT_PUSH_HOSTS = (
    "fcm.googleapis.com,android.googleapis.com,updates.push.services.mozilla.com,"
    "web.push.apple.com,*.push.apple.com,*.notify.windows.com"
)


class SettingsError(Exception):
    """A setting is missing or has a value we cannot use."""


DEFAULT_PUBLIC_URL = "http://127.0.0.1:8000"


class Settings(msgspec.Struct, frozen=True, forbid_unknown_fields=True):
    # None means: start the embedded PostgreSQL in `data_dir`.
    database_url: str | None = None
    # The migrator role's URL (owns the schema, runs migrations, grants the app role). None:
    # migrations run through DATABASE_URL if its role may create tables, else not at all.
    migrate_url: str | None = None
    env: Literal["development", "production"] = "development"
    public_url: str = DEFAULT_PUBLIC_URL
    data_dir: str = platformdirs.user_data_dir("diarycard")
    pwa_dir: str = str(resources.pwa_dir())
    openapi: bool | None = None
    max_body_bytes: Annotated[int, Meta(ge=1024, le=10_000_000)] = 65_536
    pool_min: Annotated[int, Meta(ge=0, le=100)] = 1
    pool_max: Annotated[int, Meta(ge=1, le=200)] = 16
    db_acquire_timeout: Seconds = 2.0
    db_command_timeout: Seconds = 5.0
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    # Reverse proxies (addresses or networks, comma-separated) whose X-Forwarded-For we
    # believe. Without it, everyone behind a proxy would share one sign-in rate limit.
    trusted_proxies: str = ""
    # Per person per hour, counted in PostgreSQL (so across workers and instances).
    # Benchmarks and load tests raise them.
    exports_per_hour: Annotated[int, Meta(ge=1, le=1_000_000)] = 20
    entries_per_hour: Annotated[int, Meta(ge=1, le=10_000_000)] = 2_000
    # Web Push (reminders). The VAPID private key as `diarycard admin vapid-keys` prints it;
    # unset in development, one is made and kept in data_dir; unset in production, push is
    # off and the app reminds patients in-app only.
    vapid_private_key: str = ""
    # Who runs this service, for the push services (mailto: or https:); default: public_url.
    vapid_subject: str = ""
    # Push services a subscription may point at (comma-separated; "*." allows subdomains).
    push_hosts: str = DEFAULT_PUSH_HOSTS
    # Development and tests only: allow subscriptions on this machine (http, loopback).
    push_allow_loopback: bool = False
    # How often the reminder scheduler looks for due reminders, in seconds.
    reminder_tick: Seconds = 20.0
    # Pushes one worker process has in hand at once.
    push_concurrency: Annotated[int, Meta(ge=2, le=500)] = 40

    @property
    def proxy_networks(self) -> tuple[IPv4Network | IPv6Network, ...]:
        return tuple(
            ip_network(part.strip(), strict=False)
            for part in self.trusted_proxies.split(",")
            if part.strip()
        )

    @property
    def push_host_patterns(self) -> tuple[str, ...]:
        return tuple(p.strip().lower() for p in self.push_hosts.split(",") if p.strip())

    @property
    def push_subject(self) -> str:
        if self.vapid_subject:
            return self.vapid_subject
        if self.public_url.startswith("https://"):
            return self.public_url
        return "mailto:admin@localhost"

    @property
    def openapi_enabled(self) -> bool:
        if self.openapi is not None:
            return self.openapi
        return self.env != "production"

    @property
    def cookie_secure(self) -> bool:
        """Secure cookies everywhere except plain-http development on this machine."""
        parts = urlsplit(self.public_url)
        local = parts.hostname in {"localhost", "127.0.0.1", "::1"}
        return not (parts.scheme == "http" and local and self.env == "development")


# Field name -> environment variable. DATABASE_URL keeps its conventional name.
ENV_NAMES: dict[str, str] = {
    name: ("DATABASE_URL" if name == "database_url" else f"DIARYCARD_{name.upper()}")
    for name in Settings.__struct_fields__
}


def load_settings(environ: Mapping[str, str] | None = None, **overrides: object) -> Settings:
    """Build Settings from environment variables; raise SettingsError naming the variable."""
    environ = os.environ if environ is None else environ
    raw: dict[str, object] = {
        field: environ[var] for field, var in ENV_NAMES.items() if environ.get(var, "") != ""
    }
    raw.update(overrides)
    try:
        settings = msgspec.convert(raw, Settings, strict=False)
    except msgspec.ValidationError:
        found = locate(raw, Settings, strict=False)
        field = found.field.partition(".")[0].partition("[")[0]
        raise SettingsError(f"{ENV_NAMES.get(field, field)}: {found.rule}") from None
    _check(settings)
    return settings


def _check(settings: Settings) -> None:
    for field in ("database_url", "migrate_url"):
        url = getattr(settings, field)
        if url is not None and urlsplit(url).scheme not in {"postgres", "postgresql"}:
            raise SettingsError(f"{ENV_NAMES[field]}: must start with postgresql://")
    if settings.migrate_url is not None and settings.database_url is None:
        raise SettingsError("DIARYCARD_MIGRATE_URL: needs DATABASE_URL too (the app's role)")
    if urlsplit(settings.public_url).scheme not in {"http", "https"}:
        raise SettingsError("DIARYCARD_PUBLIC_URL: must be an http:// or https:// URL")
    if settings.env == "production" and settings.public_url.startswith("http://"):
        raise SettingsError("DIARYCARD_PUBLIC_URL: production must be served over https://")
    try:
        settings.proxy_networks  # noqa: B018 - parsed here to fail at start-up
    except ValueError as exc:
        raise SettingsError(f"DIARYCARD_TRUSTED_PROXIES: {exc}") from None
    if settings.push_allow_loopback and settings.env == "production":
        raise SettingsError("DIARYCARD_PUSH_ALLOW_LOOPBACK: only for development and tests")
    if settings.vapid_subject and not settings.vapid_subject.startswith(("mailto:", "https://")):
        raise SettingsError("DIARYCARD_VAPID_SUBJECT: must start with mailto: or https://")
    if settings.vapid_private_key and not _is_raw_key(settings.vapid_private_key):
        raise SettingsError(
            "DIARYCARD_VAPID_PRIVATE_KEY: not a key from `diarycard admin vapid-keys`"
        )
    if settings.pool_min > settings.pool_max:
        raise SettingsError("DIARYCARD_POOL_MIN: must not be larger than DIARYCARD_POOL_MAX")


def _is_raw_key(text: str) -> bool:
    """32 bytes in unpadded base64url: the shape of a P-256 private key's scalar."""
    try:
        return len(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))) == 32
    except (ValueError, binascii.Error):
        return False
