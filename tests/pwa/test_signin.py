"""Signing in: first use with the clinician's invitation link, then login and password;
mistakes are said plainly."""

from __future__ import annotations

import os
import re
import uuid

import asyncpg
from playwright.sync_api import BrowserContext, expect

from conftest import Patient, Server, _run, pass_lock_prompt, sign_in
from diarycard.accounts.invitations import invite
from diarycard.accounts.models import InvitationIn
from diarycard.auth.principal import Principal
from factories import make_site, make_user


def test_first_use_with_the_invitation_link_then_sign_in(
    context: BrowserContext, live: Server
) -> None:
    login = f"invited-{os.getpid()}-{uuid.uuid4().hex[:6]}"

    async def invited() -> str:
        conn = await asyncpg.connect(live.db_url)
        try:
            site = await make_site(conn, "PWA test site")
            await conn.execute("UPDATE sites SET app_lock_optional = true WHERE id = $1", site)
            clinician = await make_user(conn, site, "clinician", f"c-{login}")
            who = Principal(clinician, "clinician", site, f"c-{login}", "Dr C", uuid.uuid4(),
                            totp_enabled=True)
            made = await invite(conn, who, InvitationIn("patient", login, "Sam"), live.base)
            return made.code
        finally:
            await conn.close()

    code = _run(invited())
    page = context.new_page()
    page.goto(f"/signin#invite={code}&login={login}")
    expect(page.get_by_role("heading", name="Welcome to diarycard")).to_be_visible()
    assert page.get_by_label("Invitation code").input_value() == code
    assert "invite" not in page.url  # the code does not stay in the address or history
    # The login name and the password rule, up front in plain words.
    expect(page.locator("main")).to_contain_text(f"Your login name is {login}.")
    expect(page.get_by_text("At least 10 characters.")).to_be_visible()
    page.get_by_label("Choose a password").fill("short")
    page.get_by_role("button", name="Start").click()
    expect(page.get_by_role("alert")).to_have_text(re.compile(r"^Please use at least 10"))
    page.get_by_label("Choose a password").fill("lantern-meadow-quietly-42")
    page.get_by_role("button", name="Start").click()
    pass_lock_prompt(page)
    expect(page.get_by_role("heading", name="Log an urge")).to_be_visible()

    page.get_by_role("link", name="Settings", exact=True).click()
    page.get_by_role("button", name="Sign out").click()  # nothing unsent: no question
    expect(page.get_by_role("heading", name="Sign in")).to_be_visible()
    page.get_by_label("Your login").fill(login)
    page.get_by_label("Password").fill("lantern-meadow-quietly-42")
    page.get_by_role("button", name="Sign in").click()
    pass_lock_prompt(page)
    expect(page.get_by_role("heading", name="Log an urge")).to_be_visible()


def test_a_wrong_password_is_said_plainly_and_offline_sign_in_points_to_the_crisis_plan(
    context: BrowserContext, patient: Patient
) -> None:
    page = context.new_page()
    page.goto("/signin")
    page.get_by_label("Your login").fill(patient.login)
    page.get_by_label("Password").fill("not-the-password")
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("do not match")
    context.set_offline(True)
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("alert")).to_contain_text("your crisis plan works without it")
    context.set_offline(False)
    sign_in(page, patient)
