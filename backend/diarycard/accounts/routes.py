"""Invitations, the site's people and care teams, and the site's settings."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from litestar import Request, Response, delete, get, post, put
from litestar.params import FromPath, JSONBody

from diarycard.accounts import invitations, store
from diarycard.accounts.models import (
    EmergencyNumbersIn,
    Invitation,
    InvitationIn,
    MeasureIntervalIn,
    Redeem,
    RiskFloorIn,
    Site,
    User,
)
from diarycard.auth.principal import CurrentUser
from diarycard.auth.routes import SignedIn, client_ip, session_response
from diarycard.db.pool import Conn
from diarycard.settings import DEFAULT_PUBLIC_URL, Settings


def _link_base(request: Request[Any, Any, Any]) -> str:
    """Where invitation links point. In development with no DIARYCARD_PUBLIC_URL, the
    address this server was actually reached at (another port, another machine on the
    network), so the QR code opens this server, not one on port 8000."""
    settings: Settings = request.app.state.settings
    if settings.env == "development" and settings.public_url == DEFAULT_PUBLIC_URL:
        return f"{request.url.scheme}://{request.url.netloc}"
    return settings.public_url


@post("/invitations", status_code=201, tags=["accounts"])
async def invite(
    request: Request[Any, Any, Any], conn: Conn, principal: CurrentUser,
    data: JSONBody[InvitationIn],
) -> Invitation:
    """Create a patient (or, for admins, a clinician) and their one-time invitation code."""
    return await invitations.invite(conn, principal, data, _link_base(request))


@post("/invitations/redeem", exclude_from_auth=True, status_code=200, tags=["accounts"])
async def redeem(
    request: Request[Any, Any, Any], conn: Conn, data: JSONBody[Redeem]
) -> Response[SignedIn]:
    """Choose a password with an invitation code, and sign in."""
    agent = request.headers.get("user-agent", "")
    user, new = await invitations.redeem(
        conn, data.code, data.password, data.totp, client_ip(request), agent
    )
    return await session_response(request, conn, user, new)


@post("/users/{user_id:uuid}/invitation", status_code=201, tags=["accounts"])
async def reissue(
    request: Request[Any, Any, Any], conn: Conn, principal: CurrentUser, user_id: FromPath[UUID]
) -> Invitation:
    """A new invitation code for someone who has forgotten their password."""
    return await invitations.reissue(conn, principal, user_id, _link_base(request))


@get("/users", tags=["accounts"])
async def list_users(conn: Conn, principal: CurrentUser) -> list[User]:
    """Everyone at your site (admins only)."""
    return await store.list_users(conn, principal)


@get("/care-team", tags=["accounts"])
async def my_patients(conn: Conn, principal: CurrentUser) -> list[User]:
    """Your own patients (clinicians only), for handing over a new invitation code."""
    return await store.my_patients(conn, principal)


@post("/users/{user_id:uuid}/disable", status_code=204, tags=["accounts"])
async def disable(conn: Conn, principal: CurrentUser, user_id: FromPath[UUID]) -> None:
    """Stop someone signing in; their sessions end at once."""
    await store.set_disabled(conn, principal, user_id, True)


@post("/users/{user_id:uuid}/enable", status_code=204, tags=["accounts"])
async def enable(conn: Conn, principal: CurrentUser, user_id: FromPath[UUID]) -> None:
    """Let a disabled person sign in again."""
    await store.set_disabled(conn, principal, user_id, False)


@delete("/users/{user_id:uuid}/totp", status_code=204, tags=["accounts"])
async def reset_totp(conn: Conn, principal: CurrentUser, user_id: FromPath[UUID]) -> None:
    """Clear someone's authenticator app (a lost phone); they set it up again."""
    await store.reset_totp(conn, principal, user_id)


@put("/care-team/{clinician_id:uuid}/{patient_id:uuid}", status_code=204, tags=["accounts"])
async def assign(
    conn: Conn, principal: CurrentUser, clinician_id: FromPath[UUID], patient_id: FromPath[UUID]
) -> None:
    """Let a clinician see a patient's diary."""
    await store.assign(conn, principal, clinician_id, patient_id)


@delete("/care-team/{clinician_id:uuid}/{patient_id:uuid}", status_code=204, tags=["accounts"])
async def unassign(
    conn: Conn, principal: CurrentUser, clinician_id: FromPath[UUID], patient_id: FromPath[UUID]
) -> None:
    """Stop a clinician seeing a patient's diary, from their next request."""
    await store.unassign(conn, principal, clinician_id, patient_id)


@get("/site", tags=["accounts"], before_totp=True)
async def site(conn: Conn, principal: CurrentUser) -> Site:
    """Your site's name and the emergency numbers shown on the crisis screen."""
    return await store.get_site(conn, principal)


@put("/site/emergency-numbers", tags=["accounts"])
async def set_emergency_numbers(
    conn: Conn, principal: CurrentUser, data: JSONBody[EmergencyNumbersIn]
) -> Site:
    """Change the emergency numbers for everyone at your site (admins only)."""
    return await store.set_emergency_numbers(conn, principal, data.emergency_numbers)


@put("/site/risk-floor", tags=["accounts"])
async def set_risk_floor(conn: Conn, principal: CurrentUser, data: JSONBody[RiskFloorIn]) -> Site:
    """Change the urge strength (1-10) at or over which a self-harm or aggression urge puts
    a patient first in their clinicians' caseloads, whatever their plan says (admins only)."""
    return await store.set_risk_floor(conn, principal, data.risk_floor)


@put("/site/measure-interval", tags=["accounts"])
async def set_measure_interval(
    conn: Conn, principal: CurrentUser, data: JSONBody[MeasureIntervalIn]
) -> Site:
    """Change how many months apart PHQ-9 and GAD-7 are due, from the start of treatment or
    study enrolment (1-12; admins only)."""
    return await store.set_measure_interval(conn, principal, data.measure_interval_months)


routes = [
    invite, redeem, reissue, list_users, my_patients, disable, enable, reset_totp, assign,
    unassign, site, set_emergency_numbers, set_risk_floor, set_measure_interval,
]
