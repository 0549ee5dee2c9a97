"""Chain analyses in `tool_records` (kind 'chain_analysis'): started by either side from an
entry acted on (or partly), prefilled from the entry, written offline like the other
worksheets, and agreed by the clinician with the patient in the session. Agreeing turns
its proposals into drafts (chains/proposals.py) in the same transaction; nothing it
proposes changes a plan or the table until both sides agree that draft (hazard H-036).

Every function takes the `PatientScope` that proves access (the patient's own, or a
clinician's through `open_patient`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any
from uuid import UUID

import asyncpg
import msgspec

from diarycard.auth.access import PatientScope
from diarycard.chains.models import LINKS, Chain, ChainAgreeIn, ChainAgreement, ChainIn, Link, Links
from diarycard.chains.proposals import make_drafts
from diarycard.db.queries import load_queries
from diarycard.errors import FieldError, Invalid, PreconditionFailed
from diarycard.tools import records

SQL = load_queries(Path(__file__).with_name("queries.sql"))
KIND: records.Kind = "chain_analysis"
_AGREED = ("entry_id", "links", "proposals")
_DONE = {"acted": "I acted on the urge.", "partly": "I partly acted on the urge."}


def _out_of_ten(words: str | None, n: int | None) -> str:
    if not words:
        return ""
    return f"{words} ({n} out of 10)" if n is not None else words


def prefill(entry: Any) -> Links:
    """The entry's own words in the links they belong to; nothing the entry lacks."""
    return Links(
        situation=Link(entry["note"] or ""),
        emotion=Link(_out_of_ten(entry["emotion"], entry["emotion_intensity"])),
        indicators=Link("; ".join(entry["indicators"])),
        urge=Link(_out_of_ten(entry["urge"], entry["urge_strength"])),
        action=Link(_DONE.get(entry["outcome"], "")),
    )


async def save(
    conn: asyncpg.Connection, scope: PatientScope, record_id: UUID, data: ChainIn
) -> Chain:
    async with conn.transaction():
        entry = await conn.fetchrow(SQL["entry"], data.entry_id, scope.patient_id)
        if entry is None or entry["outcome"] not in _DONE:
            # The same answer for someone else's entry as for one never made.
            raise Invalid(errors=[FieldError(
                "entry_id", "must be one of the patient's entries where the urge was acted "
                            "on, or partly")])
        if data.base_version == 0 and not any(
                getattr(data.links, name).what for name in LINKS):
            data = msgspec.structs.replace(data, links=prefill(entry))
        return await records.save(conn, scope, KIND, record_id, data, Chain, _AGREED)


async def every(conn: asyncpg.Connection, scope: PatientScope, status: str | None = None
                ) -> list[Chain]:
    return await records.every(conn, scope, KIND, Chain, status)


async def agree(
    conn: asyncpg.Connection, scope: PatientScope, record_id: UUID, data: ChainAgreeIn
) -> ChainAgreement:
    """Agreed together in the session: the chain is fixed as read, and its proposals become
    drafts of the crisis plan and the table. Agreeing again answers the same, drafting
    nothing more."""
    async with conn.transaction():
        if await conn.fetchval(SQL["agree"], record_id, scope.patient_id, data.version,
                               scope.who.user_id) is None:
            chain = await records.one(conn, scope, KIND, record_id, Chain)  # or NotFound
            if chain.status == "agreed" and chain.version == data.version:
                return ChainAgreement(chain, [])
            raise PreconditionFailed(
                "This chain analysis was changed since you read it. Please read it again.")
        chain = await records.one(conn, scope, KIND, record_id, Chain)
        entry = await conn.fetchrow(SQL["entry"], chain.entry_id, scope.patient_id)
        drafted = await make_drafts(conn, scope, chain.proposals, entry)
        return ChainAgreement(chain, drafted)
