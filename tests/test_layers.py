"""Imports run one way (docs/style: wiring -> clinician features -> patient features ->
identity -> web plumbing -> base). This reads every module's imports with `ast` and fails
when one runs backwards, naming the module, the line and what it imported.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "backend" / "diarycard"

PATIENT = {"entries", "tables", "crisis", "tools", "problem_solving", "checking", "goals"}
CLINICIAN = {"review", "caseload", "appointments", "notes", "exports"}
IDENTITY = {"accounts", "auth", "audit"}
# Web plumbing; `push` (sending Web Push messages) is plumbing too: it knows no feature.
WEB = {"web", "push"}
# `resources` finds the files the package carries (migrations, the PWA); `validation`
# names the field a value breaks.
BASE = {"db", "settings", "errors", "logs", "resources", "validation"}
# Every top-level part of the package that is not identity, web plumbing or base is a
# feature, or wiring (app, cli, server, ...), which may import anything.
NOT_FEATURES = IDENTITY | WEB | BASE | {
    "__init__", "__main__", "app", "asgi", "cli", "server", "worker", "contracts", "demo",
    "resources", "migrations", "pwa",
}


def _part(module: str) -> str:
    """`diarycard.entries.store` -> `entries`; '' for anything outside the package."""
    parts = module.split(".")
    return parts[1] if parts[0] == "diarycard" and len(parts) > 1 else ""


def _imports(path: Path) -> list[tuple[int, str]]:
    """(line, top-level part) of every diarycard module `path` imports."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, _part(alias.name)) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module == "diarycard":
                found += [(node.lineno, alias.name) for alias in node.names]
            else:
                found.append((node.lineno, _part(node.module)))
    return [(line, part) for line, part in found if part]


def _forbidden(owner: str) -> set[str]:
    """What a module in the part `owner` must never import."""
    every = {p.stem if p.is_file() else p.name for p in PACKAGE.iterdir()
             if not p.name.startswith((".", "_"))}
    features = every - NOT_FEATURES
    if owner in BASE:
        return (every | {"__init__"}) - BASE
    if owner in WEB:
        return features | IDENTITY
    if owner in IDENTITY:
        return features
    if owner in PATIENT:
        return CLINICIAN
    return set()


def test_imports_run_one_way() -> None:
    wrong: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE)
        owner = rel.parts[0].removesuffix(".py")
        forbidden = _forbidden(owner) - {owner}
        for line, part in _imports(path):
            if part in forbidden:
                wrong.append(f"{rel}:{line} ({owner}) imports diarycard.{part}")
    assert not wrong, "imports running backwards:\n" + "\n".join(wrong)


def test_the_layers_name_real_packages() -> None:
    # A renamed package must not silently drop out of the rules.
    for name in PATIENT | CLINICIAN | IDENTITY | WEB:
        assert (PACKAGE / name).is_dir(), name
    for name in BASE:
        assert (PACKAGE / name).is_dir() or (PACKAGE / f"{name}.py").is_file(), name
