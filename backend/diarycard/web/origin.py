"""Where an unsafe request comes from: refuse other sites' pages.

Browsers say where a request comes from in `Origin` and `Sec-Fetch-Site`. Two checks:

- every unsafe request (POST, PUT, PATCH, DELETE) to the API: a browser that says it comes
  from another site is refused, beside the CSRF token (defence in depth);
- an unsafe request that needs no session (signing in, redeeming an invitation): it must
  be `application/json` and say it comes from this site. Without this, a page elsewhere
  could sign a patient's browser into an attacker's account with a plain HTML form
  (login CSRF), and the patient's crisis page would show the attacker's plan.

Tools that are not browsers send neither header; they can still use every route that
needs a session (the CSRF token protects those) but not the two public ones without
saying `Origin`.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from litestar import Request

from diarycard.errors import Forbidden, UnsupportedMediaType

UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
CROSS = "This request came from another website, so it was refused."
UNSAID = "This request did not say which website it came from, so it was refused."


def _origin_of(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}".lower()


def _allowed(request: Request[Any, Any, Any], origin: str) -> bool:
    public = _origin_of(request.app.state.settings.public_url)
    host = request.headers.get("host", "").lower()
    # The public address, or this very server's own address (the same page served it).
    return origin.lower() in {public, f"{request.url.scheme}://{host}"}


def check_origin(request: Request[Any, Any, Any], *, strict: bool) -> None:
    """Raise Forbidden if the browser says this request comes from another site; with
    `strict`, also unless it says it comes from this one."""
    fetch_site = request.headers.get("sec-fetch-site", "").lower()
    origin = request.headers.get("origin")
    if fetch_site and fetch_site not in {"same-origin", "none"}:
        raise Forbidden(CROSS)
    if origin is not None and not _allowed(request, origin):
        raise Forbidden(CROSS)
    if strict and origin is None and fetch_site != "same-origin":
        raise Forbidden(UNSAID)


def check_json(request: Request[Any, Any, Any]) -> None:
    media = request.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if media != "application/json":
        raise UnsupportedMediaType("Please send this as application/json.")


async def guard_unsafe(request: Request[Any, Any, Any]) -> None:
    """The app's before-request hook for both checks above."""
    if request.method not in UNSAFE or not request.url.path.startswith("/api/"):
        return
    opt = request.route_handler.opt
    if opt.get("any_origin"):  # browsers' own reports (CSP), which carry no session
        return
    public = bool(opt.get("exclude_from_auth"))
    check_origin(request, strict=public)
    if public:
        check_json(request)
