"""A goal: short or long term, agreed with the clinician, with a progress rating the
patient updates (0 = not started, 10 = done). Changing the goal's words or term undoes
the agreement; updating progress does not."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

from diarycard.tools.text import Line, Text, Version

Status = Literal["open", "achieved", "stopped"]
Term = Literal["short", "long"]
AGREED_FIELDS = ("goal", "term")


class Fields(msgspec.Struct, forbid_unknown_fields=True):
    goal: Line
    term: Term = "short"
    steps: Text = ""
    progress: Annotated[int, Meta(ge=0, le=10)] = 0


class GoalIn(Fields, forbid_unknown_fields=True):
    """A change to a goal; `base_version` 0 makes a new one."""

    base_version: Version = 0
    status: Status = "open"


class Goal(Fields, kw_only=True):
    id: UUID
    status: Status
    version: int
    created_at: datetime
    updated_at: datetime
    agreed_by: str | None = None
    agreed_at: datetime | None = None


class GoalAgreeIn(msgspec.Struct, forbid_unknown_fields=True):
    """The clinician agrees this version of the goal."""

    version: Annotated[int, Meta(ge=1, le=2_147_483_647)]
