"""Entries as CSV that is safe to open in a spreadsheet.

A cell that starts with = + - @ (or a tab or carriage return, or their full-width forms)
is read by Excel, LibreOffice and Google Sheets as a formula, so a patient's words could
run as one on a clinician's computer (CSV injection). Such cells get a leading apostrophe,
which every spreadsheet shows as text; every cell is quoted as well.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable

from diarycard.entries.models import Entry

# The full-width forms are written as escapes: U+FF1D =, U+FF0B +, U+FF0D -, U+FF20 @.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")
COLUMNS = [
    "id", "occurred_at", "category", "emotion", "emotion_intensity", "urge", "urge_strength",
    "indicators", "helpful_response", "outcome", "risk_self_harm", "risk_aggression",
    "risk_substance_use", "note", "version", "recorded_at", "updated_at", "time_flagged",
]


def safe_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def entry_cells(e: Entry) -> list[object]:
    risk = e.risk
    return [
        e.id, e.occurred_at.isoformat(), e.category, e.emotion, e.emotion_intensity, e.urge,
        e.urge_strength, "; ".join(e.indicators), e.helpful_response, e.outcome,
        risk.self_harm if risk else None, risk.aggression if risk else None,
        risk.substance_use if risk else None, e.note, e.version, e.recorded_at.isoformat(),
        e.updated_at.isoformat(), e.time_flagged,
    ]


def entries_csv(entries: Iterable[Entry]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for entry in entries:
        writer.writerow([safe_cell(v) for v in entry_cells(entry)])
    # A byte-order mark, so Excel reads the UTF-8 (accents, emoji) as UTF-8.
    return ("\ufeff" + out.getvalue()).encode("utf-8")
