"""Routes of acts, service contacts and measures.

Patients (their own, written offline through the outbox with a client-made id):
- `PUT /acts-and-contacts/{id}`, `GET /acts-and-contacts?from=` - acts, service contacts and
  "nothing happened this week";
- `PUT /measures/{id}` - a completed PHQ-9 or GAD-7 (stored once), `GET /measures`,
  `GET /measures/due`.
Care teams: `GET /patients/{id}/outcomes` (charts, audited) and
`PUT /patients/{id}/acts-and-contacts/{event_id}`.
Anyone signed in: `GET /fhir/Questionnaire/phq-9` and `.../gad-7`.
"""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

import msgspec
from litestar import Request, Response, get, put
from litestar.params import FromPath, FromQuery, JSONBody

from diarycard.auth.access import Own, as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.entries.checks import DiaryRequest
from diarycard.outcomes import questionnaires, review, store
from diarycard.outcomes.models import (
    Due,
    Event,
    EventIn,
    MeasureId,
    MeasureIn,
    MeasureResponse,
    Outcomes,
)
from diarycard.settings import Settings

TAGS = ["outcomes"]
PATIENT = "/patients/{patient_id:uuid}"


def _base_url(request: Request[Any, Any, Any]) -> str:
    settings: Settings = request.app.state.settings
    return settings.public_url


@put("/acts-and-contacts/{event_id:uuid}", tags=TAGS, request_class=DiaryRequest)
async def save_mine(conn: Conn, own: Own, event_id: FromPath[UUID],
                    data: JSONBody[EventIn]) -> Event:
    """Record an act, a service contact, or that nothing happened this week (412 when
    stale; the same request again answers the same)."""
    return await store.save_event(conn, own, event_id, data)


@get("/acts-and-contacts", tags=TAGS)
async def list_mine(conn: Conn, own: Own, since: FromQuery[date | None] = None) -> list[Event]:
    """Your acts and contacts, newest first (from `since`, or the last year)."""
    start = since or store.london_today().replace(year=store.london_today().year - 1)
    return await store.events(conn, own, start)


@put("/measures/{measure_id:uuid}", tags=TAGS, request_class=DiaryRequest)
async def save_measure(request: Request[Any, Any, Any], conn: Conn, own: Own,
                       measure_id: FromPath[UUID], data: JSONBody[MeasureIn]
                       ) -> MeasureResponse:
    """A completed PHQ-9 or GAD-7, scored on the server."""
    return await store.save_measure(conn, own, measure_id, data, _base_url(request))


@get("/measures", tags=TAGS)
async def list_measures(request: Request[Any, Any, Any], conn: Conn,
                        own: Own) -> list[MeasureResponse]:
    return await store.measures(conn, own, _base_url(request))


@get("/measures/due", tags=TAGS)
async def due_mine(conn: Conn, own: Own) -> list[Due]:
    """Which measures are due, overdue or done for now."""
    return await store.schedule(conn, own)


@get(f"{PATIENT}/outcomes", tags=TAGS)
async def patient_outcomes(request: Request[Any, Any, Any], conn: Conn,
                           principal: CurrentUser, patient_id: FromPath[UUID]) -> Outcomes:
    """Acts and contacts per month, measures over time, before and now (audited)."""
    base_url = _base_url(request)
    return await as_clinician(conn, principal, patient_id, "read", "outcomes",
                              lambda scope: review.outcomes(conn, scope, base_url))


@put(f"{PATIENT}/acts-and-contacts/{{event_id:uuid}}", tags=TAGS, request_class=DiaryRequest)
async def save_theirs(conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID],
                      event_id: FromPath[UUID], data: JSONBody[EventIn]) -> Event:
    """Record an act or contact for a patient on your care team (audited)."""
    return await as_clinician(conn, principal, patient_id, "write", "outcomes",
                              lambda scope: store.save_event(conn, scope, event_id, data))


def _questionnaire(qid: MeasureId) -> Any:
    title = questionnaires.INSTRUMENTS[qid].title
    @get(f"/fhir/Questionnaire/{qid}", tags=TAGS, name=f"questionnaire_{qid}",
         description=f"The FHIR R4 Questionnaire {title}, with its scoring.",
         opt={"content": {"application/fhir+json": "object"}})
    async def handler(request: Request[Any, Any, Any], principal: CurrentUser
                      ) -> Response[bytes]:
        return Response(msgspec.json.encode(questionnaires.resource(_base_url(request), qid)),
                        media_type="application/fhir+json")

    return handler


routes = [save_mine, list_mine, save_measure, list_measures, due_mine, patient_outcomes,
          save_theirs, *(_questionnaire(q) for q in questionnaires.ALL)]
