"""Demo data: two weeks of diary entries for the first two demo patients, so the review
and the history have something to show. Safe to run again: ids are fixed, and an entry
that exists already is left as it is."""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta, timezone
from uuid import UUID, uuid5

import asyncpg

from diarycard.auth.principal import SessionClaim, token_hash
from diarycard.auth.sessions import create_session, end_presented
from diarycard.entries import sync
from diarycard.entries.models import EntryIn, Risk

_NS = UUID("9d2e4f61-3a7b-4c8d-b1e5-6f0a2c4d8e97")
UK_WINTER = timezone(timedelta(0))

# (category, emotion, urge, indicator, helpful response)
MOMENTS = [
    ("not_attending", "Boredom", "Do something exciting", "I notice I can't concentrate",
     "Do something skilful with other people"),
    ("action", "Loneliness", "Get drunk", "I notice the urge to act pushing me",
     "Meet friends"),
    ("action", "Anger", "Shout at whoever is in front of me", "My jaw goes tight",
     "Leave the room and walk round the block"),
    ("not_planning", "Looking forward to the thrill", "Spend all my money",
     "I notice thoughts that I'm owed it", "Stop and think"),
]
NOTES = [None, "Rang my sister instead.", "Hard evening. Went for a walk.",
         "Didn't try the plan this time.", "Felt better after talking to someone."]


def demo_entries(seed: int, now: datetime) -> list[tuple[UUID, EntryIn]]:
    pick = random.Random(seed)  # noqa: S311 - made-up demo data, not security
    made = []
    for i in range(18):
        category, emotion, urge, indicator, response = pick.choice(MOMENTS)
        when = now - timedelta(days=14) + timedelta(hours=i * 18 + pick.randint(0, 5))
        outcome = pick.choice(["acted", "resisted", "resisted", "partly"])
        entry = EntryIn(
            occurred_at=when.astimezone(UK_WINTER).replace(microsecond=0),
            category=category,  # type: ignore[arg-type]
            emotion=emotion, emotion_intensity=pick.randint(3, 9),
            urge=urge, urge_strength=pick.randint(2, 9),
            indicators=[indicator],
            helpful_response=response if outcome != "acted" else None,
            outcome=outcome,  # type: ignore[arg-type]
            risk=Risk(self_harm=pick.randint(0, 4), substance_use=urge == "Get drunk"),
            note=pick.choice(NOTES),
        )
        made.append((uuid5(_NS, f"{seed}-{i}"), entry))
    return made


async def load_demo(
    conn: asyncpg.Connection, site_id: UUID, patient_ids: Sequence[UUID],
    clinician_ids: Sequence[UUID],
) -> None:
    now = datetime.now(UTC)
    # The demo story has these patients joining three weeks ago; without this, entries
    # from before the account existed would all carry the odd-clock flag.
    await conn.execute(
        "UPDATE users SET created_at = least(created_at, now() - interval '21 days')"
        " WHERE id = ANY($1::uuid[])",
        list(patient_ids[:2]),
    )
    for patient_id in patient_ids[:2]:
        entries = demo_entries(patient_id.int % 1000, now)
        changes = [sync.upsert(uuid5(patient_id, str(entry_id)), entry, None)
                   for entry_id, entry in entries]
        # Through the one write, as the patient, with a session of their own as every
        # diary write has. Loading again replays the same ids, which changes nothing. The
        # hourly quota is for phones, not for the demo.
        new = await create_session(conn, patient_id, "patient", "demo")
        claim = SessionClaim(token_hash(new.token), new.csrf_token, False, "demo", "")
        await sync.apply(conn, claim, changes, 2**31 - 1)
        await end_presented(conn, new.token)
