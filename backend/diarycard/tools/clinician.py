"""Running a clinician's read or change of one patient's tool data: care-team check, audit
row and the work itself in one transaction, so nothing is returned unaudited."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TypeVar
from uuid import UUID

import asyncpg

from diarycard.auth.principal import Principal
from diarycard.caseload.access import open_patient

T = TypeVar("T")


async def as_clinician(
    conn: asyncpg.Connection, who: Principal, patient_id: UUID, action: str, resource: str,
    work: Callable[[], Awaitable[T]],
) -> T:
    async with conn.transaction():
        await open_patient(conn, who, patient_id, action, resource)
        return await work()
