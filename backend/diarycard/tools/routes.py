"""The routes every record tool has, made once for each tool.

For a tool at `/problem-solving` (and likewise `/checking-it-out`, `/goals`):

- `GET /problem-solving` -> the patient's own records, open ones first, then newest.
- `GET /problem-solving/{id}` -> one of them.
- `PUT /problem-solving/{id}` -> create or change it; body `{base_version, status, ...}`
  (0 for a new record; 412 when stale; the same request again answers the same; someone
  else's id is 404).
- `GET /patients/{patient_id}/problem-solving?status=open` -> a patient's records for their
  assigned clinician (audited; 404 for anyone else's patient), in the same shape.
"""

# No `from __future__ import annotations` here: the handlers below are made inside a
# function, and Litestar reads their annotations, which must be the real tool types.

from typing import Any, Literal
from uuid import UUID

from litestar import get, put
from litestar.params import FromPath, FromQuery, JSONBody

from diarycard.auth.access import Own, as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.entries.checks import DiaryRequest
from diarycard.tools import records


def record_routes(
    kind: records.Kind, path: str, tag: str, data_in: Any, data_out: Any,
    agreed_fields: tuple[str, ...] = (),
) -> list[Any]:
    mine = f"/{path}"
    theirs = f"/patients/{{patient_id:uuid}}/{path}"

    @get(mine, tags=[tag], name=f"{kind}_list_mine",
         description=f"Your own {tag} records, open ones first.")
    async def list_mine(conn: Conn, own: Own) -> list[data_out]:
        return await records.every(conn, own, kind, data_out)

    @get(f"{mine}/{{record_id:uuid}}", tags=[tag], name=f"{kind}_read_mine",
         description=f"One of your {tag} records.")
    async def read_mine(
        conn: Conn, own: Own, record_id: FromPath[UUID]
    ) -> data_out:
        return await records.one(conn, own, kind, record_id, data_out)

    @put(f"{mine}/{{record_id:uuid}}", tags=[tag], name=f"{kind}_save_mine",
         request_class=DiaryRequest,
         description=f"Create or change one of your {tag} records (412 when stale).")
    async def save_mine(
        conn: Conn, own: Own, record_id: FromPath[UUID], data: JSONBody[data_in],
    ) -> data_out:
        return await records.save(conn, own, kind, record_id, data, data_out, agreed_fields)

    @get(theirs, tags=[tag], name=f"{kind}_list_theirs",
         description=f"A patient's {tag} records (assigned clinicians; audited).")
    async def list_theirs(
        conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID],
        status: FromQuery[Literal["open", "done", "achieved", "stopped"] | None] = None,
    ) -> list[data_out]:
        return await as_clinician(
            conn, principal, patient_id, "read", kind,
            lambda scope: records.every(conn, scope, kind, data_out, status),
        )

    return [list_mine, read_mine, save_mine, list_theirs]
