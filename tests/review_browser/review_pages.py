"""What the review's browser tests share: the seeded caseload's shape, the hostile text a
patient wrote, signing in through the form, and screenshots. (A module of its own: test
modules import these, and two folders' `conftest` modules would share one name.)"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import pyotp
from playwright.sync_api import Page

from factories import PASSWORD, TOTP_SECRET

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
