"""The service's view in Chromium: a site admin opens Outcomes (loaded on first use) and
sees each chart with its sentence and figures table, small numbers as "fewer than 5";
axe finds nothing, and at 320 px nothing scrolls sideways."""

from __future__ import annotations

from datetime import timedelta

import asyncpg
from playwright.sync_api import BrowserContext, expect
from test_accounts_pages import (  # the same world, server and browser as the other pages
    accessible,
    browser,
    context,
    pages_db,
    server,
    signed_in,
    world,
)

from access_world import World
from browser_support import run_async
from diarycard.outcomes.store import london_today
from factories import make_user

__all__ = ["browser", "context", "pages_db", "server", "world"]


def test_a_site_admin_sees_outcomes_across_the_site_with_small_numbers_hidden(
    context: BrowserContext, world: World, pages_db: str
) -> None:
    async def seed() -> None:
        conn = await asyncpg.connect(pages_db)
        try:
            site = world.sites["A"]
            today = london_today()
            for i in range(6):  # six more patients at site A, all attending, one self-harm
                pid = await make_user(conn, site, "patient", f"outcomes.p{i}", f"Outcome P{i}")
                await conn.execute(
                    "INSERT INTO pathways (patient_id, site_id, phase, phase_started_on,"
                    " started_on, updated_by) VALUES ($1, $2, 'treatment', $3, $3, $4)",
                    pid, site, today - timedelta(days=30), world.ids["C1"])
                await conn.execute(
                    "INSERT INTO outcome_events (id, patient_id, site_id, kind, occurred_on,"
                    " severity, recorded_by, recorded_role, request_hash)"
                    " VALUES (gen_random_uuid(), $1, $2, 'self_harm', $3, 1, $1, 'patient',"
                    " '\\x00')", pid, site, today - timedelta(days=2))
        finally:
            await conn.close()

    run_async(seed())
    page = signed_in(context, pages_db, world, "A1")
    page.get_by_role("link", name="Outcomes").click()
    expect(page.get_by_role("heading", name="Outcomes across the site")).to_be_visible()
    retention = page.locator("figure", has_text="Who is still attending")
    expect(retention.locator(".summary")).to_contain_text("still attending")
    expect(retention.locator("svg[role=img]")).to_have_count(1)
    rates = page.locator("figure", has_text="per patient-year")
    expect(rates.locator(".summary")).to_contain_text("6 acts (")
    rates.get_by_text("The figures behind this chart").click()
    table = rates.get_by_role("table", name="Acts and service contacts per patient-year")
    expect(table.locator("tr", has_text="Self-harm")).to_contain_text("6")
    change = page.locator("figure", has_text="the first score and the latest")
    expect(change.locator(".summary")).to_contain_text(
        "PHQ-9: 0 patients have a first and a later score")
    assert "Outcome P" not in page.content()
    accessible(page, "site-outcomes")
    page.set_viewport_size({"width": 320, "height": 800})
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_an_admin_invites_a_researcher_and_sets_how_often_measures_are_due(
    context: BrowserContext, world: World, pages_db: str
) -> None:
    page = signed_in(context, pages_db, world, "A1")
    page.get_by_role("link", name="Invite someone").first.click()
    page.get_by_label("They are a").select_option("researcher")
    page.get_by_label("Name to show").fill("Rae")
    page.get_by_label("Login name").fill("rae.research")
    page.get_by_role("button", name="Create the invitation").click()
    expect(page.get_by_role("heading", name="Invitation for Rae")).to_be_visible()
    page.get_by_role("link", name="People").click()
    expect(page.locator("table.people tr", has_text="Rae")).to_contain_text("Researcher")
    page.get_by_label("Every how many months (1 to 12)").fill("6")
    page.get_by_role("button", name="Save how often").click()
    expect(page.get_by_text("PHQ-9 and GAD-7 are now due every 6 months.")).to_be_visible()
    accessible(page, "people-with-researcher")
    assert run_async(_interval(pages_db, world)) == 6


def test_a_researcher_is_sent_to_the_studies(
    context: BrowserContext, world: World, pages_db: str
) -> None:
    page = signed_in(context, pages_db, world, "R1")
    expect(page.get_by_role("link", name="Open studies")).to_have_attribute("href", "/review")
    nav = page.get_by_role("navigation", name="Account")
    expect(nav.get_by_role("link", name="Invite someone")).to_have_count(0)
    accessible(page, "researcher")


async def _interval(url: str, world: World) -> int:
    conn = await asyncpg.connect(url)
    try:
        value: int = await conn.fetchval(
            "SELECT measure_interval_months FROM sites WHERE id = $1", world.sites["A"])
        return value
    finally:
        await conn.close()
