"""Finding 5: every integer a request can carry has a range, so no number, however large,
reaches the database (which answered 500 for an agreement's draft_version of 2^40)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tools_api import Call

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"
OPENAPI = json.loads((SCHEMAS / "openapi.json").read_text())
JSON = SCHEMAS / "json"


def _unbounded(
    node: Any, where: str, seen: set[str], defs: dict[str, Any],
    bounds: frozenset[str] = frozenset(),
) -> list[str]:
    """Integers under `node` without both a minimum and a maximum (a bound written beside
    a oneOf/anyOf applies to its integer arm)."""
    if isinstance(node, dict) and "$ref" in node:
        if node["$ref"] in seen:
            return []
        seen = seen | {node["$ref"]}
        node = defs[node["$ref"].rsplit("/", 1)[1]]
    if not isinstance(node, dict):
        return []
    found = []
    bounds = bounds | {k for k in ("minimum", "maximum") if k in node}
    kinds = node.get("type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    if "integer" in kinds and bounds != {"minimum", "maximum"}:
        found.append(where)
    for key, child in (node.get("properties") or {}).items():
        found += _unbounded(child, f"{where}.{key}", seen, defs)
    for key in ("items", "additionalProperties"):
        if isinstance(node.get(key), dict):
            found += _unbounded(node[key], f"{where}[]", seen, defs)
    for key in ("oneOf", "anyOf", "allOf"):
        for child in node.get(key, []):
            found += _unbounded(child, where, seen, defs, bounds)
    return found


def _bodies() -> dict[str, Any]:
    """Each request body's own JSON Schema (schemas/json, from msgspec), by name. The
    OpenAPI document's copies lose `minimum: 0` (Litestar 2.25 skips falsy bounds), so
    ranges are read from msgspec's, which the app validates with."""
    found = {}
    for path in JSON.glob("*.json"):
        found[path.stem.split(".", 1)[1]] = json.loads(path.read_text())
    return found


def test_every_integer_in_every_request_has_a_range() -> None:
    bodies, found, checked = _bodies(), [], 0
    for path, item in OPENAPI["paths"].items():
        for method, operation in item.items():
            if method not in {"get", "put", "post", "patch", "delete"}:
                continue
            name = f"{method.upper()} {path}"
            for parameter in operation.get("parameters", []):
                checked += 1
                found += _unbounded(parameter.get("schema", {}), f"{name} ?{parameter['name']}",
                                    set(), {})
            for media in operation.get("requestBody", {}).get("content", {}).values():
                ref = media.get("schema", {}).get("$ref", "")
                struct = bodies[ref.rsplit("/", 1)[1]]
                checked += 1
                found += _unbounded(struct, f"{name} body", set(), struct.get("$defs", {}))
    assert checked > 60
    assert not found, f"integers without a range: {found}"


async def test_huge_versions_are_refused_by_name(api: Call) -> None:
    agreed = await api("P1", "PUT", "/crisis-plan/agreement", json={"draft_version": 2**40})
    assert agreed.status_code == 422
    assert agreed.json()["errors"][0]["field"] == "draft_version"
    goal = await api("C1", "PUT",
                     "/patients/{P1}/goals/8a4e1a6c-2f4b-4b0e-9d1e-1c2b3a4d5e6f/agreement",
                     json={"version": 2**40})
    assert goal.status_code == 422 and goal.json()["errors"][0]["field"] == "version"
