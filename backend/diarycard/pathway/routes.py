"""The pathway: the patient reads their own (`/pathway`); their clinician reads and records
it (`/patients/{patient_id}/pathway`)."""

from __future__ import annotations

from uuid import UUID

from litestar import get, put
from litestar.params import FromPath, JSONBody

from diarycard.auth.access import Own, as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.entries.checks import DiaryRequest
from diarycard.pathway import store
from diarycard.pathway.models import Pathway, PathwayIn

TAGS = ["pathway"]
THEIRS = "/patients/{patient_id:uuid}/pathway"


@get("/pathway", tags=TAGS)
async def my_pathway(conn: Conn, own: Own) -> Pathway:
    """Where you are in your treatment (404 before your clinician records it)."""
    return await store.get(conn, own)


@get(THEIRS, tags=TAGS)
async def their_pathway(conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]) -> Pathway:
    """A patient's pathway (assigned clinicians; audited)."""
    return await as_clinician(conn, principal, patient_id, "read", "pathway",
                              lambda scope: store.get(conn, scope))


@put(THEIRS, tags=TAGS, request_class=DiaryRequest)
async def save_their_pathway(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], data: JSONBody[PathwayIn]
) -> Pathway:
    """Record the phase and what was agreed; "discharged" needs an agreed discharge plan."""
    return await as_clinician(conn, principal, patient_id, "update", "pathway",
                              lambda scope: store.save(conn, scope, data))


routes = [my_pathway, their_pathway, save_their_pathway]
