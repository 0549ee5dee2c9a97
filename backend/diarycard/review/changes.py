"""What changed since this clinician last opened this patient's review, in words: the line
the digest starts with. Counts only, from one statement over the patient's own rows."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import asyncpg

from diarycard.auth.access import PatientScope
from diarycard.caseload.words import LONDON, plural
from diarycard.db.queries import load_queries

SQL = load_queries(Path(__file__).with_name("changes.sql"))


async def since_last_look(
    conn: asyncpg.Connection, scope: PatientScope, last_viewed: datetime | None
) -> str | None:
    """"Since you last looked (Tue 25 Nov, 14:00): 2 new entries; 1 entry edited; ...",
    "Nothing new since you last looked (...)", or None the first time."""
    if last_viewed is None:
        return None
    row = await conn.fetchrow(SQL["changes_since"], scope.patient_id, last_viewed)
    parts = []
    if row["new_entries"]:
        parts.append(f"{plural(row['new_entries'], 'new entry', 'new entries')}")
    if row["edited_entries"]:
        parts.append(f"{plural(row['edited_entries'], 'entry', 'entries')} edited")
    for key, one, many in (("worksheets", "problem-solving worksheet", None),
                           ("checks", "checking-it-out record", None),
                           ("goals", "goal", None),
                           ("chains", "chain analysis", "chain analyses"),
                           ("follow_up", "follow-up attempt", None)):
        if row[key]:
            parts.append(f"{plural(row[key], one, many)} new or changed")
    for key, words in (("table_changed", "the personal table changed"),
                       ("table_draft", "a change to the personal table was proposed"),
                       ("crisis_draft", "the crisis plan draft changed"),
                       ("discharge_draft", "the discharge plan draft changed")):
        if row[key]:
            parts.append(words)
    when = last_viewed.astimezone(LONDON).strftime("%a %-d %b, %H:%M")
    if not parts:
        return f"Nothing new since you last looked ({when})."
    return f"Since you last looked ({when}): " + "; ".join(parts) + "."
