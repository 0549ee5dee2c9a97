"""The long fuzz run, for nightly use (the test command runs a short one in CI).

Runs tests/test_fuzz.py with many more examples per route and schemathesis's coverage
phase (its boundary values for every parameter) on top of the generated cases, against
the real server, as patient, clinician and admin. Prints the requests by status class.

    DIARYCARD_TEST_DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres \
        .venv/bin/python bench/fuzz_long.py [examples per route, default 200]
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    examples = sys.argv[1] if len(sys.argv) > 1 else "200"
    env = {**os.environ, "DIARYCARD_FUZZ_EXAMPLES": examples,
           "DIARYCARD_FUZZ_PHASES": "examples,coverage,fuzzing"}
    started = time.monotonic()
    code = subprocess.call(
        [sys.executable, "-m", "pytest", str(ROOT / "tests" / "test_fuzz.py"), "-q", "-s",
         "-p", "no:cacheprovider"], env=env, cwd=ROOT)
    print(f"long fuzz run: {examples} examples per route, {time.monotonic() - started:.0f} s, "
          f"exit {code}")
    return code


if __name__ == "__main__":
    raise SystemExit(main())
