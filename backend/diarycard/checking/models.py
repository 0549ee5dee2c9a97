"""A "checking it out" record, built on the five interpersonal strategies of the SCM
slides: instead of acting on a quick assumption about what someone else thinks or feels,
notice how sure you are, think of other explanations, and check.

The strategies (the PWA shows them as prompts):
- `ask`: ask a question ("What are you thinking?")
- `tentative`: say what you suppose, and ask if that is right
- `feeling`: say how what they said made you feel, and ask if that was meant
- `my_view`: explain how you see it, and invite them to correct you
- `context`: think about what else was going on at the time
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

from diarycard.tools.text import Line, Percent, Text, Version

Status = Literal["open", "done"]
Strategy = Literal["ask", "tentative", "feeling", "my_view", "context"]


class Fields(msgspec.Struct, forbid_unknown_fields=True):
    situation: Text = ""
    assumed: Text = ""
    how_sure: Percent | None = None
    other_explanations: Annotated[list[Line], Meta(max_length=10)] = []
    strategies: Annotated[list[Strategy], Meta(max_length=5)] = []
    asked_or_said: Text = ""
    learned: Text = ""


class CheckingIn(Fields, forbid_unknown_fields=True):
    """A change to a record; `base_version` 0 makes a new one."""

    base_version: Version = 0
    status: Status = "open"


class Checking(Fields, kw_only=True):
    id: UUID
    status: Status
    version: int
    created_at: datetime
    updated_at: datetime
