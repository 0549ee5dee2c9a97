"""Invitation codes: how a new person (or one who has forgotten their password) gets in.

A clinician or admin creates the code in a session and hands it over as text or a QR
code; the person types or scans it on their phone and chooses a password. Codes are ten
Crockford base32 characters (50 bits, shown as two groups of five), single use, valid for
72 hours, and only their hash is stored.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta
from pathlib import Path
from urllib.parse import urlencode
from uuid import UUID

import asyncpg

from diarycard.accounts.models import Invitation, InvitationIn
from diarycard.audit.security import event, staff_action
from diarycard.audit.store import record
from diarycard.auth import throttle
from diarycard.auth.passwords import hash_password
from diarycard.auth.policy import check_password
from diarycard.auth.principal import Principal
from diarycard.auth.sessions import NewSession, create_session, revoke_all
from diarycard.auth.signin import check_code, check_not_locked
from diarycard.auth.totp import qr_svg
from diarycard.db.queries import load_queries
from diarycard.errors import Conflict, FieldError, Forbidden, Invalid, NotFound

SQL = load_queries(Path(__file__).with_name("queries.sql"))
VALID_FOR = timedelta(hours=72)
ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O or U
# Every failure to redeem gives this same answer, so it says nothing about which codes exist.
BAD_CODE = (
    "This invitation code does not work. It may have been used already or be more than "
    "3 days old. Please ask your clinician for a new one."
)


def new_code() -> str:
    chars = "".join(secrets.choice(ALPHABET) for _ in range(10))
    return f"{chars[:5]}-{chars[5:]}"


def code_hash(code: str) -> bytes:
    """Hash of the code as typed, forgiving case, spaces, dashes and look-alike letters."""
    plain = "".join(ch for ch in code.upper() if ch.isalnum())
    plain = plain.translate(str.maketrans("OIL", "011"))
    return hashlib.sha256(plain.encode()).digest()


async def _issue(
    conn: asyncpg.Connection, who: Principal, user_id: UUID, login: str, link_base: str
) -> Invitation:
    code = new_code()
    expires_at: datetime = await conn.fetchval(
        SQL["create_invitation"], code_hash(code), user_id, who.site_id, who.user_id, VALID_FOR
    )
    # The code travels in the fragment, which browsers never send to a server or in Referer.
    # The login rides along in the fragment (never sent to a server), so the welcome
    # screen can show the person the name they will sign in with.
    link = f"{link_base.rstrip('/')}/signin#{urlencode({'invite': code, 'login': login})}"
    return Invitation(user_id, login, code, expires_at, qr_svg(link))


async def invite(
    conn: asyncpg.Connection, who: Principal, data: InvitationIn, link_base: str
) -> Invitation:
    """Create a person who has no password yet, and their invitation code. A clinician may
    invite patients only, who then join that clinician's care team."""
    who.require("admin", "clinician")
    if who.role == "clinician" and data.role != "patient":
        raise Forbidden("Clinicians can invite patients only. Please ask an admin.")
    async with conn.transaction():
        user_id = await conn.fetchval(
            SQL["create_user"], who.site_id, data.role, data.login, data.display_name
        )
        if user_id is None:
            raise Conflict("That login name is taken. Please choose another.")
        if who.role == "clinician":
            await conn.execute(SQL["assign"], who.site_id, who.user_id, user_id)
        invitation = await _issue(conn, who, user_id, data.login, link_base)
        await staff_action(conn, who, "invitation.create", user_id)
        if data.role == "patient":
            await record(conn, who, user_id, "invitation.create", "users")
    return invitation


async def reissue(
    conn: asyncpg.Connection, who: Principal, user_id: UUID, link_base: str
) -> Invitation:
    """A new code for someone already here (a forgotten password, a lost phone). Earlier
    codes stop working; the password stays until the new code is redeemed."""
    who.require("admin", "clinician")
    async with conn.transaction():
        target = await conn.fetchrow(
            SQL["reissue_target"], user_id, who.site_id, who.role, who.user_id
        )
        if target is None:
            raise NotFound()
        await conn.execute(SQL["expire_invitations"], user_id)
        invitation = await _issue(conn, who, user_id, target["login"], link_base)
        # Shown to the person at their next sign-in (`audit.security.notices_for`).
        await staff_action(conn, who, "invitation.reissue", user_id)
        if target["role"] == "patient":
            await record(conn, who, user_id, "invitation.reissue", "users")
    return invitation


async def redeem(
    conn: asyncpg.Connection, code: str, password: str, totp: str | None, ip: str,
    user_agent: str,
) -> tuple[asyncpg.Record, NewSession]:
    """Set the password with a code and sign in. Ends every earlier session of the person
    and lifts any sign-in lock: a person locked out by someone guessing gets back in here.

    An invitation replaces the password, never the second factor: someone whose
    authenticator app is on gives its code here too (a lost phone is an admin's reset of
    the app first, after which the person must set it up again before any data route
    answers). Guessing that code counts towards the same lock as signing in."""
    await throttle.hit_ip(conn, ip)
    user = await conn.fetchrow(SQL["invitation_for_code"], code_hash(code))
    if user is None:
        raise Invalid(errors=[FieldError("code", BAD_CODE)])
    check_password(password, user["login"])
    if user["totp_enabled"]:
        await check_not_locked(conn, "invitation.redeem", user["login"], user, ip)
        await check_code(conn, "invitation.redeem", user["login"], user, totp, ip)
    async with conn.transaction():
        if await conn.fetchrow(SQL["invitation_for_code"], code_hash(code)) is None:
            raise Invalid(errors=[FieldError("code", BAD_CODE)])  # used meanwhile
        await event(conn, "invitation.redeem", site_id=user["site_id"],
                    subject_id=user["id"], ip=ip)
        await conn.execute(SQL["use_invitation"], user["invitation_id"])
        await conn.execute(SQL["set_password"], user["id"], await hash_password(password))
        await revoke_all(conn, user["id"])
        await throttle.clear_login(conn, user["login"])
        new = await create_session(conn, user["id"], user["role"], user_agent)
    return user, new
