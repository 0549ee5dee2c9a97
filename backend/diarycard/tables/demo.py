"""Demo data: the first demo patient's own table, agreed with their clinician. Safe to
run again (the first version is only written once)."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID, uuid5

import asyncpg
import msgspec

from diarycard.tables.models import TableRow
from diarycard.tables.template import DEFAULT_ROWS

_NS = UUID("0b7d3c55-2f4e-4a61-8c9d-5e1a7f3b2d68")


def demo_rows() -> list[TableRow]:
    own = TableRow(
        id=uuid5(_NS, "anger"), category="action", emotion="Anger",
        urge="Shout at whoever is in front of me",
        indicators=["My jaw goes tight", "I start pacing"],
        helpful_response="Leave the room and walk round the block",
    )
    # The template's theft row does not fit Alex, so it was left out when they first saved.
    return [DEFAULT_ROWS[0], DEFAULT_ROWS[2], DEFAULT_ROWS[3], own]


async def load_demo(
    conn: asyncpg.Connection, site_id: UUID, patient_ids: Sequence[UUID],
    clinician_ids: Sequence[UUID],
) -> None:
    if not patient_ids or not clinician_ids:
        return
    await conn.execute(
        """INSERT INTO personal_table_versions (patient_id, version, rows, updated_by)
           VALUES ($1, 1, $2::jsonb, $3) ON CONFLICT DO NOTHING""",
        patient_ids[0], msgspec.json.encode(demo_rows()).decode(), clinician_ids[0],
    )
