"""Time-based one-time codes (RFC 6238, 30-second steps, 6 digits) with pyotp.

A code is accepted for the current step or one step either side (phone clocks drift), and
only once: the step it matched is stored, and codes for that step or earlier are refused.
"""

from __future__ import annotations

import io
import time
from uuid import UUID

import asyncpg
import pyotp
import segno

ISSUER = "diarycard"
STEP = 30


def new_secret() -> str:
    return pyotp.random_base32()  # 160 bits


def matching_step(secret: str, code: str, now: float | None = None) -> int | None:
    """The time step `code` belongs to, or None when it matches none nearby."""
    code = code.replace(" ", "")
    if not (code.isdigit() and len(code) == 6):
        return None
    totp = pyotp.TOTP(secret)
    moment = time.time() if now is None else now
    for drift in (0, -1, 1):
        at = moment + drift * STEP
        if totp.verify(code, for_time=at, valid_window=0):
            return int(at // STEP)
    return None


async def use_code(conn: asyncpg.Connection, user_id: UUID, secret: str, code: str) -> bool:
    """True when `code` is right and has not been used before; marks it used."""
    step = matching_step(secret, code)
    if step is None:
        return False
    used = await conn.fetchval(
        """UPDATE users SET totp_last_step = $2
            WHERE id = $1 AND totp_last_step < $2
           RETURNING id""",
        user_id, step,
    )
    return used is not None


def provisioning_uri(secret: str, login: str) -> str:
    return pyotp.TOTP(secret).provisioning_uri(name=login, issuer_name=ISSUER)


def qr_svg(text: str) -> str:
    """`text` as a QR code in inline SVG (no XML declaration, scales with its container)."""
    out = io.BytesIO()
    segno.make(text, error="m").save(
        out, kind="svg", xmldecl=False, svgns=True, omitsize=True, scale=4, border=2,
        title="QR code", dark="#000", light="#fff",
    )
    return out.getvalue().decode()
