"""The one gate to a patient's record, and the proof that it was passed.

A `PatientScope` says who is reading or writing which patient's data, and why. Only the
functions here make one, after the check:

- `open_patient` for a clinician: signed in as a clinician (else 403), and the patient is
  on their care team at their own site (else 404, the same answer as a patient who does
  not exist). The audit row is written here too, inside the caller's transaction, so no
  route can read patient data without leaving a trace.
- `own_scope` for a patient's own data (the `own` dependency of the patient's routes).

Store functions that read or write a patient's data take a `PatientScope`, never a bare
id, so a forgotten check fails `mypy --strict` rather than a penetration test.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Annotated, TypeAlias, TypeVar
from uuid import UUID

import asyncpg
from litestar.di import Dependency

from diarycard.audit.store import record
from diarycard.auth.principal import CurrentUser, Principal
from diarycard.db.queries import load_queries
from diarycard.errors import NotFound

SQL = load_queries(Path(__file__).with_name("queries.sql"))
log = logging.getLogger("diarycard.security")
T = TypeVar("T")
_GATE = object()


class PatientScope:
    """Access to one patient's data, already checked (and, for staff, audited). Frozen;
    a plain class rather than a dataclass, which Litestar would try to rebuild."""

    __slots__ = ("action", "patient_id", "who")
    who: Principal
    patient_id: UUID
    action: str

    def __init__(self, who: Principal, patient_id: UUID, action: str, gate: object) -> None:
        if gate is not _GATE:
            raise TypeError("a PatientScope comes only from auth.access")
        object.__setattr__(self, "who", who)
        object.__setattr__(self, "patient_id", patient_id)
        object.__setattr__(self, "action", action)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("a PatientScope cannot be changed")

    @property
    def site_id(self) -> UUID:
        # Both gates keep to one site: the patient's own, or the clinician's (checked).
        return self.who.site_id


async def open_patient(
    conn: asyncpg.Connection, who: Principal, patient_id: UUID, action: str, resource: str = ""
) -> PatientScope:
    """Check the care team and audit the access; call inside the read's transaction."""
    who.require("clinician")
    assigned = await conn.fetchval(SQL["assigned"], who.user_id, patient_id, who.site_id)
    if not assigned:
        # Ids only: who tried what. A run of these is worth a look by the service.
        log.warning("patient not on care team", extra={"actor": str(who.user_id),
                                                        "action": action})
        raise NotFound()
    await record(conn, who, patient_id, action, resource)
    return PatientScope(who, patient_id, action, _GATE)


def own_scope(who: Principal, action: str = "own") -> PatientScope:
    """A patient's access to their own data (403 for anyone else)."""
    who.require("patient")
    return PatientScope(who, who.user_id, action, _GATE)


async def as_clinician(
    conn: asyncpg.Connection, who: Principal, patient_id: UUID, action: str, resource: str,
    work: Callable[[PatientScope], Awaitable[T]],
) -> T:
    """A clinician's read or change of one patient's data: care-team check, audit row and
    `work` in one transaction, so nothing is returned unaudited."""
    async with conn.transaction():
        return await work(await open_patient(conn, who, patient_id, action, resource))


def provide_own(principal: CurrentUser) -> PatientScope:
    return own_scope(principal)


Own: TypeAlias = Annotated[PatientScope, Dependency(kind="named")]
"""The signed-in patient's scope over their own data, for the patient's routes:

    async def handler(conn: Conn, own: Own) -> ...
"""
