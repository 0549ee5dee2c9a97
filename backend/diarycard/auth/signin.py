"""Signing in: the per-address and per-login limits, the password, the second factor, and
a new session. Every wrong answer looks the same, whether or not the login exists.

Every attempt lands in the site's security log (`audit.security`): success, a wrong
password or code, a refusal while locked, and the failure that locks a login.
"""

from __future__ import annotations

from uuid import UUID

import asyncpg

from diarycard.audit.security import event
from diarycard.auth import throttle
from diarycard.auth.passwords import hash_password, needs_rehash, verify_password
from diarycard.auth.principal import SQL
from diarycard.auth.sessions import NewSession, create_session
from diarycard.auth.totp import use_code
from diarycard.errors import FieldError, TooMany, Unauthenticated

WRONG = "That login and password do not match. Please check them and try again."
WRONG_CODE = "That code did not work. Please try the newest one."


class TotpRequired(Unauthenticated):
    """Please enter the 6-digit code from your authenticator app."""

    # Tells the sign-in screen to ask for the code (problem body: errors[0].field == "totp").
    errors = (FieldError("totp", "required"),)


async def failed(
    conn: asyncpg.Connection, action: str, outcome: str, login: str,
    user: asyncpg.Record | None, ip: str,
) -> None:
    """Count a wrong password or code towards the login's lock and log it (and the lock)."""
    locked = await throttle.record_failure(conn, login)
    site, subject = (user["site_id"], user["id"]) if user else (None, None)
    await event(conn, action, site_id=site, subject_id=subject, outcome=outcome, ip=ip)
    if locked:
        await event(conn, "account.locked", site_id=site, subject_id=subject, ip=ip)


async def check_not_locked(
    conn: asyncpg.Connection, action: str, login: str, user: asyncpg.Record | None, ip: str
) -> None:
    try:
        await throttle.check_login(conn, login)
    except TooMany:
        site, subject = (user["site_id"], user["id"]) if user else (None, None)
        await event(conn, action, site_id=site, subject_id=subject, outcome="locked", ip=ip)
        raise


async def check_code(
    conn: asyncpg.Connection, action: str, login: str, user: asyncpg.Record, code: str | None,
    ip: str,
) -> None:
    """The second factor, when the account has one: a missing code asks for it, a wrong
    one counts as a failure."""
    if not user["totp_enabled"]:
        return
    if not code:
        raise TotpRequired()
    if not await use_code(conn, user["id"], user["totp_secret"], code):
        await failed(conn, action, "wrong_code", login, user, ip)
        raise Unauthenticated(WRONG_CODE)


async def check_credentials(
    conn: asyncpg.Connection, action: str, login: str, password: str, code: str | None,
    ip: str, user_id: UUID | None = None,
) -> asyncpg.Record:
    """The person for `login` if password and code are right (and `user_id` matches, for
    someone already signed in); Unauthenticated, TotpRequired or TooMany otherwise."""
    user = await conn.fetchrow(SQL["user_for_login"], login)
    await check_not_locked(conn, action, login, user, ip)
    stored = user["password_hash"] if user else None
    # Always verify (against a dummy hash when there is no user), so timing tells nothing.
    right = await verify_password(stored, password)
    if user is None or not right or (user_id is not None and user["id"] != user_id):
        await failed(conn, action, "wrong_password", login, user, ip)
        raise Unauthenticated(WRONG)
    await check_code(conn, action, login, user, code, ip)
    if stored and needs_rehash(stored):  # argon2-cffi raised its default cost since this was stored
        await conn.execute(SQL["rehash_password"], user["id"], await hash_password(password))
    await throttle.clear_login(conn, login)
    return user


async def sign_in(
    conn: asyncpg.Connection, login: str, password: str, code: str | None, ip: str,
    user_agent: str,
) -> tuple[asyncpg.Record, NewSession]:
    login = login.strip()  # phones add a space after a word; logins never hold one
    await throttle.hit_ip(conn, ip)
    user = await check_credentials(conn, "signin", login, password, code, ip)
    async with conn.transaction():
        # Logged before the session exists: no log row, no session (fail closed).
        await event(conn, "signin", site_id=user["site_id"], subject_id=user["id"], ip=ip)
        new = await create_session(conn, user["id"], user["role"], user_agent)
    return user, new
