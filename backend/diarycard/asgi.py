"""The entry point the HTTP server imports in each worker: `diarycard.asgi:app_from_env`."""

from __future__ import annotations

from litestar import Litestar

from diarycard.app import create_app
from diarycard.logs import configure_logging
from diarycard.settings import load_settings


def app_from_env() -> Litestar:
    settings = load_settings()
    configure_logging(settings.log_level)
    return create_app(settings)
