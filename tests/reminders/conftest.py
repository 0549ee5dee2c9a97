"""Reminder tests: a service with a VAPID key and loopback push allowed, a stand-in push
service, and a signed-in patient."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import asyncpg
import pytest
from litestar.testing import AsyncTestClient
from push_service import VAPID_PRIVATE, VAPID_PUBLIC, PushService

from diarycard.settings import Settings, load_settings
from factories import make_site, make_user, sign_in

BASE_URL = "https://testserver.local"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return load_settings(
        {}, public_url=BASE_URL, data_dir=str(tmp_path), pool_max=4,
        vapid_private_key=VAPID_PRIVATE, push_allow_loopback=True, reminder_tick=0.2,
    )


@pytest.fixture
def push_service() -> Iterator[PushService]:
    with PushService(VAPID_PUBLIC) as service:
        yield service


@pytest.fixture
async def patient(conn: asyncpg.Connection, client: AsyncTestClient) -> UUID:
    site = await make_site(conn)
    alex = await make_user(conn, site, "patient", "alex")
    await sign_in(client, conn, alex)
    return alex
