"""Crisis-plan routes for the patient (`/crisis-plan...`) and their clinician
(`/patients/{patient_id}/crisis-plan...`): the plan's routes are the agreed plan's
(agreement/routes.py), with the crisis plan's own shapes; the offers are the crisis plan's.

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

from diarycard.agreement.routes import plan_routes
from diarycard.auth.access import Own, as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.crisis import offers, store
from diarycard.crisis.models import Agreed, Agreement, CrisisPlan, Draft, DraftIn, Offer, OfferIn
from diarycard.db.pool import Conn
from diarycard.entries.checks import DiaryRequest

MINE = "/crisis-plan"
THEIRS = "/patients/{patient_id:uuid}/crisis-plan"
TAGS = ["crisis plan"]


@put(f"{MINE}/offers/{{offer_id:uuid}}", tags=TAGS, request_class=DiaryRequest)
async def record_offer(
    conn: Conn, own: Own, offer_id: FromPath[UUID], data: JSONBody[OfferIn]
) -> Offer:
    """Record that the app offered a plan step after a diary entry (nobody is paged)."""
    return await offers.save_offer(conn, own, offer_id, data)


@get(f"{THEIRS}/offers", tags=TAGS)
async def their_offers(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> list[Offer]:
    """Crisis-plan steps the app offered this patient, newest first (audited)."""
    return await as_clinician(conn, principal, patient_id, "read", "crisis_offers",
                              lambda scope: offers.offers(conn, scope))


routes = [
    *plan_routes(store, {"Current": CrisisPlan, "Version": Agreed, "Draft": Draft,
                         "DraftIn": DraftIn, "Agreement": Agreement},
                 mine=MINE, theirs=THEIRS, resource="crisis_plan", tags=TAGS),
    record_offer, their_offers,
]
