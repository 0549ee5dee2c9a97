"""The review's words all come from its catalogue: the caseload and a patient's page in
the pseudo-locale en-XA (accented, about 40% longer, bracketed). Any visible text that is
not pseudo-localised and did not come from the server (a patient's words, a name, the
server's own sentences such as a tier's name or the digest) did not come from the
catalogue. The pages are walked 320 px wide too: nothing may scroll sideways."""

from __future__ import annotations

import json
import re
from typing import Any

from playwright.sync_api import Page, Response, expect
from review_pages import HOSTILE, Caseload, screenshot

NARROW = {"width": 320, "height": 900}

NOT_FROM_CATALOGUE = """(allowed) => {
  const dates = new RegExp("\\\\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun"
    + "|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\\\\b", "g");
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const el = node.parentElement;
    if (!el || el.closest("script, style, noscript")) continue;
    if (!el.checkVisibility({ visibilityProperty: true })) continue;
    let text = (node.textContent || "").trim();
    if (!text || /[\\[\\]]/.test(text)) continue;
    for (const value of allowed) text = text.split(value).join(" ");
    text = text.replace(dates, " ").replace(/diarycard/g, " ")
      .replace(/PHQ-9|GAD-7|MOAS|FHIR|CSV/g, " ");
    if (/[A-Za-z]/.test(text)) found.push((node.textContent || "").trim());
  }
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


def strings(value: Any) -> list[str]:
    """Every string in a JSON answer: what the server said is data here."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return [s for v in value.values() for s in strings(v)]
    if isinstance(value, list):
        return [s for v in value for s in strings(v)]
    return []


def walk(page: Page, name: str, served: list[str]) -> None:
    allowed = sorted({s for s in served if s.strip()} | {HOSTILE}, key=len, reverse=True)
    assert page.evaluate("() => document.documentElement.lang") == "en-XA"
    stray = page.evaluate(NOT_FROM_CATALOGUE, allowed)
    assert stray == [], f"{name}: text not from the catalogue: {stray}"
    screenshot(page, f"en-XA-{name}")
    page.set_viewport_size(NARROW)
    try:
        wide = page.evaluate(WIDE)
        assert page.evaluate(OVERFLOW) <= 0, f"{name}: scrolls sideways at 320 px in en-XA: {wide}"
    finally:
        page.set_viewport_size({"width": 1280, "height": 900})


def test_caseload_and_patient_page_in_the_pseudo_locale(page: Page, caseload: Caseload) -> None:
    served: list[str] = []

    def keep(response: Response) -> None:
        if "/api/v1/" in response.url and "json" in (response.headers.get("content-type") or ""):
            try:
                served.extend(strings(json.loads(response.body())))
            except Exception:  # a body already gone says nothing about words
                pass

    page.on("response", keep)
    page.goto("/review?lang=en-XA#/")
    expect(page.locator("h1")).to_have_text(re.compile(r"^\[Ýöûŕ çåšéļöåđ .*\]$"))
    page.locator("table.caseload").first.wait_for()
    walk(page, "caseload", served)

    # Ben: opening a review marks it seen, and Amy's digest is checked as never seen.
    page.goto(f"/review?lang=en-XA#/patients/{caseload.ben}")
    page.locator("#timeline").wait_for()
    page.locator(".outcomes .charts").wait_for()
    page.locator(".tools section").first.wait_for()
    # Every section that loads on its own has arrived ("Loading…" in en-XA).
    expect(page.locator("main p:visible", has_text=re.compile("Ļöåđîñĝ"))).to_have_count(0)
    for summary in page.locator("main details > summary").all():
        summary.click()
    walk(page, "patient", served)

    # Back in en-GB, the review reads as before.
    page.goto("/review?lang=en-GB#/")
    expect(page.get_by_role("heading", name="Your caseload")).to_be_visible()
