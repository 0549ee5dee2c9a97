"""Personal impulsivity tables: the patient's own, an assigned clinician's view of a
patient's, and the site's template for new patients."""

from __future__ import annotations

from uuid import UUID

from litestar import get, put
from litestar.params import FromPath, JSONBody

from diarycard.auth.access import Own
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.entries.checks import DiaryRequest
from diarycard.tables import store
from diarycard.tables.models import Table, TableIn


@get("/table", tags=["tables"])
async def get_own_table(conn: Conn, own: Own) -> Table:
    """Your impulsivity table (the site's starting table until you save your own)."""
    return await store.get_table(conn, own)


@put("/table", request_class=DiaryRequest, tags=["tables"])
async def put_own_table(conn: Conn, own: Own, data: JSONBody[TableIn]) -> Table:
    """Save your table as a new version (412 if it changed since `base_version`)."""
    return await store.save_table(conn, own, data)


@get("/patients/{patient_id:uuid}/table", tags=["tables"])
async def get_patient_table(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> Table:
    """An assigned patient's table (clinicians; audited)."""
    return await store.read_patient_table(conn, principal, patient_id)


@put("/patients/{patient_id:uuid}/table", request_class=DiaryRequest, tags=["tables"])
async def put_patient_table(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], data: JSONBody[TableIn]
) -> Table:
    """Save an assigned patient's table, agreed with them (clinicians; audited)."""
    return await store.save_patient_table(conn, principal, patient_id, data)


@get("/site/table-template", tags=["tables"])
async def get_template(conn: Conn, principal: CurrentUser) -> Table:
    """The table new patients at your site start from (clinicians and admins)."""
    principal.require("clinician", "admin")
    return await store.get_template(conn, principal.site_id)


@put("/site/table-template", request_class=DiaryRequest, tags=["tables"])
async def put_template(conn: Conn, principal: CurrentUser, data: JSONBody[TableIn]) -> Table:
    """Replace your site's starting table (admins)."""
    return await store.save_template(conn, principal, data)


routes = [get_own_table, put_own_table, get_patient_table, put_patient_table, get_template,
          put_template]
