"""What an agreed chain analysis proposes, made into drafts: an early warning sign for
the crisis plan's draft, a new row or a helpful response for the table's draft. Each is an
ordinary draft change by the clinician, which both sides must still agree (crisis/store.py
and tables/agreeing.py); nothing here touches an agreed plan or the current table."""

from __future__ import annotations

from typing import Any
from uuid import uuid4

import asyncpg
import msgspec

from diarycard.auth.access import PatientScope
from diarycard.chains.models import Proposals
from diarycard.crisis import store as crisis
from diarycard.crisis.models import DraftIn
from diarycard.entries.models import Category
from diarycard.tables import agreeing
from diarycard.tables.models import TableDraftIn, TableRow

MAX_SIGNS = 30


async def _warning_sign(
    conn: asyncpg.Connection, scope: PatientScope, sign: str
) -> str:
    draft = await crisis.draft(conn, scope)
    if sign in draft.plan.warning_signs:
        return f"The crisis plan draft already has the early warning sign “{sign}”."
    if len(draft.plan.warning_signs) >= MAX_SIGNS:
        return (f"The crisis plan draft is full ({MAX_SIGNS} warning signs): “{sign}” was "
                "not added. Change the draft together to make room.")
    plan = msgspec.structs.replace(draft.plan, warning_signs=[*draft.plan.warning_signs, sign])
    saved = await crisis.save_draft(conn, scope, DraftIn(base_version=draft.version, plan=plan))
    return (f"The crisis plan draft (version {saved.version}) now has the early warning "
            f"sign “{sign}”, for you both to agree.")


def _table_rows(rows: list[TableRow], proposals: Proposals, entry: Any) -> list[TableRow]:
    rows = list(rows)
    category: Category = entry["category"] if entry is not None else "action"
    new = proposals.new_row
    if new and not any(r.emotion == new.emotion and r.urge == new.urge for r in rows):
        rows.append(TableRow(uuid4(), category, new.emotion, new.urge, list(new.indicators),
                             new.helpful_response))
    helps = proposals.helpful_response
    if helps and entry is not None and entry["emotion"] and entry["urge"]:
        at = next((i for i, r in enumerate(rows) if not r.retired
                   and (r.emotion, r.urge) == (entry["emotion"], entry["urge"])), None)
        if at is None:
            rows.append(TableRow(uuid4(), category, entry["emotion"], entry["urge"],
                                 helpful_response=helps))
        else:
            rows[at] = msgspec.structs.replace(rows[at], helpful_response=helps)
    return rows


async def _table(
    conn: asyncpg.Connection, scope: PatientScope,
    proposals: Proposals, entry: Any,
) -> str:
    draft = await agreeing.draft(conn, scope)
    rows = _table_rows(draft.rows, proposals, entry)
    if rows == draft.rows:
        return "The table already has what the chain analysis proposed."
    saved = await agreeing.save_draft(conn, scope,
                                      TableDraftIn(base_version=draft.version, rows=rows))
    return (f"The table has a proposed change (draft version {saved.version}), for you both "
            "to agree: " + "; ".join(saved.changes) + ".")


async def make_drafts(
    conn: asyncpg.Connection, scope: PatientScope,
    proposals: Proposals, entry: Any,
) -> list[str]:
    said: list[str] = []
    if proposals.warning_sign:
        said.append(await _warning_sign(conn, scope, proposals.warning_sign))
    if proposals.new_row or proposals.helpful_response:
        said.append(await _table(conn, scope, proposals, entry))
    return said
