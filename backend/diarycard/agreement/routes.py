"""Routes of a plan the patient and their clinician agree together (the crisis plan, the
discharge plan): the current agreed version, every agreed version, the shared draft,
changing it and agreeing it. The patient reaches their own under `mine`
(e.g. `/crisis-plan`), with the `Own` scope; their care team under `theirs`
(`/patients/{patient_id}/crisis-plan`), through `as_clinician` (care-team check and audit
row, `resource`, `resource_versions` and `resource_draft`). Each plan's store keeps its
own shapes and readiness rules; the routes are the same for every plan.

Handlers are made once per plan. Their annotations name the placeholders below, and each
handler's `signature_namespace` maps those names to the plan's own types, so Litestar
validates and documents the plan's real shapes (for mypy they stay `Any`: the plan's
store module is checked where it is written).
"""

from __future__ import annotations

from typing import Any, Protocol, TypeAlias
from uuid import UUID

import asyncpg
from litestar import get, put
from litestar.handlers import HTTPRouteHandler
from litestar.params import FromPath, JSONBody

from diarycard.agreement.models import AgreeIn
from diarycard.agreement.store import Side
from diarycard.auth.access import Own, PatientScope, as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.entries.checks import DiaryRequest

# Placeholders for each plan's structs, named again per plan in `signature_namespace`.
Current: TypeAlias = Any
Version: TypeAlias = Any
Draft: TypeAlias = Any
DraftIn: TypeAlias = Any
Agreement: TypeAlias = Any
NAMES = ("Current", "Version", "Draft", "DraftIn", "Agreement")


class PlanStore(Protocol):
    """What a plan's store module offers (crisis/store.py, discharge/store.py)."""

    async def current(self, conn: asyncpg.Connection, scope: PatientScope) -> Current: ...

    async def versions(self, conn: asyncpg.Connection, scope: PatientScope) -> list[Version]: ...

    async def draft(self, conn: asyncpg.Connection, scope: PatientScope) -> Draft: ...

    async def save_draft(
        self, conn: asyncpg.Connection, scope: PatientScope, data: DraftIn
    ) -> Draft: ...

    async def agree(
        self, conn: asyncpg.Connection, side: Side, scope: PatientScope, data: AgreeIn
    ) -> Agreement: ...


def plan_routes(
    store: PlanStore, types: dict[str, type[Any]], *, mine: str, theirs: str, resource: str,
    tags: list[str],
) -> list[HTTPRouteHandler]:
    """The ten routes of one plan. `types` gives its structs for each of `NAMES`."""
    if sorted(types) != sorted(NAMES):
        raise ValueError(f"plan_routes needs exactly the types {NAMES}")
    names: dict[str, Any] = {**types, "AgreeIn": AgreeIn}
    read: dict[str, Any] = {"tags": tags, "signature_namespace": names}
    write: dict[str, Any] = {**read, "request_class": DiaryRequest}

    @get(mine, **read)
    async def my_plan(conn: Conn, own: Own) -> Current:
        """Your current agreed plan (404 before one is agreed)."""
        return await store.current(conn, own)

    @get(f"{mine}/versions", **read)
    async def my_versions(conn: Conn, own: Own) -> list[Version]:
        """Every agreed version of your plan, newest first."""
        return await store.versions(conn, own)

    @get(f"{mine}/draft", **read)
    async def my_draft(conn: Conn, own: Own) -> Draft:
        """The draft you and your clinician are writing (version 0 when nothing is saved)."""
        return await store.draft(conn, own)

    @put(f"{mine}/draft", **write)
    async def save_my_draft(conn: Conn, own: Own, data: JSONBody[DraftIn]) -> Draft:
        """Change the draft, based on the version you last saw (412 if it changed since)."""
        return await store.save_draft(conn, own, data)

    @put(f"{mine}/agreement", **write)
    async def agree_mine(conn: Conn, own: Own, data: JSONBody[AgreeIn]) -> Agreement:
        """Agree this version of the draft. Once your clinician has too, it is your plan."""
        return await store.agree(conn, "patient", own, data)

    @get(theirs, **read)
    async def their_plan(conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
                         ) -> Current:
        """A patient's current agreed plan (assigned clinicians; audited)."""
        return await as_clinician(conn, principal, patient_id, "read", resource,
                                  lambda scope: store.current(conn, scope))

    @get(f"{theirs}/versions", **read)
    async def their_versions(conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
                             ) -> list[Version]:
        """Every agreed version of a patient's plan (assigned clinicians; audited)."""
        return await as_clinician(conn, principal, patient_id, "read", f"{resource}_versions",
                                  lambda scope: store.versions(conn, scope))

    @get(f"{theirs}/draft", **read)
    async def their_draft(conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
                          ) -> Draft:
        """A patient's draft plan (assigned clinicians; audited)."""
        return await as_clinician(conn, principal, patient_id, "read", f"{resource}_draft",
                                  lambda scope: store.draft(conn, scope))

    @put(f"{theirs}/draft", **write)
    async def save_their_draft(conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID],
                               data: JSONBody[DraftIn]) -> Draft:
        """Change a patient's draft with them (assigned clinicians; audited; 412 when stale)."""
        return await as_clinician(conn, principal, patient_id, "update", f"{resource}_draft",
                                  lambda scope: store.save_draft(conn, scope, data))

    @put(f"{theirs}/agreement", **write)
    async def agree_theirs(conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID],
                           data: JSONBody[AgreeIn]) -> Agreement:
        """Agree a version of the draft as the clinician (assigned clinicians; audited)."""
        return await as_clinician(conn, principal, patient_id, "agree", resource,
                                  lambda scope: store.agree(conn, "clinician", scope, data))

    return [my_plan, my_versions, my_draft, save_my_draft, agree_mine,
            their_plan, their_versions, their_draft, save_their_draft, agree_theirs]
