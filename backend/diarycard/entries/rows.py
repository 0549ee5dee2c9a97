"""Between the wire Structs and the `entries` table: records to write, Entries to send."""

from __future__ import annotations

import base64
import binascii
from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, timezone
from functools import lru_cache
from typing import Any
from uuid import UUID

import msgspec

from diarycard.entries.models import Entry, EntryIn, Risk
from diarycard.errors import Invalid


@lru_cache(maxsize=256)
def _zone(offset_seconds: int) -> timezone:
    return UTC if offset_seconds == 0 else timezone(timedelta(seconds=offset_seconds))


class Record(msgspec.Struct, omit_defaults=True):
    """One element of the JSON array write_entries unpacks into `entries` rows: the
    fields are the table's column names (jsonb_populate_recordset matches by name)."""

    id: UUID
    occurred_at: datetime
    occurred_offset: int
    category: str
    body_hash: str  # bytea's input form, \\x and hex
    indicators: list[str]
    emotion: str | None = None
    emotion_intensity: int | None = None
    urge: str | None = None
    urge_strength: int | None = None
    helpful_response: str | None = None
    outcome: str | None = None
    risk_self_harm: int | None = None
    risk_aggression: int | None = None
    risk_substance_use: bool | None = None
    note: str | None = None


def to_record(entry_id: UUID, entry: EntryIn, digest: bytes) -> Record:
    offset = entry.occurred_at.utcoffset() or timedelta(0)
    risk = entry.risk or Risk()
    return Record(
        id=entry_id, occurred_at=entry.occurred_at,
        occurred_offset=int(offset.total_seconds()), category=entry.category,
        body_hash="\\x" + digest.hex(), indicators=entry.indicators, emotion=entry.emotion,
        emotion_intensity=entry.emotion_intensity, urge=entry.urge,
        urge_strength=entry.urge_strength, helpful_response=entry.helpful_response,
        outcome=entry.outcome, risk_self_harm=risk.self_harm,
        risk_aggression=risk.aggression, risk_substance_use=risk.substance_use,
        note=entry.note,
    )


def records_json(records: list[Record]) -> str:
    return msgspec.json.encode(records).decode()


def _risk(row: Mapping[str, Any]) -> Risk | None:
    risk = Risk(row["risk_self_harm"], row["risk_aggression"], row["risk_substance_use"])
    return None if risk == Risk() else risk


def _moment(value: datetime | str) -> datetime:
    if isinstance(value, str):  # a revision snapshot, via to_jsonb
        return datetime.fromisoformat(value)
    return value


def to_entry(row: Mapping[str, Any]) -> Entry:
    """An Entry from a table row, or from a revision's jsonb snapshot of one."""
    occurred = _moment(row["occurred_at"]).astimezone(_zone(row["occurred_offset"]))
    return Entry(
        id=UUID(str(row["id"])),
        occurred_at=occurred,
        category=row["category"],
        emotion=row["emotion"],
        emotion_intensity=row["emotion_intensity"],
        urge=row["urge"],
        urge_strength=row["urge_strength"],
        indicators=list(row["indicators"]),
        helpful_response=row["helpful_response"],
        outcome=row["outcome"],
        risk=_risk(row),
        note=row["note"],
        version=row["version"],
        recorded_at=_moment(row["recorded_at"]),
        updated_at=_moment(row["updated_at"]),
        time_flagged=row["time_flagged"],
        withdrawn=row.get("withdrawn_at") is not None,
    )


def make_cursor(entry: Entry) -> str:
    """Opaque to clients: where the next page starts (after this entry)."""
    raw = msgspec.json.encode([entry.occurred_at.astimezone(UTC), entry.id])
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def read_cursor(cursor: str) -> tuple[datetime, UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        when, entry_id = msgspec.json.decode(raw, type=tuple[datetime, UUID])
    except (binascii.Error, ValueError, msgspec.DecodeError):
        raise Invalid.field("cursor", "must be a next_cursor from an earlier page") from None
    return when, entry_id
