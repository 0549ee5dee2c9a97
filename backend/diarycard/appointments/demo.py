"""Demo sessions, so the review opens populated: for each demo patient, an attended
session last week and one booked next week; the second patient missed one since (the
follow-up list), and the first session carries a clinician's note. Safe to run again:
a patient who has appointments already gets none added."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

import asyncpg

_SESSIONS = """
INSERT INTO appointments (patient_id, site_id, clinician_id, starts_at, status)
SELECT $1, $2, ct.clinician_id, date_trunc('hour', now()) + s.at, s.status
  FROM (SELECT clinician_id FROM care_team WHERE patient_id = $1
         ORDER BY created_at, clinician_id LIMIT 1) ct
 CROSS JOIN (VALUES (interval '-8 days', 'attended'), (interval '6 days', 'scheduled'),
                    (interval '-2 days', CASE WHEN $3 THEN 'not_attended' END)) s(at, status)
 WHERE s.status IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.patient_id = $1)
RETURNING id, clinician_id, status
"""

_NOTE = """
INSERT INTO clinician_notes (patient_id, site_id, author_id, appointment_id, body)
VALUES ($1, $2, $3, $4, $5)
"""


async def load_demo(
    conn: asyncpg.Connection, site_id: UUID, patient_ids: Sequence[UUID],
    clinician_ids: Sequence[UUID],
) -> None:
    for index, patient in enumerate(patient_ids):
        made = await conn.fetch(_SESSIONS, patient, site_id, index == 1)
        attended = [r for r in made if r["status"] == "attended"]
        if index == 0 and attended:
            await conn.execute(
                _NOTE, patient, site_id, attended[0]["clinician_id"], attended[0]["id"],
                "Went through the crisis plan together. Agreed to try 'stop, think' when "
                "the urge to drink comes on in the evening.",
            )
