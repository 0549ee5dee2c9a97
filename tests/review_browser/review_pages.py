"""What the review's browser tests share: the seeded caseload's shape, the hostile text a
patient wrote, signing in through the form, and screenshots. (A module of its own: test
modules import these, and two folders' `conftest` modules would share one name.)"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from uuid import UUID, uuid4

import asyncpg
import pyotp
from playwright.sync_api import BrowserContext, Page

from browser_support import run_async
from diarycard.auth.principal import Principal
from diarycard.auth.sessions import create_session
from diarycard.studies import store
from diarycard.studies.models import EnrolIn, Strata, StudyIn
from factories import PASSWORD, TOTP_SECRET, make_user

SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
# Written by a patient; must show as text and run nowhere.
HOSTILE = '<img src=x onerror="document.title=\'pwned\'">=cmd|\'/c calc\'!A1'


@dataclass
class Caseload:
    clinician_login: str
    amy: UUID
    ben: UUID


def sign_in_with_form(page: Page, login: str) -> None:
    """Through the sign-in form, with a code from the authenticator (usable once)."""
    page.goto("/review")
    page.get_by_label("Login").fill(login)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Code from your authenticator app").fill(pyotp.TOTP(TOTP_SECRET).now())
    page.get_by_role("button", name="Sign in").click()


def screenshot(page: Page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"review-{name}.png"), full_page=True)


@dataclass
class Researcher:
    """Who a study test signs in as, and the study they see."""

    login: str
    display_name: str
    study: str
    patients: int


def researcher_with_study(
    context: BrowserContext, review_db: str, server: str, caseload: Caseload, who: Researcher
) -> UUID:
    """An admin makes a study (two arms, blocks of 2) at Amy's site, a researcher enrols
    `who.patients` new patients in it, and `context` is signed in as that researcher.
    Returns the study's id."""

    async def seed() -> tuple[UUID, str, str]:
        conn = await asyncpg.connect(review_db)
        try:
            site = await conn.fetchval("SELECT site_id FROM users WHERE id = $1", caseload.amy)
            admin = await make_user(conn, site, "admin", f"{who.login}.admin", "Ada Admin")
            researcher = await make_user(conn, site, "researcher", who.login, who.display_name)
            boss = Principal(admin, "admin", site, f"{who.login}.admin", "Ada", uuid4())
            found = await store.create(conn, boss, StudyIn(
                name=who.study, arms=["MOAM", "usual care"], block_sizes=[2]))
            me = Principal(researcher, "researcher", site, who.login, who.display_name, uuid4())
            for i in range(who.patients):
                pid = await make_user(conn, site, "patient", f"{who.login}.p{i}",
                                      f"Trial Person{i}")
                await store.enrol(conn, me, found.id, pid, EnrolIn(
                    site_ref=f"T-{i}", consent_date=date.today(), consent_version="v1",
                    strata=Strata(age_band="26-39", sentence="community",
                                  length="over_12_months")))
            made = await create_session(conn, researcher, "researcher", "playwright")
            return found.id, made.token, made.csrf_token
        finally:
            await conn.close()

    study_id, token, csrf = run_async(seed())
    context.add_cookies([{"name": "diarycard", "value": token, "url": server}])
    stored = json.dumps({"csrf_token": csrf, "display_name": who.display_name,
                         "role": "researcher"})
    context.add_init_script(
        f"sessionStorage.setItem('diarycard-review-session', {json.dumps(stored)});")
    return study_id
