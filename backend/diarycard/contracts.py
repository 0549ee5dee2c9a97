"""Generate the contracts in `schemas/` from the code: the OpenAPI document of the app and
a JSON Schema for every msgspec Struct in the package. One source of truth: a test fails
when the files on disk differ from what this produces.

    python -m diarycard.contracts          # write schemas/
    python -m diarycard.contracts --check  # exit 1 if stale
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from pathlib import Path
from typing import Any

import msgspec

import diarycard
from diarycard.app import create_app
from diarycard.settings import REPO_ROOT, load_settings

SCHEMAS = REPO_ROOT / "schemas"


def _structs() -> list[type[msgspec.Struct]]:
    found: dict[str, type[msgspec.Struct]] = {}
    # The wire contracts live in `models` and `routes` modules (and the error body).
    for module in pkgutil.walk_packages(diarycard.__path__, "diarycard."):
        if not module.name.endswith((".models", ".routes", ".errors")):
            continue
        loaded = importlib.import_module(module.name)
        for value in vars(loaded).values():
            if (
                isinstance(value, type)
                and issubclass(value, msgspec.Struct)
                and value.__module__ == loaded.__name__
            ):
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


def _encode(document: Any) -> str:
    text = msgspec.json.format(msgspec.json.encode(document, order="sorted"), indent=2)
    return text.decode() + "\n"


def generate() -> dict[Path, str]:
    """Every contract file, as {path: text}."""
    files: dict[Path, str] = {}
    settings = load_settings({}, openapi=True)
    app = create_app(settings, "postgresql://unused@localhost/unused")
    assert app.openapi_schema is not None
    files[SCHEMAS / "openapi.json"] = _encode(app.openapi_schema.to_schema())
    for struct in _structs():
        (schema,), defs = msgspec.json.schema_components(
            [struct], ref_template="#/$defs/{name}"
        )
        document = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}
        if defs:
            document["$defs"] = defs
        # Named by feature and Struct, so two features may both have an `Entry`.
        feature = struct.__module__.split(".")[1]
        files[SCHEMAS / "json" / f"{feature}.{struct.__name__}.json"] = _encode(document)
    return files


def stale(files: dict[Path, str]) -> list[Path]:
    """Paths whose content differs from `files`, and generated files that should not exist."""
    differ = [p for p, text in files.items() if not p.exists() or p.read_text() != text]
    extra = [p for p in (SCHEMAS / "json").glob("*.json") if p not in files]
    return sorted(differ + extra)


def main(argv: list[str]) -> int:
    files = generate()
    if "--check" in argv:
        bad = stale(files)
        for path in bad:
            print(f"stale: {path.relative_to(REPO_ROOT)}", file=sys.stderr)
        return 1 if bad else 0
    (SCHEMAS / "json").mkdir(parents=True, exist_ok=True)
    for path in (SCHEMAS / "json").glob("*.json"):
        if path not in files:
            path.unlink()
    for path, text in files.items():
        path.write_text(text)
    print(f"Wrote {len(files)} files under schemas/")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
