"""What a signed-in person does to their own account: change the password, set up or turn
off the authenticator app. Sessions are in `sessions.py`.
"""

from __future__ import annotations

import asyncpg

from diarycard.audit.security import event
from diarycard.auth import throttle
from diarycard.auth.passwords import hash_password, verify_password
from diarycard.auth.policy import check_password
from diarycard.auth.principal import SQL, Principal
from diarycard.auth.sessions import revoke_others, rotate
from diarycard.auth.totp import new_secret, use_code
from diarycard.errors import Conflict, FieldError, Invalid

WRONG_CODE = "That code did not work. Please try the newest one."


async def _own(conn: asyncpg.Connection, who: Principal, action: str, outcome: str = "ok") -> None:
    await event(conn, action, site_id=who.site_id, subject_id=who.user_id, actor=who,
                outcome=outcome)


async def change_password(
    conn: asyncpg.Connection, who: Principal, current: str, new: str
) -> str:
    """Set a new password, end every other session at once and give this one a new token
    (answered, for the cookie). A wrong current password counts towards the sign-in
    lock, so a borrowed session cannot be used to guess it."""
    check_password(new, who.login, field="new_password")
    await throttle.check_login(conn, who.login)
    if not await verify_password(await conn.fetchval(SQL["password_of"], who.user_id), current):
        await throttle.record_failure(conn, who.login)
        await _own(conn, who, "password.change", "wrong_password")
        raise Invalid(errors=[FieldError("current_password", "That is not your password.")])
    new_hash = await hash_password(new)
    async with conn.transaction():
        await _own(conn, who, "password.change")
        await conn.execute(SQL["set_password"], who.user_id, new_hash)
        await revoke_others(conn, who)
        return await rotate(conn, who)


async def start_totp(conn: asyncpg.Connection, who: Principal) -> str:
    """A fresh secret to show as a QR code; it works only once confirmed with a code."""
    secret = new_secret()
    if await conn.fetchval(SQL["start_totp"], who.user_id, secret) is None:
        raise Conflict("Your authenticator app is already set up.")
    return secret


async def confirm_totp(conn: asyncpg.Connection, who: Principal, code: str) -> str:
    """Turn the second factor on; other sessions end and this one gets a new token."""
    async with conn.transaction():
        state = await conn.fetchrow(SQL["totp_state"], who.user_id)
        if state["totp_enabled"]:
            raise Conflict("Your authenticator app is already set up.")
        pending = state["totp_pending_secret"]
        if pending is None:
            raise Conflict("Please start setting up your authenticator app first.")
        if not await use_code(conn, who.user_id, pending, code):
            raise Invalid(errors=[FieldError("code", WRONG_CODE)])
        await _own(conn, who, "totp.enable")
        await conn.execute(SQL["confirm_totp"], who.user_id)
        await revoke_others(conn, who)
        return await rotate(conn, who)


async def turn_off_totp(conn: asyncpg.Connection, who: Principal, code: str) -> str:
    """Patients may turn the second factor off again; clinicians and admins may not."""
    who.require("patient")
    async with conn.transaction():
        state = await conn.fetchrow(SQL["totp_state"], who.user_id)
        if not state["totp_enabled"]:
            raise Conflict("Your authenticator app is not set up.")
        if not await use_code(conn, who.user_id, state["totp_secret"], code):
            raise Invalid(errors=[FieldError("code", WRONG_CODE)])
        await _own(conn, who, "totp.disable")
        await conn.execute(SQL["turn_off_totp"], who.user_id)
        return await rotate(conn, who)
