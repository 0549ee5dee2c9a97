"""A problem-solving worksheet, following the four steps of the SCM slides.

1. Define the problem: specific, in one sentence.
2. Generate possible solutions: every idea, no judging yet.
3. Select and plan one: pros and cons, the first step, and when.
4. Implement and monitor: afterwards, what happened and what was learned.

Every field has a default, so a half-done draft saves and older payloads keep decoding.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

from diarycard.tools.text import Line, Short, Text, Version

Status = Literal["open", "done"]


class Solution(msgspec.Struct, forbid_unknown_fields=True):
    idea: Line
    pros: Text = ""
    cons: Text = ""


class Fields(msgspec.Struct, forbid_unknown_fields=True):
    problem: Annotated[str, Meta(max_length=300)] = ""
    solutions: Annotated[list[Solution], Meta(max_length=12)] = []
    chosen: Annotated[int, Meta(ge=0, le=11)] | None = None
    first_step: Text = ""
    when: Short = ""
    what_happened: Text = ""
    learned: Text = ""

    def __post_init__(self) -> None:
        if self.chosen is not None and self.chosen >= len(self.solutions):
            raise ValueError("`chosen` must be the number of one of the solutions (from 0)")


class WorksheetIn(Fields, forbid_unknown_fields=True):
    """A change to a worksheet; `base_version` 0 makes a new one."""

    base_version: Version = 0
    status: Status = "open"


class Worksheet(Fields, kw_only=True):
    id: UUID
    status: Status
    version: int
    created_at: datetime
    updated_at: datetime
