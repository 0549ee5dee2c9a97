"""What the staff apps' walks in the pseudo-locale share (tests/review_browser and
tests/accounts). In en-XA every catalogue word is accented, about 40% longer and
bracketed, so text on the page that is neither bracketed nor the server's own (a
patient's words, a name, a tier's name, a digest: every string of every JSON answer
counts as data) did not come from a catalogue. Visible text nodes, the options of a
visible list, accessible names and hints (aria-label, alt, placeholder, title), chart
tooltips (SVG <title>) and the page's title are all looked at. A page must not scroll
sideways at 320 px either."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from playwright.sync_api import Page

SCREENSHOTS = Path(__file__).resolve().parents[1] / "test-artifacts" / "screenshots"
NARROW = {"width": 320, "height": 900}
WIDE_VIEW = {"width": 1280, "height": 900}

NOT_FROM_CATALOGUE = """({ data, exempt }) => {
  // What the server has said so far, read in the same turn as the page: a reply that
  // lands between two reads could otherwise be drawn but not yet counted as data.
  const allowed = [...data, ...(window.__servedWords || [])].filter((s) => s.trim())
    .sort((a, b) => b.length - a.length);
  const dates = new RegExp("\\\\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun"
    + "|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\\\b", "g");
  const found = [];
  const check = (raw, where) => {
    let text = (raw || "").trim();
    if (!text) return;
    for (const value of allowed) text = text.split(value).join(" ");
    // What is left once every bracketed (catalogue) part is gone, innermost first.
    for (let before = ""; before !== text;) {
      before = text;
      text = text.replace(/\\[[^\\[\\]]*\\]/g, " ");
    }
    text = text.replace(dates, " ").replace(/diarycard/g, " ")
      .replace(/PHQ-9|GAD-7|MOAS|FHIR|CSV|QS88|NICE/g, " ");
    if (/[A-Za-z]/.test(text)) found.push(`${where}: ${raw.trim()}`);
  };
  const shown = (el) => el?.checkVisibility({ visibilityProperty: true });
  const skipped = (el) => el.closest(`script, style, noscript${exempt ? `, ${exempt}` : ""}`);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || skipped(el)) continue;
    const option = el.closest("option");
    const tooltip = el.closest("svg title");
    if (option) {
      if (shown(option.closest("select"))) check(node.textContent, "option");
    } else if (tooltip) {
      if (shown(tooltip.parentElement)) check(node.textContent, "svg title");
    } else if (shown(el)) {
      check(node.textContent, "text");
    }
  }
  for (const el of document.body.querySelectorAll("[aria-label], [alt], [placeholder], [title]")) {
    if (skipped(el) || !shown(el)) continue;
    for (const name of ["aria-label", "alt", "placeholder", "title"]) {
      if (el.hasAttribute(name)) check(el.getAttribute(name), name);
    }
  }
  check(document.title, "document.title");
  return found;
}"""

OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
# What sticks out past the window, not counting what scrolls inside a box of its own.
WIDE = """() => [...document.querySelectorAll('body *')]
  .filter((e) => e.getBoundingClientRect().right > innerWidth + 1)
  .filter((e) => { for (let a = e.parentElement; a && a !== document.body; a = a.parentElement) {
    if (['auto', 'scroll', 'hidden'].includes(getComputedStyle(a).overflowX)) return false; }
    return true; })
  .map((e) => `${e.tagName}.${e.className} ${e.textContent.slice(0, 30)}`).slice(0, 8)"""


# Installed before the app's scripts: every string of every JSON answer from the API is
# kept in the page before the app sees the answer, so nothing the server said can be
# missed by a walk that follows.
RECORD_SERVED = """(() => {
  const served = (window.__servedWords = []);
  const strings = (v) => (typeof v === "string" ? [v] : Array.isArray(v) ? v.flatMap(strings)
    : v && typeof v === "object" ? Object.values(v).flatMap(strings) : []);
  const original = window.fetch.bind(window);
  window.fetch = async (...args) => {
    const reply = await original(...args);
    const json = (reply.headers.get("content-type") || "").includes("json");
    if (reply.url.includes("/api/v1/") && json) {
      try {
        served.push(...strings(await reply.clone().json()));
      } catch { /* not JSON after all */ }
    }
    return reply;
  };
})();"""


def record_served(page: Page) -> None:
    """From the page's next load on, what the server says to it counts as data."""
    page.add_init_script(RECORD_SERVED)


def walk(page: Page, name: str, *, data: tuple[str, ...] = (), exempt: str = "") -> None:
    """The page as it is now: in en-XA, nothing outside the catalogues but what the server
    said (see record_served) and `data` (what the test itself typed), nothing but
    `exempt` (a CSS selector for something the server drew) left out; at 320 px, no
    sideways scroll."""
    served = page.evaluate("() => window.__servedWords")
    assert served is not None, f"{name}: record_served(page) before the page loads"
    assert page.evaluate("() => document.documentElement.lang") == "en-XA"
    stray = page.evaluate(NOT_FROM_CATALOGUE, {"data": list(data), "exempt": exempt})
    assert stray == [], f"{name}: text not from the catalogue: {stray}"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"en-XA-{name}.png"), full_page=True)
    page.set_viewport_size(NARROW)
    try:
        wide = page.evaluate(WIDE)
        assert page.evaluate(OVERFLOW) <= 0, f"{name}: scrolls sideways at 320 px in en-XA: {wide}"
    finally:
        page.set_viewport_size(WIDE_VIEW)


OPEN_ALL = "() => document.querySelectorAll('main details').forEach((d) => { d.open = true; })"

CATALOGUES = """async (paths) => {
  const words = await Promise.all(paths.map(async (p) => (await import(p)).default));
  const clashes = [];
  words.forEach((a, i) => words.slice(i + 1).forEach((b) => {
    for (const key of Object.keys(a)) if (key in b && a[key] !== b[key]) clashes.push(key);
  }));
  return clashes;
}"""


def assert_no_clashing_keys(page: Page, *paths: str) -> None:
    """The apps' catalogues are merged into one: a key two of them give different words
    would change one app's words for the other."""
    assert page.evaluate(CATALOGUES, list(paths)) == []


def offer_a_test_language(context: Any, words: dict[str, dict[str, str]]) -> None:
    """A catalogue in a language no one has translated yet (cy-GB, named "(test)"), served
    by the browser so the product gains no language: `words` maps each app's folder
    ("shared", "review", "accounts") to its file's words. Only files and a line in
    languages.json: no code."""
    listing = {"languages": [{"code": "en-GB", "name": "English (UK)"},
                             {"code": "cy-GB", "name": "Cymraeg (test)"}]}
    context.route("**/shared/words/languages.json", lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(listing)))
    for folder, catalogue in words.items():
        context.route(f"**/{folder}/words/cy-GB.json", _serve(json.dumps(catalogue)))


def _serve(body: str) -> Any:
    return lambda route: route.fulfill(status=200, content_type="application/json", body=body)


def assert_a_staff_app_speaks_a_new_language(
    browser: Any, server: str, path: str, folder: str, key: str, heading: str
) -> None:
    """The browser prefers cy-GB and there are catalogues for it (offer_a_test_language):
    the staff app at `path` speaks it (its own `key` in `folder`'s file is its heading; the
    kit's sign-in button comes from the shared file), and a word the files lack falls back
    to en-GB."""
    from playwright.sync_api import expect

    context = browser.new_context(base_url=server, locale="cy-GB")
    context.set_default_timeout(10_000)
    offer_a_test_language(context, {"shared": {"signin.title": "Mewngofnodi (test)"},
                                    folder: {key: heading}})
    try:
        page = context.new_page()
        page.goto(path)
        expect(page.get_by_role("heading", level=1, name=heading)).to_be_visible()
        expect(page.get_by_role("button", name="Mewngofnodi (test)")).to_be_visible()
        expect(page.get_by_label("Login", exact=True)).to_be_visible()  # not in the file: en-GB
        assert page.evaluate("() => document.documentElement.lang") == "cy-GB"
    finally:
        context.close()
