"""The wire contract of personal impulsivity tables and the site's template."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

from diarycard.entries.models import Category, Word

MAX_ROWS = 100


class TableRow(msgspec.Struct, forbid_unknown_fields=True):
    """One row of the table: the emotion, the urge it brings, what to notice early and
    what helps. A row is never removed once saved: it is retired, and past entries keep
    the words they were made with."""

    id: UUID
    category: Category
    emotion: Word
    urge: Word
    indicators: Annotated[list[Word], Meta(max_length=20)] = []
    helpful_response: Word | None = None
    retired: bool = False


Rows = Annotated[list[TableRow], Meta(max_length=MAX_ROWS)]


class TableIn(msgspec.Struct, forbid_unknown_fields=True):
    """A whole new table, based on the version the editor last saw (0: the template)."""

    base_version: Annotated[int, Meta(ge=0, le=2_147_483_647)]
    rows: Rows


class Table(msgspec.Struct):
    """A table as stored. Version 0 is the site's template, not yet saved for this
    patient (then `updated_at` and `updated_by` are null). `updated_by` is the display
    name of whoever saved this version."""

    version: int
    updated_at: datetime | None
    rows: list[TableRow]
    updated_by: str | None = None


class TableDraftIn(msgspec.Struct, forbid_unknown_fields=True):
    """A proposed whole table, based on the draft version the editor last saw (0: no
    draft yet). Nothing changes the current table until both sides agree it."""

    base_version: Annotated[int, Meta(ge=0, le=1_000_000)]
    rows: Rows


class TableDraft(msgspec.Struct):
    """The shared proposal (version 0: none yet, `rows` then the current table). `waiting`
    is true while a proposal is not yet agreed by both; `changes` says in words what it
    would change in the current table."""

    version: int
    rows: list[TableRow]
    updated_at: datetime | None
    updated_by_name: str | None
    patient_agreed: bool
    clinician_agreed: bool
    waiting: bool
    changes: list[str]


class TableVersion(msgspec.Struct):
    """One version of the table as it was current, newest first, with what changed from
    the one before. Versions from before tables were agreed have no agreement fields."""

    version: int
    saved_at: datetime
    rows: list[TableRow]
    changes: list[str]
    proposed_by: str
    agreed: bool
    patient_agreed_at: datetime | None = None
    clinician_name: str | None = None
    clinician_agreed_at: datetime | None = None


class TableAgreement(msgspec.Struct):
    """The draft after agreeing, and the new current table once both sides have."""

    draft: TableDraft
    table: Table | None
