"""The hazard log names, for every hazard, tests that exist (docs/clinical-safety)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOG = ROOT / "docs" / "clinical-safety" / "hazard-log.md"
NAMED = re.compile(r"(tests/[\w/]+\.py)::(\w+)")


def hazards() -> dict[str, str]:
    rows = [line for line in LOG.read_text(encoding="utf-8").splitlines()
            if line.startswith("| H-")]
    return {row.split("|")[1].strip(): row for row in rows}


def functions_in(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {node.name for node in ast.walk(tree)
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
            and node.name.startswith("test_")}


def test_every_hazard_names_tests_that_exist() -> None:
    found = hazards()
    assert len(found) >= 20
    ids = [line.split("|")[1].strip() for line in LOG.read_text(encoding="utf-8").splitlines()
           if line.startswith("| H-")]
    assert ids == sorted(set(ids)), "each id once, in order"
    missing = []
    for hazard, row in found.items():
        columns = [c.strip() for c in row.strip("|").split("|")]
        assert len(columns) == 7, f"{hazard}: expected 7 columns, found {len(columns)}"
        named = NAMED.findall(columns[5])
        assert named, f"{hazard} names no test"
        for file, name in named:
            path = ROOT / file
            if not path.is_file() or name not in functions_in(path):
                missing.append(f"{hazard}: {file}::{name}")
    assert not missing, "tests named in the hazard log do not exist:\n" + "\n".join(missing)
