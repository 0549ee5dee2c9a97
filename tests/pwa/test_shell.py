"""The shell: installable, controlled by the service worker, open offline, light."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import struct

import httpx
from playwright.sync_api import BrowserContext, Page, expect

from browser_support import cached_urls
from conftest import BASE, ROOT, Patient, sign_in, wait_controlled

PWA = ROOT / "pwa"


def _png_size(body: bytes) -> tuple[int, int]:
    assert body[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", body[16:24])


def test_manifest_and_icons_meet_install_criteria(live: object) -> None:
    manifest = httpx.get(f"{BASE}/manifest.webmanifest")
    assert manifest.headers["content-type"].startswith("application/manifest+json")
    data = manifest.json()
    assert data["name"] and data["short_name"] == "diarycard"
    assert data["display"] == "standalone" and data["start_url"] == "/"
    assert data["theme_color"] and data["background_color"]
    sizes = {}
    for icon in data["icons"]:
        body = httpx.get(f"{BASE}{icon['src']}").content
        width, height = _png_size(body)
        assert f"{width}x{height}" == icon["sizes"]
        sizes.setdefault(icon["purpose"], set()).add(width)
    assert {192, 512} <= sizes["any"] and 512 in sizes["maskable"]
    shortcuts = {s["name"]: s["url"] for s in data["shortcuts"]}
    assert shortcuts == {"Log an urge": "/log", "Crisis plan": "/crisis"}
    for url in shortcuts.values():
        assert httpx.get(f"{BASE}{url}").status_code == 200


def test_service_worker_controls_the_page_and_the_shell_opens_offline(
    context: BrowserContext, patient: Patient
) -> None:
    page = context.new_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Security Policy" in m.text else None)
    sign_in(page, patient)
    assert page.evaluate("navigator.serviceWorker.controller.scriptURL").endswith("/sw.js")
    page.locator(".row-button").first.wait_for()  # the table arrived (and was kept)
    context.set_offline(True)
    for path, heading in [("/history", "My diary"), ("/crisis", "Crisis plan")]:
        page.goto(path)
        page.get_by_role("heading", name=heading, exact=True).wait_for()
    # The crisis numbers are there with no signal, as links that dial.
    expect(page.locator("a[href='tel:999']")).to_have_count(1)
    expect(page.get_by_text("Nobody watches this app live")).to_be_visible()
    # The table came from the sealed copy on the phone, marked as such.
    page.goto("/")
    expect(page.get_by_text("This is your table as saved on this phone")).to_be_visible()
    expect(page.locator(".row-button").first).to_be_visible()
    context.set_offline(False)
    assert violations == []


def test_crisis_opens_offline_without_signing_in(context: BrowserContext) -> None:
    page = context.new_page()
    page.goto("/crisis")
    wait_controlled(page)
    context.set_offline(True)
    page.goto("/crisis")
    page.get_by_role("heading", name="Crisis plan", exact=True).wait_for()
    numbers = page.locator(".numbers a").evaluate_all("els => els.map(e => e.getAttribute('href'))")
    assert numbers == ["tel:999", "tel:111", "tel:116123"]
    context.set_offline(False)


def test_api_responses_never_enter_cache_storage(page: Page) -> None:
    page.goto("/history")
    page.get_by_role("heading", name="My diary").wait_for()
    cached = cached_urls(page)
    assert cached and not [u for u in cached if "/api/" in u]


def test_first_load_is_at_most_40_kb_in_12_requests(context: BrowserContext) -> None:
    """What the page itself requests on a first visit, each file gzipped as a server would
    send it. The service worker's precache runs in the background and is not counted."""
    requests: list[str] = []
    page = context.new_page()
    page.on("request", lambda r: requests.append(r.url) if r.url.startswith(BASE) else None)
    page.goto("/signin")
    page.get_by_role("button", name="Sign in").wait_for()
    wait_controlled(page)
    files = sorted({url for url in requests if "/api/" not in url})
    assert f"{BASE}/app/main.js" in files
    total = sum(len(gzip.compress(httpx.get(url).content, 9)) for url in files)
    print(f"first load: {len(requests)} requests, {total / 1024:.1f} KB gzipped: {files}")
    assert len(requests) <= 12
    assert total <= 40 * 1024


def test_shell_version_matches_the_files() -> None:
    """VERSION in shell-files.js must change whenever a shell file changes."""
    source = (PWA / "shared" / "shell-files.js").read_text()
    files = re.findall(r'"(/[^"]*)"', source.split("SHELL_FILES")[1])
    digest = hashlib.sha256()
    # "/crisis" is index.html with the numbers written in by the server (crisis/page.py).
    for url in sorted(set(files) - {"/", "/crisis", "/shared/shell-files.js"}):
        path = PWA / url.lstrip("/")
        assert path.is_file(), f"{url} is in SHELL_FILES but not in pwa/"
        digest.update(url.encode() + b"\0" + path.read_bytes())
    digest.update(json.dumps(sorted(files)).encode())
    expected = digest.hexdigest()[:12]
    version = re.search(r'VERSION = "([^"]+)"', source)
    assert version and version.group(1) == expected, (
        f'set VERSION = "{expected}" in pwa/shared/shell-files.js'
    )
    # The worker script must change too, or Chromium cannot start the new version.
    assert f"// Shell version {expected}:" in (PWA / "sw.js").read_text(), (
        f'set "// Shell version {expected}:" in pwa/sw.js'
    )
