"""The one place where errors become HTTP: `application/problem+json` (RFC 9457).

Bodies carry the rule that was broken and the request id, never a traceback, SQL, a file
path or a version. Validation failures name each field and its rule.
"""

from __future__ import annotations

import logging
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException

from diarycard import errors
from diarycard.db.pool import DB_DOWN
from diarycard.logs import request_id
from diarycard.validation import locate
from diarycard.web.middleware import answer_id

log = logging.getLogger("diarycard.errors")

MEDIA_TYPE = "application/problem+json"

_STATUS: dict[type[errors.DiaryError], tuple[int, str]] = {
    errors.Invalid: (422, "invalid"),
    errors.Unauthenticated: (401, "unauthenticated"),
    errors.Forbidden: (403, "forbidden"),
    errors.NotFound: (404, "not_found"),
    errors.Conflict: (409, "conflict"),
    errors.PreconditionFailed: (412, "precondition_failed"),
    errors.TooLarge: (413, "too_large"),
    errors.UnsupportedMediaType: (415, "unsupported_media_type"),
    errors.TooMany: (429, "too_many_requests"),
    errors.Unavailable: (503, "unavailable"),
}

_TITLES = {
    400: "Bad request",
    401: "Please sign in",
    403: "Not allowed",
    404: "Not found",
    405: "Method not allowed",
    409: "Conflict",
    412: "Changed elsewhere",
    413: "Too large",
    415: "Unsupported media type",
    422: "Invalid input",
    429: "Too many requests",
    500: "Something went wrong",
    503: "Temporarily unavailable",
}

def problem(
    status: int,
    code: str,
    detail: str,
    *,
    errors: list[Any] | None = None,
    retry_after: int | None = None,
) -> Response[bytes]:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "code": code,
        "detail": detail,
        "request_id": request_id.get(),
    }
    if errors:
        body["errors"] = errors
    headers = {"Cache-Control": "no-store"}
    if status in (429, 503):
        headers["Retry-After"] = str(retry_after or 1)
    return Response(
        msgspec.json.encode(body), status_code=status, media_type=MEDIA_TYPE, headers=headers
    )


def _invalid(status: int, found: list[errors.FieldError]) -> Response[bytes]:
    return problem(
        status,
        "invalid" if status == 422 else "malformed",
        "; ".join(f"{e.field}: {e.rule}" for e in found),
        errors=msgspec.to_builtins(found),
    )


def _from_validation(request: Request[Any, Any, Any], exc: ValidationException) -> Response[bytes]:
    data = request.route_handler.parsed_data_field
    body = getattr(request.state, "json_body", None)
    if data is not None and body is not None:
        # The body broke its Struct: name the field from the value and the type (Litestar
        # decodes `data` loosely, strict=False, and so does this).
        return _invalid(422, [locate(body, data.annotation, strict=False)])
    # A path, query or header parameter: Litestar names it (`key`), its rule is the text.
    found = [
        errors.FieldError(str(item.get("key") or "body"), str(item.get("message", "")))
        for item in (exc.extra if isinstance(exc.extra, list) else [])
        if isinstance(item, dict)
    ]
    return _invalid(422, found or [errors.FieldError("body", str(exc.detail))])


def _from_http(exc: HTTPException) -> Response[bytes]:
    status = exc.status_code
    if status == 400:
        # Litestar raises a plain 400 for a body that is not JSON at all.
        return _invalid(400, [errors.FieldError("body", str(exc.detail))])
    if status == 404:
        return problem(404, "not_found", errors.NotFound.__doc__ or "")
    if status >= 500:
        log.error("framework error", exc_info=exc)
        return problem(500, "internal", _GENERIC)
    code = _TITLES.get(status, "error").lower().replace(" ", "_")
    response = problem(status, code, exc.detail)
    for key, value in (exc.headers or {}).items():
        response.headers[key] = value  # e.g. Allow on 405
    return response


def status_of(exc: errors.DiaryError) -> tuple[int, str]:
    """The HTTP status and problem code of a domain error (a batch reports them too)."""
    return next(
        (mapped for cls, mapped in _STATUS.items() if isinstance(exc, cls)), (400, "error")
    )


def _from_domain(exc: errors.DiaryError) -> Response[bytes]:
    status, code = status_of(exc)
    return problem(
        status,
        code,
        exc.detail,
        errors=msgspec.to_builtins(getattr(exc, "errors", None) or []) or None,
        retry_after=getattr(exc, "retry_after", None),
    )


def handle(request: Request[Any, Any, Any], exc: Exception) -> Response[bytes]:
    """The exception handler for the whole app."""
    if request_id.get() != "-" or getattr(request, "scope", None) is None:
        return _handle(request, exc)
    # Answered outside any route (404, 405): no middleware set the id, so set it here.
    token = request_id.set(answer_id(request.scope))
    try:
        return _handle(request, exc)
    finally:
        request_id.reset(token)


def _handle(request: Request[Any, Any, Any], exc: Exception) -> Response[bytes]:
    if isinstance(exc, errors.DiaryError):
        return _from_domain(exc)
    if isinstance(exc, ValidationException):
        return _from_validation(request, exc)
    if isinstance(exc, HTTPException):
        return _from_http(exc)
    if isinstance(exc, RecursionError):
        # msgspec's answer to JSON nested thousands deep.
        return _invalid(400, [errors.FieldError("body", "JSON is nested too deeply")])
    if isinstance(exc, DB_DOWN):
        log.warning("database unavailable", extra={"error": type(exc).__name__})
        return problem(503, "unavailable", errors.Unavailable.__doc__ or "", retry_after=2)
    log.error("unhandled error", exc_info=exc)
    return problem(500, "internal", _GENERIC)


_GENERIC = "Something went wrong on our side. Please try again."
