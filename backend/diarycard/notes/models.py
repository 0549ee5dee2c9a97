"""Wire shapes of clinician notes."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated
from uuid import UUID

import msgspec
from msgspec import Meta

# \A…\Z rather than ^…$: `$` would let one trailing newline through unchecked.
NoteText = Annotated[str, Meta(min_length=1, max_length=4000, pattern=r"\A[^\x00]*\Z")]


class NoteIn(msgspec.Struct, forbid_unknown_fields=True):
    """A note on one entry, or on one session (appointment). Exactly one of the two."""

    body: NoteText
    entry_id: UUID | None = None
    appointment_id: UUID | None = None


class Note(msgspec.Struct):
    id: UUID
    patient_id: UUID
    author_id: UUID
    author_name: str
    entry_id: UUID | None
    appointment_id: UUID | None
    body: str
    created_at: datetime
