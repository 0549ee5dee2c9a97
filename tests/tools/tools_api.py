"""The type of the `api` fixture in tests/tools/conftest.py."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

import httpx

Call = Callable[..., Awaitable[httpx.Response]]
