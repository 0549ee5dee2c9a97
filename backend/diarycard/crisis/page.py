"""`/crisis` as the server sends it: the emergency numbers are in the HTML itself.

A phone whose scripts fail (an old browser, a broken update, scripts switched off) must
still show who to call (hazard H-004). The page is the app shell with the numbers written
into `<main>`; the app then replaces them with the same numbers and the patient's own plan.
The numbers are the site's when the request carries a live session, else the UK defaults.
The service worker keeps this very HTML as its offline copy of `/crisis`.
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path
from typing import Any

from litestar import Request, get
from litestar.response import Response

from diarycard.auth.principal import cookie_name, token_hash

# The same as pwa/page/crisis.js's UK_NUMBERS: shown before a site's own are known.
UK_NUMBERS = [
    {"label": "Emergency services (police, ambulance)", "number": "999"},
    {"label": "NHS 111, then choose option 2 for mental health", "number": "111"},
    {"label": "Samaritans, free, any time, day or night", "number": "116 123"},
]
MARK = '<main id="main" class="main" tabindex="-1">'

_SITE_NUMBERS = """
SELECT s.emergency_numbers::text FROM live_sessions l JOIN sites s ON s.id = l.site_id
 WHERE l.token_hash = $1
"""


def _dialable(number: str) -> str:
    return "".join(c for c in number if c in "+0123456789")


def numbers_html(numbers: list[dict[str, str]]) -> str:
    items = "".join(
        f'<li><a class="call" href="tel:{escape(_dialable(n["number"]))}">'
        f'<span class="call-number">Call {escape(n["number"])}</span>'
        f'<span class="call-label">{escape(n["label"])}</span></a></li>'
        for n in numbers
    )
    return (
        '<h1>Crisis plan</h1><p class="lead">If you are in danger, or you might act on an urge '
        'that could hurt you or someone else, call now:</p>'
        f'<ul class="numbers">{items}</ul>'
        '<div class="notice"><h2>Nobody watches this app live</h2><p>What you write here is '
        'read by your clinician at your next session, not straight away. If you need help '
        'now, please call one of the numbers above.</p></div>'
    )


async def _numbers(request: Request[Any, Any, Any]) -> list[dict[str, str]]:
    token = request.cookies.get(cookie_name(request.app.state.settings))
    if not token or len(token) > 128:
        return UK_NUMBERS
    try:
        async with request.app.state.pool.acquire(timeout=1.0) as conn:
            raw = await conn.fetchval(_SITE_NUMBERS, token_hash(token))
    except Exception:  # the numbers must show even when the database cannot
        return UK_NUMBERS
    kept = json.loads(raw) if raw else []
    return kept or UK_NUMBERS


@get("/crisis", include_in_schema=False, exclude_from_auth=True)
async def crisis_page(request: Request[Any, Any, Any]) -> Response[str]:
    shell = Path(request.app.state.settings.pwa_dir, "index.html").read_text(encoding="utf-8")
    page = shell.replace(MARK, MARK + numbers_html(await _numbers(request)), 1)
    return Response(page, media_type="text/html", headers={"Cache-Control": "no-cache"})
