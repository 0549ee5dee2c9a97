"""Wire shapes of the tools gone through together in the session: every problem-solving
worksheet and checking-it-out record since the last session, open or finished, with all
of it, and whether (and with what note) it was reviewed together."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any
from uuid import UUID

import msgspec
from msgspec import Meta

from diarycard.tools.text import Text


class ReviewedIn(msgspec.Struct, forbid_unknown_fields=True):
    # The version the clinician went through (412 when it changed since they read it).
    version: Annotated[int, Meta(ge=1, le=2_147_483_647)]
    note: Text = ""


class Reviewed(msgspec.Struct):
    version: int
    clinician_name: str
    note: str
    reviewed_at: datetime


class SessionRecord(msgspec.Struct):
    id: UUID
    kind: str
    status: str
    version: int
    updated_at: datetime
    # The record's own fields, as the patient wrote them (problem_solving/ or checking/).
    fields: dict[str, Any]
    # The latest time it was reviewed together, if it was.
    reviewed: Reviewed | None
    # Changed since it was last reviewed together.
    changed_since_reviewed: bool


class SessionTools(msgspec.Struct):
    since: datetime | None
    worksheets: list[SessionRecord]
    checks: list[SessionRecord]
