"""Personal impulsivity tables: the patient's own (`/table...`), an assigned clinician's
view of a patient's (`/patients/{patient_id}/table...`), and the site's template for new
patients. The current table is read as before; a change is a draft both sides agree."""

from __future__ import annotations

from uuid import UUID

from litestar import get, put
from litestar.params import FromPath, JSONBody

from diarycard.agreement.models import AgreeIn
from diarycard.auth.access import Own, as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.entries.checks import DiaryRequest
from diarycard.tables import agreeing, store
from diarycard.tables.models import (
    Table,
    TableAgreement,
    TableDraft,
    TableDraftIn,
    TableIn,
    TableVersion,
)

THEIRS = "/patients/{patient_id:uuid}/table"
TAGS = ["tables"]


@get("/table", tags=TAGS)
async def get_own_table(conn: Conn, own: Own) -> Table:
    """Your impulsivity table as agreed (the site's starting table until you agree one)."""
    return await store.get_table(conn, own)


@get("/table/draft", tags=TAGS)
async def my_table_draft(conn: Conn, own: Own) -> TableDraft:
    """The change to your table you and your clinician are agreeing (version 0: none)."""
    return await agreeing.draft(conn, own)


@put("/table/draft", request_class=DiaryRequest, tags=TAGS)
async def save_my_table_draft(
    conn: Conn, own: Own, data: JSONBody[TableDraftIn]
) -> TableDraft:
    """Propose a change to your table (412 if the draft changed since `base_version`)."""
    return await agreeing.save_draft(conn, own, data)


@put("/table/agreement", request_class=DiaryRequest, tags=TAGS)
async def agree_my_table(
    conn: Conn, own: Own, data: JSONBody[AgreeIn]
) -> TableAgreement:
    """Agree this draft; once your clinician has too, it is your table."""
    return await agreeing.agree(conn, "patient", own, data)


@get("/table/versions", tags=TAGS)
async def my_table_versions(conn: Conn, own: Own) -> list[TableVersion]:
    """Every version of your table, newest first: who proposed and agreed it, what changed."""
    return await agreeing.history(conn, own)


@get(THEIRS, tags=TAGS)
async def get_patient_table(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> Table:
    """An assigned patient's table (clinicians; audited)."""
    return await as_clinician(conn, principal, patient_id, "table.read", "personal_table",
                              lambda scope: store.get_table(conn, scope))


@get(f"{THEIRS}/draft", tags=TAGS)
async def their_table_draft(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> TableDraft:
    """A patient's proposed table change (assigned clinicians; audited)."""
    return await as_clinician(conn, principal, patient_id, "read", "table_draft",
                              lambda scope: agreeing.draft(conn, scope))


@put(f"{THEIRS}/draft", request_class=DiaryRequest, tags=TAGS)
async def save_their_table_draft(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], data: JSONBody[TableDraftIn]
) -> TableDraft:
    """Propose a change to a patient's table with them (assigned clinicians; audited)."""
    return await as_clinician(
        conn, principal, patient_id, "update", "table_draft",
        lambda scope: agreeing.save_draft(conn, scope, data))


@put(f"{THEIRS}/agreement", request_class=DiaryRequest, tags=TAGS)
async def agree_their_table(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], data: JSONBody[AgreeIn]
) -> TableAgreement:
    """Agree a patient's table draft as the clinician (assigned clinicians; audited)."""
    return await as_clinician(
        conn, principal, patient_id, "agree", "personal_table",
        lambda scope: agreeing.agree(conn, "clinician", scope, data))


@get(f"{THEIRS}/versions", tags=TAGS)
async def their_table_versions(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID]
) -> list[TableVersion]:
    """Every version of a patient's table (assigned clinicians; audited)."""
    return await as_clinician(conn, principal, patient_id, "read", "table_versions",
                              lambda scope: agreeing.history(conn, scope))


@get("/site/table-template", tags=TAGS)
async def get_template(conn: Conn, principal: CurrentUser) -> Table:
    """The table new patients at your site start from (clinicians and admins)."""
    principal.require("clinician", "admin")
    return await store.get_template(conn, principal.site_id)


@put("/site/table-template", request_class=DiaryRequest, tags=TAGS)
async def put_template(conn: Conn, principal: CurrentUser, data: JSONBody[TableIn]) -> Table:
    """Replace your site's starting table (admins)."""
    return await store.save_template(conn, principal, data)


routes = [get_own_table, my_table_draft, save_my_table_draft, agree_my_table,
          my_table_versions, get_patient_table, their_table_draft, save_their_table_draft,
          agree_their_table, their_table_versions, get_template, put_template]
