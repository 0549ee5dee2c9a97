"""Export routes: the care team's (CSV, FHIR), the patient's own (JSON, CSV), and the
FHIR Questionnaire the FHIR export answers."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

import msgspec
from litestar import Request, Response, get
from litestar.params import FromPath, FromQuery

from diarycard.auth.access import Own, as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.auth.stepup import before_export
from diarycard.db.pool import Conn
from diarycard.exports import fhir
from diarycard.exports.models import ClinicianFormat, PatientFormat
from diarycard.exports.store import my_export, patient_export
from diarycard.settings import Settings

TAGS = ["exports"]
# Litestar adds "; charset=utf-8" to text/* itself (naming it here gave it twice).
MEDIA = {"csv": "text/csv", "fhir": "application/fhir+json",
         "json": "application/json"}
SUFFIX = {"csv": "csv", "fhir": "fhir.json", "json": "json"}


def _download(body: bytes, fmt: str, stem: str) -> Response[bytes]:
    name = f"{stem}-{datetime.now(UTC).date().isoformat()}.{SUFFIX[fmt]}"
    return Response(body, media_type=MEDIA[fmt],
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _settings(request: Request[Any, Any, Any]) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _base_url(request: Request[Any, Any, Any]) -> str:
    return _settings(request).public_url


@get("/patients/{patient_id:uuid}/export", tags=TAGS,
     opt={"content": {"text/csv": "text", "application/fhir+json": "object"}})
async def export_patient(
    request: Request[Any, Any, Any],
    conn: Conn,
    principal: CurrentUser,
    patient_id: FromPath[UUID],
    format: FromQuery[ClinicianFormat],
) -> Response[bytes]:
    """The patient's diary as CSV (safe to open in a spreadsheet) or a FHIR R4 Bundle of
    QuestionnaireResponses. Audited."""
    await before_export(conn, principal, _settings(request).exports_per_hour)
    base_url = _base_url(request)
    body = await as_clinician(conn, principal, patient_id, f"export.{format}", "",
                              lambda scope: patient_export(conn, scope, format, base_url))
    return _download(body, format, "diarycard-patient")


@get("/me/export", tags=TAGS,
     opt={"content": {"application/json": "object", "text/csv": "text"}})
async def export_mine(
    request: Request[Any, Any, Any], conn: Conn, own: Own,
    format: FromQuery[PatientFormat] = "json",
) -> Response[bytes]:
    """Everything we hold about you (JSON), or your diary as a spreadsheet (CSV)."""
    await before_export(conn, own.who, _settings(request).exports_per_hour)
    body = await my_export(conn, own, format)
    return _download(body, format, "my-diarycard")


@get(f"/fhir/Questionnaire/{fhir.QUESTIONNAIRE_ID}", tags=TAGS,
     opt={"content": {"application/fhir+json": "object"}})
async def questionnaire(request: Request[Any, Any, Any], principal: CurrentUser) -> Response[bytes]:
    """The FHIR R4 Questionnaire that exported QuestionnaireResponses answer."""
    return Response(msgspec.json.encode(fhir.questionnaire(_base_url(request))),
                    media_type="application/fhir+json")


routes = [export_patient, export_mine, questionnaire]
