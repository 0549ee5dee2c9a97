"""Every tool in the catalogue: the tools loaded on first use (each with its own catalogue,
added when its chunk loads) walked in the pseudo-locale en-XA at 320 px wide, with data in
them: the crisis plan (agreed, its editor and the warning-sign offer), the discharge plan
with a new version to agree, Strong feelings, the learning pages, what happened and the
check-ins (questionnaire wording from the catalogue by item), goals, the worksheets, the
table, chain analyses, something not on my list, "Who has looked at my diary" and Waiting
to send. Any visible text, label or title not pseudo-localised did not come from a
catalogue; any sideways scroll would break in a longer language (shared/words.js;
tests/pwa/test_words.py walks the first-load screens)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.sync_api import Page, expect

from browser_support import assert_pseudo_locale, run_async
from plans import agree_plan, agreed_and_a_new_draft

pytestmark = pytest.mark.browser

NARROW = {"width": 320, "height": 720}

# The person's own words and their clinicians' (plans, goals, table, names): data, never
# translated. Codes and single lower-case words are left out so they cannot hide a word.
USER_DATA = """async (urls) => {
  const found = new Set();
  const walk = (v) => {
    if (typeof v === "string") found.add(v.trim());
    else if (v && typeof v === "object") Object.values(v).forEach(walk);
  };
  for (const url of urls) {
    const reply = await fetch(url);
    if (reply.ok) walk(await reply.json());
  }
  const { get } = await import('/shared/idb.js');
  walk(((await get('meta', 'site'))?.emergency_numbers || []).map((n) => n.label));
  return [...found].filter((s) => /[A-Za-z]/.test(s) && (/\\s/.test(s) || /^[A-Z]/.test(s)))
    .sort((a, b) => b.length - a.length);
}"""

DATA_URLS = ["/api/v1/crisis-plan", "/api/v1/crisis-plan/draft", "/api/v1/discharge-plan",
             "/api/v1/discharge-plan/draft", "/api/v1/table", "/api/v1/goals",
             "/api/v1/me/access-log?limit=100"]


def test_every_tool_in_the_pseudo_locale_at_320_px(page: Page, patient: Any) -> None:
    run_async(agree_plan(patient.db_url, patient.user_id))
    run_async(agreed_and_a_new_draft(patient.db_url, patient.user_id))
    # Old enough for the PHQ-9, GAD-7 and the monthly summary to be due.
    patient.query("UPDATE users SET created_at = now() - interval '100 days' WHERE id = $1",
                  patient.user_id)
    page.set_viewport_size(NARROW)
    page.goto("/tools?lang=en-XA")
    page.locator(".row-button").first.wait_for()

    # A goal with its steps, added on the phone (the form's labels are pseudo-localised).
    page.goto("/tools?tool=goals")
    page.locator("main form input").first.fill("Walk to the shop and back")
    page.locator("main form textarea").first.fill("One street further each day")
    page.locator("main form button[type=submit]").click()
    page.locator(".goal").first.wait_for()
    allowed = [patient.login, "Alex", *page.evaluate(USER_DATA, DATA_URLS)]

    def walk(url: str, name: str, ready: str = "main h1") -> None:
        page.goto(url)
        page.locator(ready).first.wait_for()
        page.wait_for_load_state("networkidle")
        assert_pseudo_locale(page, name, allowed)

    walk("/tools?tool=goals", "goals", ".goal")
    walk("/tools?tool=crisis-plan", "crisis plan editor", "main form")
    walk("/crisis", "crisis plan", ".crisis-sections h2")
    walk("/tools?tool=discharge-plan", "discharge plan", "#discharge-new")

    walk("/tools?tool=emotions", "strong feelings", ".word")
    page.locator(".word").first.click()
    expect(page.locator("main a.button.secondary[href*=emotion]")).to_be_visible()
    breathe = page.locator("section[aria-labelledby=emo-breathe] button")
    breathe.click()
    expect(page.locator(".breath-count")).not_to_have_text("")
    assert_pseudo_locale(page, "strong feelings, a word chosen and breathing", allowed)
    breathe.click()

    walk("/tools?tool=learn", "learning pages", ".row-button")
    for key in ("impulsivity", "urges", "feelings", "sessions"):
        walk(f"/tools?tool=learn&page={key}", f"learning page {key}", "main h2")

    walk("/tools?tool=outcomes", "what happened and check-ins", "a[href*='measure=']")
    for kind in ("self_harm", "verbal", "property", "others", "admission"):
        walk(f"/tools?tool=outcomes&kind={kind}", f"what happened: {kind}", "main form")
    for measure in ("gad-7", "monthly-summary", "phq-9"):
        walk(f"/tools?tool=outcomes&measure={measure}", f"check-in {measure}", "main form")
    # The PHQ-9 answered "several days" throughout shows the crisis step after sending.
    for group in page.locator("main fieldset").all():
        group.locator("input[value='1']").check()
    page.locator("main form button[type=submit]").click()
    page.locator(".notice[role=alert]").wait_for()
    assert_pseudo_locale(page, "check-in sent, with the crisis step", allowed)
    page.goto("/tools?tool=outcomes&kind=admission")
    page.locator("main form input[type=number]").fill("2")
    page.locator("main form button[type=submit]").click()
    page.wait_for_url("**saved=1**")  # sent: the list below has it
    walk("/tools?tool=outcomes", "what happened, with a hospital stay", ".entries .entry")

    walk("/tools?tool=problem-solving", "problem solving", "main h1")
    walk("/tools?tool=problem-solving&id=6d3b2a10-0c4e-4f5a-8b6c-7d8e9f0a1b2c",
         "problem solving worksheet", "main form")
    walk("/tools?tool=checking-it-out", "checking it out", "main h1")
    walk("/tools?tool=checking-it-out&id=7e4c3b21-1d5f-4a6b-9c7d-8e9fa01b2c3d",
         "checking it out sheet", "main form")
    walk("/tools?tool=table", "my table", "main h2")
    walk("/tools?tool=chains", "chain analyses", "main h1")
    walk("/entry?new=1", "something not on my list", "main form")
    # An entry that matches the plan offers it, saying why (written on the phone).
    page.goto("/")
    page.locator(".row-button").first.wait_for()
    page.evaluate("""() => window.dispatchEvent(new CustomEvent("diarycard:entry-saved", {detail: {
        id: "3f0c6a52-7d4b-4c1e-9f3a-2b5d8e7c6a10", category: "action",
        emotion: "loneliness", urge: "Get drunk", indicators: [], risk: {self_harm: 7}}}))""")
    page.locator("dialog[open]").wait_for()
    assert_pseudo_locale(page, "the crisis plan offered", [*allowed, "Loneliness"])
    page.locator("dialog[open] button").click()
    walk("/access-log", "who has looked at my diary", ".entry")
    walk("/waiting", "waiting to send", "main h1")
