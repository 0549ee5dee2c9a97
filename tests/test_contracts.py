from __future__ import annotations

import typing

import msgspec

from diarycard import contracts


def test_generated_contracts_match_the_code() -> None:
    stale = contracts.stale(contracts.generate())
    assert stale == [], (
        f"{[str(p) for p in stale]} are stale: run `python -m diarycard.contracts` and commit"
    )


def _body_types(app) -> list[tuple[str, type]]:
    found = []
    for route in app.routes:
        for handler in getattr(route, "route_handlers", []):
            data = handler.parsed_fn_signature.parameters.get("data")
            if data is None:
                continue
            kind = data.annotation
            while typing.get_origin(kind) in (typing.Annotated, list):
                kind = typing.get_args(kind)[0]
            found.append((f"{sorted(handler.http_methods)} {route.path}", kind))
    return found


def test_every_request_body_forbids_unknown_fields(app) -> None:
    """Nobody can set patient_id, role or site_id by adding it to a body (mass assignment)."""
    bodies = _body_types(app)
    assert bodies, "the app has write routes"
    for where, kind in bodies:
        assert issubclass(kind, msgspec.Struct), where
        for struct in _nested_structs(msgspec.inspect.type_info(kind)):
            assert struct.forbid_unknown_fields, f"{where}: {struct.cls.__name__}"


def _nested_structs(info, seen=None):
    """Every Struct reachable from a body type, nested ones included."""
    seen = set() if seen is None else seen
    if isinstance(info, msgspec.inspect.StructType):
        if info.cls in seen:
            return
        seen.add(info.cls)
        yield info
        for field in info.fields:
            yield from _nested_structs(field.type, seen)
    elif isinstance(info, msgspec.inspect.UnionType):
        for member in info.types:
            yield from _nested_structs(member, seen)
    elif isinstance(info, (msgspec.inspect.ListType, msgspec.inspect.SetType,
                           msgspec.inspect.FrozenSetType, msgspec.inspect.VarTupleType)):
        yield from _nested_structs(info.item_type, seen)
    elif isinstance(info, msgspec.inspect.DictType):
        yield from _nested_structs(info.value_type, seen)
    elif isinstance(info, msgspec.inspect.Metadata):
        yield from _nested_structs(info.type, seen)
