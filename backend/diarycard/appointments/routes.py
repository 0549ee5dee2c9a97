"""Appointments of one patient, for their care team."""

from __future__ import annotations

from uuid import UUID

from litestar import get, patch, post
from litestar.params import FromPath, JSONBody

from diarycard.appointments.models import Appointment, AppointmentIn, AppointmentPatch
from diarycard.appointments.store import (
    create_appointment,
    list_appointments,
    update_appointment,
)
from diarycard.auth.access import as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn

TAGS = ["appointments"]


@get("/patients/{patient_id:uuid}/appointments", tags=TAGS)
async def appointments_list(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> list[Appointment]:
    """The patient's appointments, newest first."""
    return await as_clinician(conn, principal, patient_id, "appointments.list", "",
                              lambda scope: list_appointments(conn, scope))


@post("/patients/{patient_id:uuid}/appointments", tags=TAGS)
async def appointments_create(
    conn: Conn,
    principal: CurrentUser,
    patient_id: FromPath[UUID],
    data: JSONBody[AppointmentIn],
) -> Appointment:
    """Schedule a session."""
    return await as_clinician(conn, principal, patient_id, "appointments.create", "",
                              lambda scope: create_appointment(conn, scope, data))


@patch("/patients/{patient_id:uuid}/appointments/{appointment_id:uuid}", tags=TAGS)
async def appointments_update(
    conn: Conn,
    principal: CurrentUser,
    patient_id: FromPath[UUID],
    appointment_id: FromPath[UUID],
    data: JSONBody[AppointmentPatch],
) -> Appointment:
    """Mark a session attended, not attended or cancelled, or move it."""
    return await as_clinician(
        conn, principal, patient_id, "appointments.update", str(appointment_id),
        lambda scope: update_appointment(conn, scope, appointment_id, data))


routes = [appointments_list, appointments_create, appointments_update]
