"""The patient app's words: every `t("key")` in pwa/page names a key of an en-GB catalogue
the module can reach before it draws (the kit's, shared/words/en-GB.js, or one that a
module it imports adds with addCatalogue, page/**/words/**/en-GB.js), so no screen shows
a bare key; and no key is in two of them, so which catalogue a translator edits is never
in doubt."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

PWA = Path(__file__).resolve().parents[1] / "pwa"
KIT = PWA / "shared" / "words" / "en-GB.js"
KEY = re.compile(r'^\s*"([^"]+)":', re.M)
USED = re.compile(r'\bt\(\s*"([^"]+)"')
# Static imports only: what a module's own code may rely on being there when it runs.
IMPORT = re.compile(r'^\s*(?:import|export)\s+(?:[\w*{}\s,$]+?\s+from\s+)?"(\.[^"]+)"', re.M)


def _catalogues() -> dict[Path, set[str]]:
    chunks = sorted((PWA / "page").glob("**/words/**/en-GB.js"))
    return {f: set(KEY.findall(_text(f))) for f in [KIT, *chunks]}


def _text(catalogue: Path) -> str:
    """A catalogue's text with the parts it is made of (en-GB.js spreads en-GB/*.js)."""
    return "\n".join(f.read_text() for f in sorted(_reached(catalogue.resolve())))


@cache
def _reached(module: Path) -> frozenset[Path]:
    """Every module `module` imports, itself included, following static imports."""
    seen = {module}
    for target in IMPORT.findall(module.read_text()):
        seen |= _reached((module.parent / target).resolve())
    return frozenset(seen)


def test_every_key_a_patient_screen_uses_is_in_a_catalogue_it_loads() -> None:
    catalogues = _catalogues()
    missing = []
    for path in sorted((PWA / "page").rglob("*.js")):
        if "words" in path.relative_to(PWA).parts[:-1]:
            continue
        known = set(catalogues[KIT])
        for reached in _reached(path.resolve()):
            known |= catalogues.get(reached, set())
        missing += [f"{path.relative_to(PWA)}: {key}" for key in USED.findall(path.read_text())
                    if key not in known]
    assert not missing, f"keys in no en-GB catalogue the module loads: {missing}"


def test_no_key_is_in_two_catalogues() -> None:
    seen: dict[str, Path] = {}
    twice = []
    for path, keys in _catalogues().items():
        for key in keys:
            if key in seen:
                twice.append(f"{key}: {seen[key].relative_to(PWA)} and {path.relative_to(PWA)}")
            seen[key] = path
    assert not twice, twice


def test_the_check_ins_wording_in_en_gb_is_the_servers_word_for_word() -> None:
    """The phone shows a check-in's items from the catalogue; in en-GB they must be the
    validated wording the server serves and scores (outcomes/questionnaires/*.json), so a
    change to one is made to both."""
    words = dict(re.findall(r'^\s*"(measure\.[^"]+)":\s*("(?:[^"\\]|\\.)*")',
                            _text(PWA / "page" / "tools" / "words" / "en-GB.js"), re.M))
    served = PWA.parent / "backend" / "diarycard" / "outcomes" / "questionnaires"
    differ = []
    for path in sorted(served.glob("*.json")):
        q = json.loads(path.read_text())
        expected = {f"measure.{q['id']}": q["title"]}
        for item in q["item"]:
            if not item.get("readOnly"):
                expected[f"measure.{q['id']}.{item['linkId']}"] = item["text"]
            for option in item.get("answerOption", []):
                coding = option["valueCoding"]
                expected[f"measure.answer.{coding['code']}"] = coding["display"]
        differ += [key for key, text in expected.items()
                   if key not in words or json.loads(words[key]) != text]
    assert not differ, f"check-in words that are not the server's: {differ}"
