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
from diarycard.logs import request_id

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

# msgspec says e.g. "Expected `int` <= 10 - at `$.emotion_intensity`".
_AT = re.compile(r"^(?P<rule>.*?)(?: - at `\$(?P<path>[^`]*)`)?$", re.DOTALL)


# msgspec's wording for two rules we can name more plainly, with the field they concern.
_NAMED = [
    (
        re.compile(r"^Object contains unknown field `(?P<name>[^`]*)`$"),
        "unknown field: not allowed here",
    ),
    (
        re.compile(r"^Object missing required field `(?P<name>[^`]*)`$"),
        "required: this field is missing",
    ),
]


def field_error(message: str) -> errors.FieldError:
    match = _AT.match(message)
    assert match is not None  # the pattern matches any string
    path = (match["path"] or "").lstrip(".")
    rule = match["rule"].strip()
    for pattern, plain in _NAMED:
        named = pattern.match(rule)
        if named:
            path = f"{path}.{named['name']}" if path else named["name"]
            rule = plain
    return errors.FieldError(field=path or "body", rule=rule)


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


def _from_validation(exc: ValidationException) -> Response[bytes]:
    found = []
    for item in exc.extra if isinstance(exc.extra, list) else []:
        if isinstance(item, dict):
            err = field_error(str(item.get("message", "")))
            key = item.get("key")
            # Litestar moves the "at `$.field`" part into `key`; "data" is the whole body.
            if err.field == "body" and key and key != "data":
                err = errors.FieldError(field=str(key), rule=err.rule)
            elif key and key != "data" and not err.field.startswith(str(key)):
                # A field missing inside an object: `keys` + `auth` is `keys.auth`.
                err = errors.FieldError(field=f"{key}.{err.field}", rule=err.rule)
            found.append(err)
    if not found:
        found = [field_error(str(exc.detail))]
    return _invalid(422, found)


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


def _from_domain(exc: errors.DiaryError) -> Response[bytes]:
    status, code = next(
        (mapped for cls, mapped in _STATUS.items() if isinstance(exc, cls)), (400, "error")
    )
    return problem(
        status,
        code,
        exc.detail,
        errors=msgspec.to_builtins(getattr(exc, "errors", None) or []) or None,
        retry_after=getattr(exc, "retry_after", None),
    )


def handle(request: Request[Any, Any, Any], exc: Exception) -> Response[bytes]:
    """The exception handler for the whole app."""
    if isinstance(exc, errors.DiaryError):
        return _from_domain(exc)
    if isinstance(exc, ValidationException):
        return _from_validation(exc)
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
