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

from typing import Any, Literal
from uuid import UUID

from litestar import Request, Response, get, post, put
from litestar.openapi import ResponseSpec
from litestar.params import FromPath, FromQuery, JSONBody
from litestar.response import Stream

from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.errors import NotFound
from diarycard.settings import Settings
from diarycard.studies import exports, participants, reports, store
from diarycard.studies.models import (
    Allocation,
    Consort,
    EnrolIn,
    ExportJob,
    FollowUp,
    Participant,
    ParticipantStatusIn,
    Screening,
    ScreeningIn,
    Study,
    StudyIn,
)

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


def _file(study_id: UUID, fmt: str) -> dict[str, str]:
    suffix = "csv" if fmt == "csv" else "fhir.json"
    return {"Content-Disposition": f'attachment; filename="study-{study_id}.{suffix}"'}


def _queued(job: ExportJob) -> Response[ExportJob]:
    return Response(job, status_code=202, headers={
        "Location": f"/api/v1/studies/{job.study_id}/exports/{job.id}"})


@get(f"{STUDY}/export", tags=TAGS, responses={202: ResponseSpec(
    ExportJob, description="A large study: the export is being built (see Location)",
    generate_examples=False)})
async def export(conn: Conn, principal: CurrentUser, study_id: FromPath[UUID],
                 format: FromQuery[Literal["csv", "fhir"]]) -> Response[Any]:
    """Pseudonymised export (audited): at once for a small study; for a large one, 202
    with the Location of the background job to poll."""
    body = await exports.export_or_start(conn, principal, study_id, format)
    if isinstance(body, ExportJob):
        return _queued(body)
    return Response(body, media_type=MEDIA[format], headers=_file(study_id, format))


@post(f"{STUDY}/exports", tags=TAGS, status_code=202)
async def start_export(conn: Conn, principal: CurrentUser, study_id: FromPath[UUID],
                       format: FromQuery[Literal["csv", "fhir"]] = "csv") -> Response[ExportJob]:
    """Build the pseudonymised export in the background, whatever the study's size."""
    return _queued(await exports.start(conn, principal, study_id, format))


@get(f"{STUDY}/exports/{{export_id:uuid}}", tags=TAGS)
async def export_status(conn: Conn, principal: CurrentUser, study_id: FromPath[UUID],
                        export_id: FromPath[UUID]) -> ExportJob:
    """Where a background export is: queued, running, done (with its download) or failed."""
    return await exports.status(conn, principal, study_id, export_id)


@get(f"{STUDY}/exports/{{export_id:uuid}}/file", tags=TAGS,
     opt={"content": {"text/csv": "text", "application/fhir+json": "object"}})
async def export_file(request: Request[Any, Any, Any], conn: Conn, principal: CurrentUser,
                      study_id: FromPath[UUID], export_id: FromPath[UUID]) -> Stream:
    """Download a finished background export, streamed (404 until it is done)."""
    job = await exports.status(conn, principal, study_id, export_id)
    if job.state != "done":
        raise NotFound()
    settings: Settings = request.app.state.settings
    return Stream(exports.chunks(request.app.state.pool, settings.db_acquire_timeout,
                                 export_id), media_type=MEDIA[job.format],
                  headers=_file(study_id, job.format))


routes = [create_study, list_studies, read_study, enrol, participant_status, screen, screening,
          consort, follow_ups, export, start_export, export_status, export_file]
