"""The wire contract of the diary: what a phone sends and what the server answers.

Schema evolution: phones replay entries queued by older app versions, so every field
added later must have a default and no field may change type. The frozen payload in
tests/entries/fixtures/entry_v1.json must keep decoding.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal
from uuid import UUID

import msgspec
from msgspec import Meta

from diarycard.errors import FieldError

Category = Literal["not_attending", "not_planning", "action"]
Outcome = Literal["acted", "resisted", "partly"]
Score = Annotated[int, Meta(ge=0, le=10)]
Word = Annotated[str, Meta(min_length=1, max_length=200)]
Note = Annotated[str, Meta(max_length=2000)]
Version = Annotated[int, Meta(ge=1, le=2_147_483_647)]
# RFC 3339 with an offset: "2026-11-26T21:30:00+01:00". A time without one is refused,
# because "21:30" alone could be an hour out either side of a clock change.
Moment = Annotated[datetime, Meta(tz=True)]
MAX_BATCH = 500


class Risk(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """Optional risk items; each may be left out."""

    self_harm: Score | None = None
    aggression: Score | None = None
    substance_use: bool | None = None


class EntryIn(msgspec.Struct, forbid_unknown_fields=True, omit_defaults=True):
    """An entry as a phone sends it. Only the time and category are required, so a
    patient can log in seconds and add detail later. `id`, when sent, must match the
    id in the address (or the sync operation). Text refuses NUL and unpaired surrogates
    (checked in `entries.checks`, which can name the field)."""

    occurred_at: Moment
    category: Category
    id: UUID | None = None
    emotion: Word | None = None
    emotion_intensity: Score | None = None
    urge: Word | None = None
    urge_strength: Score | None = None
    indicators: Annotated[list[Word], Meta(max_length=20)] = []
    helpful_response: Word | None = None
    outcome: Outcome | None = None
    risk: Risk | None = None
    note: Note | None = None


class EntryPut(EntryIn, forbid_unknown_fields=True, omit_defaults=True):
    """The body of `PUT /entries/{id}`: an entry, plus the version an edit is based on."""

    base_version: Version | None = None


class Entry(msgspec.Struct):
    """An entry as the server holds it. `time_flagged` is true when occurred_at lies
    outside [account created - 1 day, received + 5 minutes]: kept, but worth a look."""

    id: UUID
    occurred_at: datetime
    category: Category
    emotion: str | None
    emotion_intensity: int | None
    urge: str | None
    urge_strength: int | None
    indicators: list[str]
    helpful_response: str | None
    outcome: Outcome | None
    risk: Risk | None
    note: str | None
    version: int
    recorded_at: datetime
    updated_at: datetime
    time_flagged: bool
    # The patient withdrew it from their diary; only their care team still sees it.
    withdrawn: bool = False


class EntryPage(msgspec.Struct):
    items: list[Entry]
    next_cursor: str | None


class EntryQuery(msgspec.Struct, frozen=True):
    """Filters for a list of entries: newest first, `from` <= occurred_at < `to`."""

    limit: Annotated[int, Meta(ge=1, le=200)] = 50
    cursor: str | None = None
    from_: datetime | None = None
    to: datetime | None = None
    category: Category | None = None


class EntryRevision(msgspec.Struct):
    """An earlier version of an entry, as it stood until `replaced_at`."""

    version: int
    replaced_at: datetime
    entry: Entry


class SyncOp(msgspec.Struct, forbid_unknown_fields=True):
    """One queued change: `upsert` carries `entry`; an edit or a delete may carry the
    `base_version` it was made from."""

    op: Literal["upsert", "delete"]
    id: UUID
    base_version: Version | None = None
    entry: EntryIn | None = None


class SyncIn(msgspec.Struct, forbid_unknown_fields=True):
    operations: Annotated[list[SyncOp], Meta(max_length=MAX_BATCH)]


class Problem(msgspec.Struct, omit_defaults=True):
    """The same problem+json the single call would have answered."""

    status: int
    code: str
    detail: str
    errors: list[FieldError] = []


class SyncResult(msgspec.Struct, omit_defaults=True):
    """`status` is the HTTP status the single call would have given."""

    id: UUID | None
    status: int
    entry: Entry | None = None
    problem: Problem | None = None


class SyncOut(msgspec.Struct):
    results: list[SyncResult]
