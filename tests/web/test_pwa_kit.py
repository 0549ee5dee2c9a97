"""The three PWA apps share one kit and never reach into each other's folders; what is
written from their code (file lists, VERSION, pages) is up to date."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PWA = ROOT / "pwa"
APPS = {"page", "review", "accounts"}
IMPORT = re.compile(r"""(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']""")


def _imports(path: Path) -> list[str]:
    return [m for m in IMPORT.findall(path.read_text()) if m.startswith(".")]


def test_no_app_imports_another_apps_folder() -> None:
    crossings = []
    for path in PWA.rglob("*.js"):
        own = path.relative_to(PWA).parts[0]
        for target in _imports(path):
            lands = (path.parent / target).resolve().relative_to(PWA).parts[0]
            if lands in APPS and lands != own:
                crossings.append(f"{path.relative_to(PWA)} imports {target}")
    assert crossings == []


def test_the_kit_imports_no_app() -> None:
    """shared/ is used by all three apps and the service worker: it imports only itself
    (its own folders included: the word catalogues live in shared/words/)."""
    for path in (PWA / "shared").rglob("*.js"):
        for target in _imports(path):
            assert (path.parent / target).resolve().is_relative_to(PWA / "shared"), (path, target)


def test_generated_lists_are_fresh() -> None:
    """scripts/pwa_manifest.py exits 1 and names the file when a list is stale."""
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "pwa_manifest.py")],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
