"""The record of crisis-plan steps the app offered after a diary entry.

The phone decides, offline, that an entry matched an early warning sign or reached a risk
threshold, shows the plan, and queues one of these. Nobody is paged: the clinician counts
them in the review (`crisis_offers` is read there).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

import asyncpg

from diarycard.auth.access import PatientScope
from diarycard.crisis.models import Offer, OfferIn
from diarycard.crisis.store import SQL
from diarycard.errors import Conflict, NotFound
from diarycard.tools.text import check_text


def _offer(row: Any) -> Offer:
    return Offer(row["id"], row["entry_id"], row["offered_at"], row["reason"])


async def save_offer(
    conn: asyncpg.Connection, own: PatientScope, offer_id: UUID, data: OfferIn
) -> Offer:
    """Store an offer once. The same offer sent again answers the same; a different body
    for a stored id is a conflict; someone else's id is not found. An entry is offered for
    once: a later offer for the same entry answers the first (hazard H-008)."""
    check_text(data)
    patient_id = own.patient_id
    async with conn.transaction():
        await conn.execute(SQL["save_offer"], offer_id, patient_id, own.site_id,
                           data.entry_id, data.offered_at, data.reason)
        row = await conn.fetchrow(SQL["offer"], offer_id, patient_id)
        if row is None:
            first = await conn.fetchrow(SQL["offer_for_entry"], patient_id, data.entry_id)
            if first is not None and first["id"] != offer_id:
                return _offer(first)
    if row is None:
        raise NotFound()
    stored = _offer(row)
    if (stored.entry_id, stored.offered_at, stored.reason) != (
        data.entry_id, data.offered_at, data.reason
    ):
        raise Conflict("An offer with this id was already recorded with different details.")
    return stored


async def offers(conn: asyncpg.Connection, scope: PatientScope) -> list[Offer]:
    """The latest 200 offers, newest first."""
    return [_offer(row) for row in await conn.fetch(SQL["offers"], scope.patient_id)]
