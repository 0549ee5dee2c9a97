"""Decoding a JSON body by hand, for handlers that read it themselves (the diary's write
and its batch), with the answers Litestar gives for a `data` parameter: 400 for what is not
JSON, 422 naming the field for what breaks the Struct."""

from __future__ import annotations

from typing import Any, TypeVar

import msgspec
from litestar import Request
from litestar.exceptions import ClientException

from diarycard.errors import FieldError, Invalid
from diarycard.validation import locate

T = TypeVar("T")


def decode_json(body: bytes, type_: type[T]) -> T:
    try:
        return msgspec.json.decode(body, type=type_)
    except msgspec.ValidationError:
        raise Invalid(errors=[invalid_json(body, type_)]) from None
    except msgspec.DecodeError as exc:
        raise ClientException(str(exc)) from None


def invalid_json(body: bytes, type_: Any) -> FieldError:
    """The field of a JSON `body` that does not fit `type_` (which it does not)."""
    try:
        value = msgspec.json.decode(body)
    except msgspec.DecodeError as exc:  # e.g. 1e400: no value to walk, only the text
        return FieldError("body", str(exc))
    return locate(value, type_)


class JsonRequest(Request[Any, Any, Any]):
    """Keeps the JSON body it decoded for a `data` parameter, so that when it breaks the
    parameter's Struct the error handler can name the field from the value itself."""

    async def json(self) -> Any:
        value = await super().json()
        self.state.json_body = value
        return value
