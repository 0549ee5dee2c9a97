"""Decoding a JSON body by hand, for handlers that read it themselves (the diary's hot
write and its batch), with the answers Litestar gives for a `data` parameter: 400 for what
is not JSON, 422 naming the field for what breaks the Struct."""

from __future__ import annotations

from typing import TypeVar

import msgspec
from litestar.exceptions import ClientException, ValidationException

T = TypeVar("T")


def decode_json(body: bytes, type_: type[T]) -> T:
    try:
        return msgspec.json.decode(body, type=type_)
    except msgspec.ValidationError as exc:
        raise ValidationException(str(exc), extra=[{"message": str(exc)}]) from None
    except msgspec.DecodeError as exc:
        raise ClientException(str(exc)) from None
