"""Named SQL queries loaded from `.sql` files beside the code that uses them.

A file holds blocks that start with `-- name: some_query`; comments in SQL say why.
Values only ever travel as `$n` parameters (the same format aiosql and procrastinate use).
"""

from __future__ import annotations

import re
from pathlib import Path

_NAME = re.compile(r"^--\s*name:\s*(\w+)\s*$", re.MULTILINE)


def load_queries(path: Path) -> dict[str, str]:
    """Read `path` and answer {name: sql}; fail at import when a name repeats."""
    text = path.read_text(encoding="utf-8")
    parts = _NAME.split(text)
    queries: dict[str, str] = {}
    for name, body in zip(parts[1::2], parts[2::2], strict=True):
        if name in queries:
            raise ValueError(f"{path.name}: query {name!r} is defined twice")
        queries[name] = body.strip()
    return queries
