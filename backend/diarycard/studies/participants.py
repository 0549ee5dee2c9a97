"""Marking a study participant as having left (with the day and why) or completed, for the
CONSORT attendance rows and the follow-up list; audited, scoped to the caller's own site's
participants of a study their site takes part in."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import asyncpg

from diarycard.audit.store import record
from diarycard.auth.principal import Principal
from diarycard.errors import FieldError, Invalid, NotFound
from diarycard.outcomes.store import london_today
from diarycard.studies.models import Participant, ParticipantStatusIn
from diarycard.studies.store import SQL, pseudonym, study


def _check(data: ParticipantStatusIn, today: date) -> None:
    errors: list[FieldError] = []
    ending = data.status != "in_follow_up"
    if ending and data.on is None:
        errors.append(FieldError("on", f"required when status is {data.status}"))
    if not ending and data.on is not None:
        errors.append(FieldError("on", "only when a participant left or completed"))
    if data.on is not None and data.on > today:
        errors.append(FieldError("on", "must not be in the future"))
    if data.status == "left" and data.reason is None:
        errors.append(FieldError("reason", "required when status is left"))
    if data.status != "left" and data.reason is not None:
        errors.append(FieldError("reason", "only when a participant left"))
    if errors:
        raise Invalid(errors=errors)


async def set_status(conn: asyncpg.Connection, who: Principal, study_id: UUID,
                     patient_id: UUID, data: ParticipantStatusIn,
                     today: date | None = None) -> Participant:
    _check(data, today or london_today())
    left = data.on if data.status == "left" else None
    completed = data.on if data.status == "completed" else None
    async with conn.transaction():
        await study(conn, who, study_id)
        try:
            row = await conn.fetchrow(SQL["set_status"], study_id, patient_id, who.site_id,
                                      left, data.reason, completed)
        except asyncpg.CheckViolationError as exc:
            raise Invalid.field("on", "must be on or after the day of enrolment") from exc
        if row is None:
            raise NotFound()
        key = await conn.fetchval("SELECT pseudonym_key FROM studies WHERE id = $1", study_id)
        await record(conn, who, patient_id, "study.participant_status",
                     f"{study_id}:{data.status}")
    return Participant(pseudonym=pseudonym(key, patient_id), arm=row["arm"],
                       enrolled_on=row["enrolled_on"], status=data.status,
                       left_on=row["left_on"], left_reason=row["left_reason"],
                       completed_on=row["completed_on"])
