"""Which field broke which rule, found from the types rather than from msgspec's words.

msgspec's `ValidationError` carries only an English sentence ("Expected `int` <= 10 - at
`$.emotion_intensity`"); its wording can change in any release. So when a value does not
convert, `locate` walks the value and the target type together (struct fields from
`msgspec.structs.fields`, containers and unions from `typing`) and converts each part on
its own until it reaches the smallest part that fails. Unknown and missing fields are found
by comparing keys with the struct's fields. The rule is then msgspec's sentence for that
part alone, shown as it is: nothing is parsed out of it.

Only failures come here; good input is decoded once, by msgspec, as before.
"""

from __future__ import annotations

import types
from typing import Annotated, Any, Union, get_args, get_origin

import msgspec

from diarycard.errors import FieldError

UNKNOWN = "unknown field: not allowed here"
MISSING = "required: this field is missing"


def locate(value: Any, type_: Any, *, strict: bool = True, path: str = "") -> FieldError:
    """The first part of `value` that does not convert to `type_`, with its rule.
    `value` holds builtins (decoded JSON, or strings from the environment)."""
    inner = _unwrap(type_)
    if _is_struct(inner) and isinstance(value, dict):
        found = _in_struct(value, inner, strict, path)
        if found is not None:
            return found
    elif get_origin(inner) in (list, tuple, set, frozenset) and isinstance(value, list):
        args = get_args(inner)
        if args and (get_origin(inner) is not tuple or args[-1] is Ellipsis):
            for i, item in enumerate(value):
                if not _converts(item, args[0], strict):
                    return locate(item, args[0], strict=strict, path=f"{path}[{i}]")
    elif get_origin(inner) is dict and isinstance(value, dict):
        _, value_type = get_args(inner) or (Any, Any)
        for key, item in value.items():
            if not _converts(item, value_type, strict):
                return locate(item, value_type, strict=strict, path=_join(path, str(key)))
    elif _is_union(inner) and value is not None:
        members = [m for m in get_args(inner) if m is not type(None)]
        if len(members) == 1:
            return locate(value, members[0], strict=strict, path=path)
    return FieldError(path or "body", _rule(value, type_, strict))


def _in_struct(value: dict[str, Any], cls: Any, strict: bool, path: str) -> FieldError | None:
    # In the order msgspec reads an object: its keys as sent, then what is missing.
    fields = {f.encode_name: f for f in msgspec.structs.fields(cls)}
    for key, item in value.items():
        field = fields.get(key)
        if field is None:
            if cls.__struct_config__.forbid_unknown_fields:
                return FieldError(_join(path, key), UNKNOWN)
        elif not _converts(item, field.type, strict):
            return locate(item, field.type, strict=strict, path=_join(path, key))
    for name, field in fields.items():
        if field.required and name not in value:
            return FieldError(_join(path, name), MISSING)
    return None


def _converts(value: Any, type_: Any, strict: bool) -> bool:
    try:
        msgspec.convert(value, _decoded(type_), strict=strict)
    except msgspec.ValidationError:
        return False
    return True


def _rule(value: Any, type_: Any, strict: bool) -> str:
    try:
        msgspec.convert(value, _decoded(type_), strict=strict)
    except msgspec.ValidationError as exc:
        return str(exc)
    # The parts convert one by one but not together (a rule across fields): say so.
    return "does not fit the expected shape"


def _decoded(type_: Any) -> Any:
    """`type_` as it applies to decoded JSON: `msgspec.Raw` (kept undecoded, so any JSON
    value) becomes Any, keeping the limits around it."""
    if type_ is msgspec.Raw:
        return Any
    origin, args = get_origin(type_), get_args(type_)
    if origin is Annotated:
        return Annotated[(_decoded(args[0]), *type_.__metadata__)]
    if origin is list and args:
        return list[_decoded(args[0])]  # type: ignore[misc]
    return type_


def _unwrap(type_: Any) -> Any:
    while get_origin(type_) is Annotated:
        type_ = get_args(type_)[0]
    return type_


def _is_struct(type_: Any) -> bool:
    return isinstance(type_, type) and issubclass(type_, msgspec.Struct)


def _is_union(type_: Any) -> bool:
    return get_origin(type_) in (Union, types.UnionType)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
