"""A chain analysis of an urge acted on: the seed's chain, link by link, each with "what
could I do differently here", and what it proposes for the crisis plan and the table.
Every field has a default, so a half-written one saves and older payloads keep decoding."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta, field

from diarycard.entries.models import Word
from diarycard.tools.text import Line, Text, Version

LINKS = ("situation", "emotion", "indicators", "urge", "action", "consequences")


class Link(msgspec.Struct, forbid_unknown_fields=True):
    what: Text = ""
    differently: Text = ""


class Links(msgspec.Struct, forbid_unknown_fields=True):
    """The chain in order: the situation, the emotion, the indicators noticed, the urge,
    what was done, and the consequences."""

    situation: Link = field(default_factory=Link)
    emotion: Link = field(default_factory=Link)
    indicators: Link = field(default_factory=Link)
    urge: Link = field(default_factory=Link)
    action: Link = field(default_factory=Link)
    consequences: Link = field(default_factory=Link)


class NewRow(msgspec.Struct, forbid_unknown_fields=True):
    emotion: Word
    urge: Word
    indicators: Annotated[list[Word], Meta(max_length=20)] = []
    helpful_response: Word | None = None


class Proposals(msgspec.Struct, forbid_unknown_fields=True):
    """What the chain suggests changing. Nothing here changes a plan or the table: once the
    chain is agreed in the session, each becomes a draft both sides still agree."""

    warning_sign: Line | None = None
    new_row: NewRow | None = None
    # A helpful response for the entry's own row of the table (matched by its feeling and
    # urge); a new row when the table has none.
    helpful_response: Line | None = None


class Fields(msgspec.Struct, forbid_unknown_fields=True):
    entry_id: UUID
    links: Links = field(default_factory=Links)
    proposals: Proposals = field(default_factory=Proposals)


class ChainIn(Fields, forbid_unknown_fields=True):
    """A change to a chain analysis; `base_version` 0 starts one. A new one with no link
    written starts from the entry's own words."""

    base_version: Version = 0
    status: Literal["open"] = "open"


class Chain(Fields, kw_only=True):
    id: UUID
    status: Literal["open", "agreed"]
    version: int
    created_at: datetime
    updated_at: datetime
    agreed_by: str | None = None
    agreed_at: datetime | None = None


class ChainAgreeIn(msgspec.Struct, forbid_unknown_fields=True):
    version: Annotated[int, Meta(ge=1, le=1_000_000)]


class ChainAgreement(msgspec.Struct):
    """The chain as agreed, and in words each draft its proposals became."""

    chain: Chain
    drafted: list[str]
