"""Serving the PWA from `pwa/` at `/`.

The app shell and service worker are revalidated on every load (`no-cache`), so an update
reaches phones at once; the service worker does the offline caching, not the HTTP cache.
"""

from __future__ import annotations

import mimetypes
from pathlib import Path
from typing import Any

from litestar import get
from litestar.datastructures import CacheControlHeader
from litestar.response import File
from litestar.static_files import create_static_files_router

mimetypes.add_type("application/manifest+json", ".webmanifest")
mimetypes.add_type("text/javascript", ".js")
mimetypes.add_type("image/svg+xml", ".svg")

# Pages of the single-page app that a person may open or bookmark directly; each serves
# the shell, and the page code shows the right screen. `/crisis` is served by the crisis
# feature, with the emergency numbers in its HTML.
APP_PAGES = [
    "/log", "/entry", "/history", "/waiting", "/settings", "/tools", "/signin",
    "/welcome", "/access-log", "/privacy", "/progress",
]


def pwa_routes(pwa_dir: str) -> list[Any]:
    root = Path(pwa_dir)
    index = root / "index.html"

    @get(APP_PAGES, include_in_schema=False, exclude_from_auth=True)
    async def app_page() -> File:
        return File(
            index, filename="index.html", media_type="text/html",
            content_disposition_type="inline", headers={"Cache-Control": "no-cache"},
        )

    # The clinician review is its own desktop app; its screens are chosen by the URL hash.
    @get("/review", include_in_schema=False, exclude_from_auth=True)
    async def review_page() -> File:
        return File(
            root / "review" / "index.html", filename="index.html", media_type="text/html",
            content_disposition_type="inline", headers={"Cache-Control": "no-cache"},
        )

    static = create_static_files_router(
        path="/",
        directories=[root],
        html_mode=True,
        include_in_schema=False,
        name="pwa",
        opt={"exclude_from_auth": True},
        cache_control=CacheControlHeader(no_cache=True),
    )
    return [app_page, review_page, static]
