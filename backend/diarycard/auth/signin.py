"""Signing in: the per-address and per-login limits, the password, the second factor, and
a new session. Every wrong answer looks the same, whether or not the login exists.
"""

from __future__ import annotations

import asyncpg

from diarycard.auth import throttle
from diarycard.auth.passwords import hash_password, needs_rehash, verify_password
from diarycard.auth.principal import SQL
from diarycard.auth.sessions import NewSession, create_session
from diarycard.auth.totp import use_code
from diarycard.errors import FieldError, Unauthenticated

WRONG = "That login and password do not match. Please check them and try again."


class TotpRequired(Unauthenticated):
    """Please enter the 6-digit code from your authenticator app."""

    # Tells the sign-in screen to ask for the code (problem body: errors[0].field == "totp").
    errors = (FieldError("totp", "required"),)


async def sign_in(
    conn: asyncpg.Connection, login: str, password: str, code: str | None, ip: str,
    user_agent: str,
) -> tuple[asyncpg.Record, NewSession]:
    login = login.strip()  # phones add a space after a word; logins never hold one
    await throttle.hit_ip(conn, ip)
    await throttle.check_login(conn, login)
    user = await conn.fetchrow(SQL["user_for_login"], login)
    stored = user["password_hash"] if user else None
    # Always verify (against a dummy hash when there is no user), so timing tells nothing.
    right = await verify_password(stored, password)
    if user is None or not right:
        await throttle.record_failure(conn, login)
        raise Unauthenticated(WRONG)
    if user["totp_enabled"]:
        if not code:
            raise TotpRequired()
        if not await use_code(conn, user["id"], user["totp_secret"], code):
            await throttle.record_failure(conn, login)
            raise Unauthenticated("That code did not work. Please try the newest one.")
    if stored and needs_rehash(stored):  # argon2-cffi raised its default cost since this was stored
        await conn.execute(SQL["rehash_password"], user["id"], await hash_password(password))
    await throttle.clear_login(conn, login)
    return user, await create_session(conn, user["id"], user["role"], user_agent)
