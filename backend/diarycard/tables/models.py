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
