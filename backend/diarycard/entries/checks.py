"""Rules msgspec cannot express, checked after decoding so each failure names its field:
no NUL or unpaired surrogates in text, no key twice in one object, and a believable
`occurred_at`.

msgspec refuses a lone surrogate escape ("\\ud800") with a byte offset, not a field name.
`DiaryRequest` rewrites such escapes to "\\u0000" before decoding, so they reach the
text check below and come back as a 422 naming the field; invalid UTF-8 is refused whole.
"""

from __future__ import annotations

import hashlib
import json
import re
from datetime import UTC, datetime, timedelta
from typing import Any

import msgspec

from diarycard.entries.models import EntryIn
from diarycard.errors import FieldError, Invalid
from diarycard.web.body import JsonRequest

_BAD_TEXT = re.compile("[\x00\ud800-\udfff]")
TEXT_RULE = "must not contain NUL characters or unpaired surrogates"
EARLIEST = datetime(2000, 1, 1, tzinfo=UTC)
FUTURE_LIMIT = timedelta(hours=24)

# A \\uD800-\\uDBFF escape not followed by a low one, or a \\uDC00-\\uDFFF escape not after a
# high one. `(?<!\\)(?:\\\\)*` makes sure the backslash starts an escape (not "\\\\ud800").
_LONE = re.compile(
    rb"(?<!\\)((?:\\\\)*)(?:\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    rb"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2})"
)


def neutralise_surrogates(body: bytes) -> bytes:
    """Replace lone surrogate escapes with \\u0000 (refused later, naming the field)."""
    if b"\\u" not in body:
        return body
    return _LONE.sub(rb"\1\\u0000", body)


class DiaryRequest(JsonRequest):
    """A request whose JSON body is checked for encoding before msgspec sees it."""

    async def body(self) -> bytes:
        raw = await super().body()
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError:
            raise Invalid.field("body", "must be valid UTF-8") from None
        body = neutralise_surrogates(raw)
        refuse_repeated_keys(body)
        return body


def _no_repeats(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: dict[str, Any] = {}
    for key, value in pairs:
        if key in seen:
            raise Invalid.field(key, "must appear only once in an object")
        seen[key] = value
    return seen


_PAIRS_DECODER = json.JSONDecoder(object_pairs_hook=_no_repeats)
# A JSON string, and whether a colon follows it (then it is a key).
_STRING = re.compile(rb'"([^"\\]*)"\s*(:?)')


def _keys_all_differ(body: bytes) -> bool:
    """True when no key appears twice anywhere in the body, so no object can repeat one:
    the common case, found with one regex scan instead of a full second parse. Without
    backslashes every string is its plain bytes, so the scan finds them exactly."""
    if b"\\" in body:
        return False
    keys = [m[1] for m in _STRING.finditer(body) if m[2]]
    return len(keys) == len(set(keys))


def refuse_repeated_keys(body: bytes) -> None:
    """msgspec keeps the last of two equal keys; which one the sender meant is unknowable,
    so the body is refused instead. A body that is not JSON is left for msgspec to name."""
    if not body or _keys_all_differ(body):
        return
    try:
        _PAIRS_DECODER.decode(body.decode("utf-8"))
    except (ValueError, RecursionError):
        return


def text_errors(field: str, value: str | None) -> list[FieldError]:
    if value is not None and _BAD_TEXT.search(value):
        return [FieldError(field, TEXT_RULE)]
    return []


def entry_errors(entry: EntryIn, now: datetime, prefix: str = "") -> list[FieldError]:
    """Every rule `entry` breaks beyond its Struct, with field names under `prefix`."""
    found: list[FieldError] = []
    for name in ("emotion", "urge", "helpful_response", "note"):
        found += text_errors(prefix + name, getattr(entry, name))
    for i, indicator in enumerate(entry.indicators):
        found += text_errors(f"{prefix}indicators[{i}]", indicator)
    if entry.occurred_at < EARLIEST:
        found.append(FieldError(prefix + "occurred_at", "must not be before 2000-01-01"))
    elif entry.occurred_at > now + FUTURE_LIMIT:
        found.append(
            FieldError(prefix + "occurred_at", "must not be more than 24 hours in the future")
        )
    return found


def check_entry(entry: EntryIn, now: datetime, prefix: str = "") -> None:
    found = entry_errors(entry, now, prefix)
    if found:
        raise Invalid(errors=found)


_CANONICAL = msgspec.json.Encoder(order="deterministic")


def body_hash(entry: EntryIn) -> bytes:
    """SHA-256 of what the patient wrote. Fields left at their defaults are omitted (the
    Struct sets omit_defaults), so a field added later does not turn a replay of an old
    body into a conflict; `id` and `base_version` are not part of the words."""
    words = entry
    if entry.id is not None:
        words = msgspec.structs.replace(words, id=None)
    if getattr(words, "base_version", None) is not None:
        words = msgspec.structs.replace(words, base_version=None)
    return hashlib.sha256(_CANONICAL.encode(words)).digest()
