"""The one exception tree of diarycard. Domain code raises these; `web/problems.py` maps
them to HTTP `application/problem+json` in exactly one place.

    DiaryError
    ├── Invalid             the input breaks a rule (names the field and the rule)
    ├── Unauthenticated     no valid session
    ├── Forbidden           signed in, but this role may not do this
    ├── NotFound            missing, or not yours (the two are indistinguishable)
    ├── Conflict            clashes with what is stored
    ├── PreconditionFailed  based on a version that is no longer current
    ├── TooLarge            the request is bigger than we accept
    ├── UnsupportedMediaType  the body is not in a format this route takes
    ├── TooMany             slow down; carries how long to wait
    └── Unavailable         the database is down or busy; try again
"""

from __future__ import annotations

from collections.abc import Sequence

import msgspec


class FieldError(msgspec.Struct, frozen=True):
    field: str
    rule: str


class DiaryError(Exception):
    """Something went wrong."""

    def __init__(self, detail: str | None = None) -> None:
        self.detail = detail or (self.__doc__ or "").strip()
        super().__init__(self.detail)


class Invalid(DiaryError):
    """The request breaks a rule."""

    def __init__(self, detail: str | None = None, errors: Sequence[FieldError] = ()) -> None:
        self.errors = list(errors)
        if detail is None and self.errors:
            detail = "; ".join(f"{e.field}: {e.rule}" for e in self.errors)
        super().__init__(detail)

    @classmethod
    def field(cls, field: str, rule: str) -> Invalid:
        return cls(errors=[FieldError(field, rule)])


class Unauthenticated(DiaryError):
    """Please sign in."""


class Forbidden(DiaryError):
    """You cannot do that with this account."""


class NotFound(DiaryError):
    """We could not find that."""


class Conflict(DiaryError):
    """That clashes with what is already stored."""


class PreconditionFailed(DiaryError):
    """That was changed somewhere else since you last saw it."""


class TooLarge(DiaryError):
    """The request is too large."""


class UnsupportedMediaType(DiaryError):
    """Please send this in a format we accept."""


class TooMany(DiaryError):
    """Too many attempts. Please wait and try again."""

    def __init__(self, retry_after: int, detail: str | None = None) -> None:
        self.retry_after = max(1, int(retry_after))
        super().__init__(detail)


class Unavailable(DiaryError):
    """The service is busy or briefly unavailable. Please try again shortly."""
