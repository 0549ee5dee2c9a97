"""Text fields of the tools. PostgreSQL cannot store NUL, so `check_text` refuses it after
decoding, naming the field with the diary's own rule; lone surrogate escapes reach it as
NUL (`entries.checks.DiaryRequest` rewrites them before msgspec sees the body).
"""

from __future__ import annotations

from typing import Annotated, Any

import msgspec
from msgspec import Meta

from diarycard.entries.checks import text_errors
from diarycard.errors import FieldError, Invalid

Line = Annotated[str, Meta(min_length=1, max_length=200)]
Short = Annotated[str, Meta(max_length=200)]
Text = Annotated[str, Meta(max_length=2000)]
Phone = Annotated[
    str, Meta(min_length=3, max_length=20, pattern=r"\A\+?[0-9][0-9 ()-]*\Z",
              description="digits, spaces, brackets and dashes; may start with +")
]
Percent = Annotated[int, Meta(ge=0, le=100)]
Version = Annotated[int, Meta(ge=0, le=1_000_000)]


def _bad_text(value: Any, path: str) -> list[FieldError]:
    if isinstance(value, str):
        return text_errors(path or "body", value)
    found: list[FieldError] = []
    if isinstance(value, msgspec.Struct):
        for name in value.__struct_fields__:
            found += _bad_text(getattr(value, name), f"{path}.{name}" if path else name)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            found += _bad_text(item, f"{path}[{i}]")
    return found


def check_text(data: msgspec.Struct) -> None:
    """Raise Invalid naming every text field of `data` that holds NUL or a lone surrogate."""
    found = _bad_text(data, "")
    if found:
        raise Invalid(errors=found)
