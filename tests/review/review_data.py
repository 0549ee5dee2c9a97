"""People and records for the review tests, written straight into the tables with fixed
values, so every figure the review shows can be worked out by hand. (A module of its own:
test modules import these, and two folders' `conftest` modules would share one name.)"""

from __future__ import annotations

import hashlib
import itertools
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID, uuid4

import asyncpg

_n = itertools.count()


@dataclass
class Team:
    site: UUID
    other_site: UUID
    ward: UUID  # the clinician signed in on `client`
    shah: UUID  # same site, not on these patients' care team
    okafor: UUID  # another site
    amy: UUID
    ben: UUID
    cai: UUID
    dev: UUID  # Dr Shah's patient
    eve: UUID  # a patient at the other site


async def add_entry(
    conn: asyncpg.Connection, patient: UUID, occurred_at: datetime, category: str = "action",
    **fields: Any,
) -> UUID:
    """One entry as the diary stores it; `fields` are columns (risk_self_harm, outcome...)."""
    entry_id = uuid4()
    offset = occurred_at.utcoffset()
    columns = {"id": entry_id, "patient_id": patient, "occurred_at": occurred_at,
               "occurred_offset": int(offset.total_seconds()) if offset else 0,
               "category": category,
               "body_hash": hashlib.sha256(str(next(_n)).encode()).digest(), **fields}
    names = ", ".join(columns)
    marks = ", ".join(f"${i}" for i in range(1, len(columns) + 1))
    await conn.execute(f"INSERT INTO entries ({names}) VALUES ({marks})", *columns.values())
    return entry_id


async def add_appointment(
    conn: asyncpg.Connection, patient: UUID, clinician: UUID, starts_at: datetime,
    status: str = "scheduled",
) -> UUID:
    site = await conn.fetchval("SELECT site_id FROM users WHERE id = $1", patient)
    return await conn.fetchval(
        "INSERT INTO appointments (patient_id, site_id, clinician_id, starts_at, status)"
        " VALUES ($1, $2, $3, $4, $5) RETURNING id",
        patient, site, clinician, starts_at, status,
    )


async def audit_rows(conn: asyncpg.Connection, actor: UUID) -> list[tuple[UUID | None, str]]:
    rows = await conn.fetch(
        "SELECT patient_id, action FROM audit_log WHERE actor_id = $1 ORDER BY id", actor
    )
    return [(r["patient_id"], r["action"]) for r in rows]
