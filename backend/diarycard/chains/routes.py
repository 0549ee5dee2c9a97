"""Chain analyses: the patient's own (`/chain-analyses...`) and an assigned clinician's
view of a patient's (`/patients/{patient_id}/chain-analyses...`). Either side starts one
from an entry acted on; the clinician records it agreed in the session."""

from __future__ import annotations

from typing import Literal
from uuid import UUID

from litestar import get, put
from litestar.params import FromPath, FromQuery, JSONBody

from diarycard.auth.access import Own, as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.chains import store
from diarycard.chains.models import Chain, ChainAgreeIn, ChainAgreement, ChainIn
from diarycard.db.pool import Conn
from diarycard.entries.checks import DiaryRequest

MINE = "/chain-analyses"
THEIRS = "/patients/{patient_id:uuid}/chain-analyses"
TAGS = ["chain analysis"]


@get(MINE, tags=TAGS)
async def my_chains(conn: Conn, own: Own) -> list[Chain]:
    """Your chain analyses, open ones first."""
    return await store.every(conn, own)


@put(f"{MINE}/{{record_id:uuid}}", tags=TAGS, request_class=DiaryRequest)
async def save_my_chain(
    conn: Conn, own: Own, record_id: FromPath[UUID], data: JSONBody[ChainIn]
) -> Chain:
    """Start (base_version 0) or change one of your chain analyses (412 when stale)."""
    return await store.save(conn, own, record_id, data)


@get(THEIRS, tags=TAGS)
async def their_chains(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID],
    status: FromQuery[Literal["open", "agreed"] | None] = None,
) -> list[Chain]:
    """A patient's chain analyses (assigned clinicians; audited)."""
    return await as_clinician(conn, principal, patient_id, "read", "chain_analysis",
                              lambda scope: store.every(conn, scope, status))


@put(f"{THEIRS}/{{record_id:uuid}}", tags=TAGS, request_class=DiaryRequest)
async def save_their_chain(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], record_id: FromPath[UUID],
    data: JSONBody[ChainIn],
) -> Chain:
    """Start or change a patient's chain analysis with them (assigned clinicians; audited)."""
    return await as_clinician(
        conn, principal, patient_id, "update", "chain_analysis",
        lambda scope: store.save(conn, scope, record_id, data))


@put(f"{THEIRS}/{{record_id:uuid}}/agreement", tags=TAGS, request_class=DiaryRequest)
async def agree_their_chain(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], record_id: FromPath[UUID],
    data: JSONBody[ChainAgreeIn],
) -> ChainAgreement:
    """Agreed together in the session: what it proposes becomes drafts to agree (assigned
    clinicians; audited)."""
    return await as_clinician(
        conn, principal, patient_id, "agree", "chain_analysis",
        lambda scope: store.agree(conn, scope, record_id, data))


routes = [my_chains, save_my_chain, their_chains, save_their_chain, agree_their_chain]
