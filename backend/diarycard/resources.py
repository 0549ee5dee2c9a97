"""Files the package carries and reads at run time: the SQL migrations and the PWA.

Both are found through `importlib.resources`, so a wheel installed anywhere (an image, a
virtualenv) has them. In the repository they stay where people edit them (`schemas/sql/`
and `pwa/`); `diarycard/migrations` and `diarycard/pwa` are symlinks to those folders,
which the wheel build follows and copies (pyproject.toml's package-data).
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path


def _packaged(name: str) -> Path:
    found = files("diarycard") / name
    # A wheel is installed unpacked, so its files are plain paths; the static file server
    # and the migration runner both need real files.
    return Path(str(found))


def migrations_dir() -> Path:
    return _packaged("migrations")


def pwa_dir() -> Path:
    return _packaged("pwa")
