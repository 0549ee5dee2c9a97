#!/usr/bin/env python3
"""Write what the patient app's files say about themselves, so nobody keeps it by hand.

From the ES modules under pwa/ it works out:
- pwa/app/: the patient app bundled for the phone (Rollup, then esbuild's whitespace and
  syntax minifier, both pinned in package.json): main.js holds everything the first load
  needs, in one request; each screen loaded on first use is a chunk of its own, which
  imports what it shares from main.js. The sources stay plain ES modules; only the phone
  runs the bundle. Node is needed to write it, never to build or run the product;
- SHELL_FILES: what the first load needs (pwa/app/main.js, the service worker's modules
  and the style sheets the app adds);
- LATER_FILES: the chunks loaded on first use, kept by the service worker once fetched,
  and /crisis as the server renders it;
- VERSION: a digest of those files, which names the service worker's cache;
- the pages a person may open directly (every `registerScreen({path: ...})`), which the
  server answers with the shell (web/static.py reads pwa/pages.json).

It rewrites pwa/app/, pwa/shared/shell-files.js, the "// Shell version" line of pwa/sw.js
and pwa/pages.json with --write; without it, it exits 1 naming each file that is stale.
"""

from __future__ import annotations

import hashlib
import json
import re
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PWA = ROOT / "pwa"
APP = PWA / "app"
BIN = ROOT / "node_modules" / ".bin"
SHELL_JS = PWA / "shared" / "shell-files.js"
WORKER = PWA / "sw.js"
PAGES = PWA / "pages.json"

# The shell's own files, before any module.
DOCUMENTS = ["/index.html", "/style.css", "/manifest.webmanifest"]
# Served by the server, not by a file: /crisis carries the site's numbers in its HTML
# (crisis/page.py); "/" is the shell itself and /not-found the router's fallback.
NOT_PAGES = {"/", "/crisis", "/not-found"}

COMMENTS = re.compile(r"/\*.*?\*/|(?<![:\"'\w])//[^\n]*", re.S)
STATIC = re.compile(r"""(?:^|;|\n)\s*(?:import|export)\s+(?:[\w*{}\s,$]+?\s+from\s+)?["']([^"']+)["']""")
DYNAMIC = re.compile(r"""\bimport\(\s*["']([^"']+)["']\s*\)""")
STYLES = re.compile(r"""["'](/[\w/.-]+\.css)["']""")
SCREEN = re.compile(r"""registerScreen\(\{\s*path:\s*["'](/[^"']*)["']""")


def _url(path: Path) -> str:
    return "/" + path.relative_to(PWA).as_posix()


def _source(url: str) -> str:
    if url in _GRAPH:
        return _GRAPH[url]
    return COMMENTS.sub("", (PWA / url.lstrip("/")).read_text())


def _resolve(base: str, target: str) -> str:
    if not target.startswith("."):
        raise SystemExit(f"{base}: only relative imports are allowed, not {target!r}")
    parts = base.split("/")[:-1]
    for part in target.split("/"):
        if part == "..":
            parts.pop()
        elif part != ".":
            parts.append(part)
    return "/".join(parts)


def _closure(roots: list[str], skip: set[str]) -> tuple[list[str], set[str]]:
    """Modules reachable by static imports from `roots` (not in `skip`), and the targets
    of their dynamic imports."""
    seen: list[str] = []
    dynamic: set[str] = set()
    todo = list(roots)
    while todo:
        url = todo.pop()
        if url in seen or url in skip:
            continue
        seen.append(url)
        source = _source(url)
        todo.extend(_resolve(url, t) for t in STATIC.findall(source))
        dynamic.update(_resolve(url, t) for t in DYNAMIC.findall(source))
    return seen, dynamic


def _styles(modules: list[str]) -> set[str]:
    """Style sheets a module adds to the page (the list itself names them all)."""
    return {css for url in modules if url != "/shared/shell-files.js"
            for css in STYLES.findall(_source(url))}


def bundle() -> dict[str, str]:
    """The app as the phone runs it: {"/app/<file>": text}."""
    if not (BIN / "rollup").exists() or not (BIN / "esbuild").exists():
        raise SystemExit("node_modules/.bin has no rollup or esbuild: run npm ci (bash scripts/test does)")
    with tempfile.TemporaryDirectory() as tmp:
        rolled, small = Path(tmp, "rolled"), Path(tmp, "small")
        subprocess.run([BIN / "rollup", PWA / "page" / "main.js", "--format", "es", "--dir", rolled,
                        "--entryFileNames", "[name].js", "--chunkFileNames", "[name]-[hash].js",
                        "--silent"], check=True)
        subprocess.run([BIN / "esbuild", *sorted(rolled.glob("*.js")), f"--outdir={small}",
                        "--minify-whitespace", "--minify-syntax", "--format=esm",
                        "--target=es2022", "--log-level=warning"], check=True)
        # The graph is read from Rollup's output, where imports keep their spaces.
        texts = {f"/app/{f.name}": f.read_text() for f in sorted(small.glob("*.js"))}
        graph = {f"/app/{f.name}": COMMENTS.sub("", f.read_text()) for f in rolled.glob("*.js")}
    _GRAPH.clear()
    _GRAPH.update(graph)
    _TEXTS.clear()
    _TEXTS.update(texts)
    return texts


# The bundle as made by this run (it may not be written yet): its import graph, its text.
_GRAPH: dict[str, str] = {}
_TEXTS: dict[str, str] = {}


def file_lists() -> tuple[list[str], list[str]]:
    if not _GRAPH:
        bundle()
    worker_imports = [_resolve("/sw.js", t) for t in STATIC.findall(_source("/sw.js"))]
    worker, _ = _closure(worker_imports, set())
    shell, dynamic = _closure(["/app/main.js"], set())
    later: list[str] = []
    while dynamic - set(shell) - set(later):
        found, more = _closure(sorted(dynamic - set(shell) - set(later)), set(shell))
        later.extend(found)
        dynamic |= more
    shell_css = _styles(shell)
    later_css = _styles(later) - shell_css
    shell = [*shell, *worker]
    return (
        DOCUMENTS + sorted({*shell, *shell_css} - set(DOCUMENTS)),
        ["/crisis", *sorted({*later, *later_css})],
    )


def version(files: list[str]) -> str:
    """The digest tests/pwa/test_shell.py checks: each file's path and bytes, then the list."""
    digest = hashlib.sha256()
    for url in sorted(set(files) - {"/", "/crisis", "/shared/shell-files.js"}):
        body = _TEXTS[url].encode() if url in _TEXTS else (PWA / url.lstrip("/")).read_bytes()
        digest.update(url.encode() + b"\0" + body)
    digest.update(json.dumps(sorted(files)).encode())
    return digest.hexdigest()[:12]


def pages() -> list[str]:
    found = {p for js in PWA.glob("page/**/*.js") for p in SCREEN.findall(_source(_url(js)))}
    return sorted(found - NOT_PAGES)


# Said once where the list names it (no quoted paths: the shell test reads every one).
WHY = {"/crisis": "  // /crisis as the server renders it, the emergency numbers in its HTML: kept from the\n"
                  "  // first visit (or sign-in) on, for a phone whose scripts cannot run offline.\n"}


def _js_list(urls: list[str]) -> str:
    return "".join(f'{WHY.get(u, "")}  "{u}",\n' for u in urls)


def shell_files_js(shell: list[str], later: list[str]) -> str:
    return f"""// @ts-check
// Written by scripts/pwa_manifest.py --write: do not edit by hand (bash scripts/test
// fails when it is stale). The service worker precaches the shell in a cache named by
// VERSION; each file counts towards the first-load budget (tests/pwa/test_shell.py).
export const VERSION = "{version(shell + later)}";

export const SHELL_FILES = [
{_js_list(shell)}];

// Loaded on first use, then kept by the service worker (pwa/README.md). VERSION covers them.
export const LATER_FILES = [
{_js_list(later)}];
"""


def expected() -> dict[Path, str]:
    app = bundle()
    for path in APP.glob("*.js"):  # a chunk no longer made is stale too
        app.setdefault(_url(path), "")
    shell, later = file_lists()
    worker = re.sub(r"// Shell version \w+:", f"// Shell version {version(shell + later)}:",
                    WORKER.read_text())
    return {
        **{PWA / url.lstrip("/"): text for url, text in app.items()},
        SHELL_JS: shell_files_js(shell, later),
        WORKER: worker,
        PAGES: json.dumps(pages(), indent=2) + "\n",
    }


def main(argv: list[str]) -> int:
    write = "--write" in argv
    stale = []
    for path, text in expected().items():
        if path.exists() and path.read_text() == text or not path.exists() and not text:
            continue
        if write and not text:
            path.unlink()
            print(f"removed {path.relative_to(ROOT)}")
        elif write:
            path.parent.mkdir(exist_ok=True)
            path.write_text(text)
            print(f"wrote {path.relative_to(ROOT)}")
        else:
            stale.append(str(path.relative_to(PWA.parent)))
    if stale:
        print(f"stale: {', '.join(stale)}; run python3 scripts/pwa_manifest.py --write",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
