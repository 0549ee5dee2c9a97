"""The patient app's words: every `t("key")` in pwa/page names a key of an en-GB catalogue
it can reach (the kit's, shared/words/en-GB.js, or one a chunk adds with addCatalogue,
page/**/words/**/en-GB.js), so no screen shows a bare key; and no key is in two of them,
so which catalogue a translator edits is never in doubt."""

from __future__ import annotations

import re
from pathlib import Path

PWA = Path(__file__).resolve().parents[1] / "pwa"
KEY = re.compile(r'^\s*"([^"]+)":', re.M)
USED = re.compile(r'\bt\(\s*"([^"]+)"')


def _catalogues() -> dict[Path, set[str]]:
    chunks = sorted((PWA / "page").glob("**/words/**/en-GB.js"))
    files = [PWA / "shared" / "words" / "en-GB.js", *chunks]
    return {f: set(KEY.findall(f.read_text())) for f in files}


def test_every_key_the_patient_app_uses_is_in_a_catalogue() -> None:
    known = set().union(*_catalogues().values())
    missing = sorted(
        f"{path.relative_to(PWA)}: {key}"
        for path in (PWA / "page").rglob("*.js")
        if "words" not in path.parts
        for key in USED.findall(path.read_text())
        if key not in known
    )
    assert not missing, f"keys in no en-GB catalogue: {missing}"


def test_no_key_is_in_two_catalogues() -> None:
    seen: dict[str, Path] = {}
    twice = []
    for path, keys in _catalogues().items():
        for key in keys:
            if key in seen:
                twice.append(f"{key}: {seen[key].relative_to(PWA)} and {path.relative_to(PWA)}")
            seen[key] = path
    assert not twice, twice
