"""Make the OpenAPI document say what the API really answers.

Litestar documents each handler's one success status and a 400 in its own shape. Ours
answer more: every error is `application/problem+json` (see `problems.py`), some routes
have a second success status (a PUT that creates answers 201) or other content types
(CSV, FHIR). Handlers say the latter in their `opt`; this adds them, and the problem
statuses every route shares, to the generated document once, when the app is built.

- `opt={"also": {201: "Created"}}`: another success status with the same body;
- `opt={"content": {"text/csv": "text", "application/fhir+json": "object"}}`: what the
  success body can be instead of JSON.

The fuzz tests (tests/test_fuzz.py) check every answer against this document.
"""

from __future__ import annotations

from typing import Any

from litestar import Litestar
from litestar.openapi.spec import (
    OpenAPIHeader,
    OpenAPIMediaType,
    OpenAPIResponse,
    OpenAPIType,
    Operation,
    Reference,
    Schema,
)
from litestar.routes import HTTPRoute

from diarycard.web.problems import MEDIA_TYPE

_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
# What any API route can answer: 401 (no session), 403 (role, CSRF, origin, second
# factor), 404 (not found or not yours), 422 (a parameter breaks a rule), 429 (a limit),
# 503 (the database is busy or away, the audit write failed). A route with a body adds
# 400 (not JSON), 409, 412 (versions), 413 (too large) and 415 (not application/json).
_ALWAYS = {401: "Please sign in", 403: "Not allowed", 404: "Not found",
           422: "Invalid input", 429: "Too many requests (see Retry-After)",
           503: "Temporarily unavailable (see Retry-After)"}
_WITH_BODY = {400: "Bad request (the body is not JSON)", 409: "Conflict",
              412: "Changed elsewhere", 413: "Too large", 415: "Unsupported media type"}

_STRING = Schema(type=OpenAPIType.STRING)
PROBLEM = Schema(
    type=OpenAPIType.OBJECT,
    required=["type", "title", "status", "code", "detail", "request_id"],
    properties={
        "type": _STRING,
        "title": _STRING,
        "status": Schema(type=OpenAPIType.INTEGER, minimum=400, maximum=599),
        "code": _STRING,
        "detail": _STRING,
        "request_id": _STRING,
        "errors": Schema(
            type=OpenAPIType.ARRAY,
            items=Schema(type=OpenAPIType.OBJECT, required=["field", "rule"],
                         properties={"field": _STRING, "rule": _STRING}),
        ),
    },
    description="RFC 9457 problem details; `errors` names each field and its rule.",
)
_RETRY_AFTER = {"Retry-After": OpenAPIHeader(
    schema=Schema(type=OpenAPIType.STRING, pattern=r"^[0-9]+$"), required=True,
    description="Seconds to wait before trying again.")}
_BODIES = {"text": _STRING, "object": Schema(type=OpenAPIType.OBJECT)}


def _problem(description: str, status: int) -> OpenAPIResponse:
    return OpenAPIResponse(
        description=description,
        content={MEDIA_TYPE: OpenAPIMediaType(schema=Reference("#/components/schemas/Problem"))},
        headers=dict(_RETRY_AFTER) if status in (429, 503) else None,
    )


def _document(operation: Operation, method: str, handler: Any) -> None:
    responses = operation.responses if operation.responses is not None else {}
    operation.responses = responses
    success = str(handler.status_code)
    base = responses[success]
    assert isinstance(base, OpenAPIResponse)
    for status, words in handler.opt.get("also", {}).items():
        responses[str(status)] = OpenAPIResponse(description=words, content=base.content)
    content = handler.opt.get("content")
    if success == "204":
        base.content = None  # Litestar documents a JSON body for Response[None]
    elif content:
        base.content = {
            media: OpenAPIMediaType(schema=_BODIES[kind]) for media, kind in content.items()
        }
    statuses = dict(_ALWAYS)
    if method in _UNSAFE:
        statuses.update(_WITH_BODY)
    else:
        responses.pop("400", None)  # Litestar's guess; our parameter errors are 422
    for status, words in statuses.items():
        responses[str(status)] = _problem(words, status)


def _documented(handler: Any) -> type[Operation]:
    """An Operation class that amends itself for `handler` when Litestar builds it."""
    method = next(iter(handler.http_methods))

    class Documented(Operation):
        def __init__(self, **fields: Any) -> None:
            super().__init__(**fields)
            _document(self, method, handler)

    return Documented


def tell_the_truth(app: Litestar) -> None:
    """Have the app's OpenAPI document, when it is built (lazily: building it costs about
    half a second, and most apps never serve it), carry the problem responses, second
    success statuses and content types of every API route."""
    if app.openapi_config is None:
        return
    for route in app.routes:
        if isinstance(route, HTTPRoute) and route.path.startswith("/api/"):
            for handler in route.route_handlers:
                handler.operation_class = _documented(handler)
