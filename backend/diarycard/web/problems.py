"""The one place where errors become HTTP: `application/problem+json` (RFC 9457).

Bodies carry the rule that was broken and the request id, never a traceback, SQL, a file
path or a version. Validation failures name each field and its rule.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import msgspec
from litestar import Request, Response
from litestar.exceptions import HTTPException, ValidationException

from diarycard import errors
from diarycard.db.pool import DB_DOWN
from diarycard.web.context import request_id

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

# msgspec says e.g. "Expected `int` <= 10 - at `$.emotion_intensity`".
_AT = re.compile(r"^(?P<rule>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)


def field_error(message: str) -> errors.FieldError:
    match = _AT.match(message)
    assert match is not None  # the pattern matches any string
    path = (match["path"] or "").lstrip(".") or "body"
    return errors.FieldError(field=path, rule=match["rule"].strip())


def problem(status: int, code: str, detail: str, **extra: Any) -> Response[bytes]:
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "code": code,
        "detail": detail,
        "request_id": request_id.get(),
    }
    body.update({k: v for k, v in extra.items() if v is not None})
    headers = {"Cache-Control": "no-store"}
    if status == 429 or status == 503:
        headers["Retry-After"] = str(extra.pop("retry_after", None) or 1)
        body.pop("retry_after", None)
    return Response(
        msgspec.json.encode(body), status_code=status, media_type=MEDIA_TYPE, headers=headers
    )


def _from_validation(exc: ValidationException) -> Response[bytes]:
    items = exc.extra if isinstance(exc.extra, list) else []
    found = []
    for item in items:
        if isinstance(item, dict):
            err = field_error(str(item.get("message", "")))
            if err.field == "body" and item.get("key"):
                err = errors.FieldError(field=str(item["key"]), rule=err.rule)
            found.append(err)
    if not found:
        found = [field_error(str(exc.detail))]
    status = 400 if any(_is_syntax(e.rule) for e in found) else 422
    return problem(
        status,
        "invalid" if status == 422 else "malformed",
        "; ".join(f"{e.field}: {e.rule}" for e in found),
        errors=msgspec.to_builtins(found),
    )


def _is_syntax(rule: str) -> bool:
    return rule.startswith(("JSON is malformed", "Input data was truncated", "Malformed"))


def handle(request: Request[Any, Any, Any], exc: Exception) -> Response[bytes]:
    if isinstance(exc, errors.DiaryError):
        status, code = _STATUS.get(type(exc), (400, "error"))
        for cls, mapped in _STATUS.items():
            if isinstance(exc, cls):
                status, code = mapped
        return problem(
            status,
            code,
            exc.detail,
            errors=msgspec.to_builtins(getattr(exc, "errors", None) or []) or None,
            retry_after=getattr(exc, "retry_after", None),
        )
    if isinstance(exc, ValidationException):
        return _from_validation(exc)
    if isinstance(exc, HTTPException):
        status = exc.status_code
        detail = exc.detail if status < 500 else _TITLES[500]
        if status == 404:
            detail = errors.NotFound.__doc__ or "Not found"
        extra: dict[str, Any] = {}
        if status == 405 and exc.headers:
            return _with_headers(problem(status, "method_not_allowed", detail), exc.headers)
        return problem(status, _TITLES.get(status, "error").lower().replace(" ", "_"), detail,
                       **extra)
    if isinstance(exc, DB_DOWN):
        log.warning("database unavailable", extra={"error": type(exc).__name__})
        return problem(503, "unavailable", errors.Unavailable.__doc__ or "", retry_after=2)
    log.error("unhandled error", exc_info=exc)
    return problem(500, "internal", "Something went wrong on our side. Please try again.")


def _with_headers(response: Response[bytes], headers: dict[str, str]) -> Response[bytes]:
    for key, value in headers.items():
        response.headers[key] = value
    return response
