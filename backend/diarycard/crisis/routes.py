"""Crisis-plan routes for the patient (`/crisis-plan...`) and their clinician
(`/patients/{patient_id}/crisis-plan...`).

Shapes, for the clinician review:
- `GET /patients/{patient_id}/crisis-plan` -> `CrisisPlan` (current agreed version with
  `plan`, `review_date`, `agreed_at`, who agreed and when, `site_numbers`); 404 before one.
- `GET .../crisis-plan/versions` -> `[Agreed]`, newest first.
- `GET|PUT .../crisis-plan/draft` -> `Draft` (`version`, `plan`, `patient_agreed`,
  `clinician_agreed`, `agreed_version`); PUT takes `{base_version, plan}`, 412 when stale.
- `PUT .../crisis-plan/agreement` `{draft_version}` -> `Agreement` (`draft`, `agreed`).
- `GET .../crisis-plan/offers` -> `[Offer]` (`entry_id`, `offered_at`, `reason`).
"""

from __future__ import annotations

from uuid import UUID

from litestar import get, put
from litestar.params import FromPath, JSONBody

from diarycard.auth.access import Own, as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.crisis import offers, store
from diarycard.crisis.models import (
    Agreed,
    AgreeIn,
    Agreement,
    CrisisPlan,
    Draft,
    DraftIn,
    Offer,
    OfferIn,
)
from diarycard.db.pool import Conn
from diarycard.entries.checks import DiaryRequest

MINE = "/crisis-plan"
THEIRS = "/patients/{patient_id:uuid}/crisis-plan"
TAGS = ["crisis plan"]


@get(MINE, tags=TAGS)
async def my_plan(conn: Conn, own: Own) -> CrisisPlan:
    """Your current agreed crisis plan (404 before one is agreed)."""
    return await store.current(conn, own)


@get(f"{MINE}/versions", tags=TAGS)
async def my_versions(conn: Conn, own: Own) -> list[Agreed]:
    """Every agreed version of your plan, newest first."""
    return await store.versions(conn, own)


@get(f"{MINE}/draft", tags=TAGS)
async def my_draft(conn: Conn, own: Own) -> Draft:
    """The draft you and your clinician are writing (version 0 when nothing is saved)."""
    return await store.draft(conn, own)


@put(f"{MINE}/draft", tags=TAGS, request_class=DiaryRequest)
async def save_my_draft(conn: Conn, own: Own, data: JSONBody[DraftIn]) -> Draft:
    """Change the draft, based on the version you last saw (412 if it changed since)."""
    return await store.save_draft(conn, own, data)


@put(f"{MINE}/agreement", tags=TAGS, request_class=DiaryRequest)
async def agree_mine(conn: Conn, own: Own, data: JSONBody[AgreeIn]) -> Agreement:
    """Agree this version of the draft. Once your clinician has too, it is your plan."""
    return await store.agree(conn, "patient", own, data)


@put(f"{MINE}/offers/{{offer_id:uuid}}", tags=TAGS, request_class=DiaryRequest)
async def record_offer(
    conn: Conn, own: Own, offer_id: FromPath[UUID], data: JSONBody[OfferIn]
) -> Offer:
    """Record that the app offered a plan step after a diary entry (nobody is paged)."""
    return await offers.save_offer(conn, own, offer_id, data)


@get(THEIRS, tags=TAGS)
async def their_plan(conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]) -> CrisisPlan:
    """A patient's current agreed crisis plan (assigned clinicians; audited)."""
    return await as_clinician(conn, principal, patient_id, "read", "crisis_plan",
                              lambda scope: store.current(conn, scope))


@get(f"{THEIRS}/versions", tags=TAGS)
async def their_versions(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> list[Agreed]:
    """Every agreed version of a patient's plan (assigned clinicians; audited)."""
    return await as_clinician(conn, principal, patient_id, "read", "crisis_plan_versions",
                              lambda scope: store.versions(conn, scope))


@get(f"{THEIRS}/draft", tags=TAGS)
async def their_draft(conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]) -> Draft:
    """A patient's draft plan (assigned clinicians; audited)."""
    return await as_clinician(conn, principal, patient_id, "read", "crisis_plan_draft",
                              lambda scope: store.draft(conn, scope))


@put(f"{THEIRS}/draft", tags=TAGS, request_class=DiaryRequest)
async def save_their_draft(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], data: JSONBody[DraftIn]
) -> Draft:
    """Change a patient's draft with them (assigned clinicians; audited; 412 when stale)."""
    return await as_clinician(
        conn, principal, patient_id, "update", "crisis_plan_draft",
        lambda scope: store.save_draft(conn, scope, data),
    )


@put(f"{THEIRS}/agreement", tags=TAGS, request_class=DiaryRequest)
async def agree_theirs(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], data: JSONBody[AgreeIn]
) -> Agreement:
    """Agree a version of the draft as the clinician (assigned clinicians; audited)."""
    return await as_clinician(
        conn, principal, patient_id, "agree", "crisis_plan",
        lambda scope: store.agree(conn, "clinician", scope, data),
    )


@get(f"{THEIRS}/offers", tags=TAGS)
async def their_offers(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> list[Offer]:
    """Crisis-plan steps the app offered this patient, newest first (audited)."""
    return await as_clinician(conn, principal, patient_id, "read", "crisis_offers",
                              lambda scope: offers.offers(conn, scope))


routes = [my_plan, my_versions, my_draft, save_my_draft, agree_mine, record_offer,
          their_plan, their_versions, their_draft, save_their_draft, agree_theirs, their_offers]
