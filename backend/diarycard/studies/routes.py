"""Study routes (researchers and admins of the study's sites; everyone else 403 or 404).

- `POST /studies` (admin) sets a study up; `GET /studies/{id}` reads it.
- `PUT /studies/{id}/participants/{patient_id}` enrols a consenting patient and answers
  the allocation (the same again answers the same).
- `PUT /studies/{id}/participants/{patient_id}/status`: left (day, why) or completed.
- `PUT /studies/{id}/screening/{screening_id}`, `GET /studies/{id}/screening`: the log.
- `GET /studies/{id}/consort`, `GET /studies/{id}/follow-ups`.
- `GET /studies/{id}/export?format=csv|fhir`: pseudonymised, audited.
"""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from litestar import Response, get, post, put
from litestar.params import FromPath, FromQuery, JSONBody

from diarycard.studies import participants, reports, store
from diarycard.studies.models import (
    Allocation,
    Consort,
    EnrolIn,
    FollowUp,
    Participant,
    ParticipantStatusIn,
    Screening,
    ScreeningIn,
    Study,
    StudyIn,
)
from diarycard.web.deps import Conn, CurrentUser

TAGS = ["studies"]
STUDY = "/studies/{study_id:uuid}"
MEDIA = {"csv": "text/csv; charset=utf-8", "fhir": "application/fhir+json"}


@post("/studies", tags=TAGS)
async def create_study(conn: Conn, principal: CurrentUser, data: JSONBody[StudyIn]) -> Study:
    """Set up a study at your site (admins): arms, strata, block sizes, follow-up."""
    return await store.create(conn, principal, data)


@get("/studies", tags=TAGS)
async def list_studies(conn: Conn, principal: CurrentUser) -> list[Study]:
    """The studies your site takes part in (researchers and admins)."""
    return await store.studies(conn, principal)


@get(STUDY, tags=TAGS)
async def read_study(conn: Conn, principal: CurrentUser, study_id: FromPath[UUID]) -> Study:
    return await store.study(conn, principal, study_id)


@put(f"{STUDY}/participants/{{patient_id:uuid}}", tags=TAGS)
async def enrol(conn: Conn, principal: CurrentUser, study_id: FromPath[UUID],
                patient_id: FromPath[UUID], data: JSONBody[EnrolIn]) -> Allocation:
    """Enrol a consenting patient of your site; answers the allocated arm only."""
    return await store.enrol(conn, principal, study_id, patient_id, data)


@put(f"{STUDY}/participants/{{patient_id:uuid}}/status", tags=TAGS)
async def participant_status(conn: Conn, principal: CurrentUser, study_id: FromPath[UUID],
                             patient_id: FromPath[UUID], data: JSONBody[ParticipantStatusIn]
                             ) -> Participant:
    """Mark a participant of your site as having left (the day and why) or completed."""
    return await participants.set_status(conn, principal, study_id, patient_id, data)


@put(f"{STUDY}/screening/{{screening_id:uuid}}", tags=TAGS)
async def screen(conn: Conn, principal: CurrentUser, study_id: FromPath[UUID],
                 screening_id: FromPath[UUID], data: JSONBody[ScreeningIn]
                 ) -> list[Screening]:
    """Add or change one person in the screening log (the site's reference, no names)."""
    return await store.screen(conn, principal, study_id, screening_id, data)


@get(f"{STUDY}/screening", tags=TAGS)
async def screening(conn: Conn, principal: CurrentUser, study_id: FromPath[UUID]
                    ) -> list[Screening]:
    return await store.screening(conn, principal, study_id)


@get(f"{STUDY}/consort", tags=TAGS)
async def consort(conn: Conn, principal: CurrentUser, study_id: FromPath[UUID]) -> Consort:
    """The CONSORT flow: figures, text and SVG."""
    return await reports.consort_of(conn, principal, study_id)


@get(f"{STUDY}/follow-ups", tags=TAGS)
async def follow_ups(conn: Conn, principal: CurrentUser, study_id: FromPath[UUID]
                     ) -> list[FollowUp]:
    """Follow-up visits due or overdue, by pseudonym."""
    return await reports.follow_ups(conn, principal, study_id)


@get(f"{STUDY}/export", tags=TAGS)
async def export(conn: Conn, principal: CurrentUser, study_id: FromPath[UUID],
                 format: FromQuery[Literal["csv", "fhir"]]) -> Response[bytes]:
    """Pseudonymised export (audited)."""
    body = await reports.export_of(conn, principal, study_id, format)
    suffix = "csv" if format == "csv" else "fhir.json"
    return Response(body, media_type=MEDIA[format], headers={
        "Content-Disposition": f'attachment; filename="study-{study_id}.{suffix}"'})


routes = [create_study, list_studies, read_study, enrol, participant_status, screen, screening,
          consort, follow_ups, export]
