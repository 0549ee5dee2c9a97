"""Everything besides entries that is new or changed since this clinician last opened the
patient's review, one line each in words, for the timeline (the digest's first line
counts the same things)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import asyncpg

from diarycard.auth.access import PatientScope
from diarycard.db.queries import load_queries
from diarycard.review.models import Change

SQL = load_queries(Path(__file__).with_name("changes.sql"))

ACTS = {"self_harm": "Self-harm", "verbal": "Verbal aggression",
        "property": "Aggression against property", "others": "Aggression against others",
        "ae": "A&E visit", "crisis_team": "Crisis team contact", "police": "Police contact",
        "admission": "Hospital admission", "social_services": "Social services contact",
        "nothing": "A week with none of these"}
TOOLS = {"problem_solving": "Problem-solving worksheet",
         "checking_it_out": "Checking-it-out record", "goal": "Goal",
         "chain_analysis": "Chain analysis"}
DRAFTS = {"crisis": "Crisis plan draft", "discharge": "Discharge plan draft",
          "table": "Proposed change to the personal table"}
MEASURES = {"phq-9": "PHQ-9", "gad-7": "GAD-7"}


def words(row: Any) -> str:
    part, kind, detail = row["part"], row["kind"], row["detail"]
    if part == "act":
        return f"{ACTS.get(kind, kind)} on {detail}"
    if part == "measure":
        return f"{MEASURES.get(kind, kind)} answered (total {detail})"
    if part == "tool":
        return f"{TOOLS.get(kind, kind)} ({detail})"
    if part == "draft":
        return f"{DRAFTS.get(kind, kind)}, version {detail}"
    return f"Personal table version {detail} agreed by both"


async def changed_items(
    conn: asyncpg.Connection, scope: PatientScope, last_viewed: datetime | None
) -> list[Change]:
    if last_viewed is None:
        return []
    rows = await conn.fetch(SQL["changed_items"], scope.patient_id, last_viewed)
    return [Change(r["part"], words(r), r["at"], r["is_new"]) for r in rows]
