"""Wire shape of a patient's download of everything we hold about them."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal
from uuid import UUID

import msgspec

from diarycard.entries.models import Entry

ClinicianFormat = Literal["csv", "fhir"]
PatientFormat = Literal["json", "csv"]


class HeldEntry(Entry, kw_only=True):
    """An entry, including ones the patient deleted (we keep them, with their history)."""

    deleted_at: datetime | None = None


class HeldRevision(msgspec.Struct):
    entry_id: UUID
    version: int
    replaced_at: datetime
    entry: Entry


class Account(msgspec.Struct):
    login: str
    display_name: str
    role: str
    site: str
    created_at: datetime


class MyExport(msgspec.Struct):
    exported_at: datetime
    account: Account
    entries: list[HeldEntry]
    revisions: list[HeldRevision]
    # Other features' records, as stored: versions of the personal table and crisis plan,
    # worksheets and goals, appointments, and who looked at the diary and when.
    personal_table: list[dict[str, Any]]
    crisis_plans: list[dict[str, Any]]
    tools: list[dict[str, Any]]
    appointments: list[dict[str, Any]]
    access_log: list[dict[str, Any]]
