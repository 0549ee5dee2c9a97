"""`diarycard demo` gives every demo patient an agreed crisis plan, worksheets and goals."""

from __future__ import annotations

import asyncpg
import pytest

from diarycard.demo import load_demo


async def test_demo_patients_have_their_tools_and_a_second_run_changes_nothing(
    db_url: str, conn: asyncpg.Connection, capsys: pytest.CaptureFixture[str]
) -> None:
    for _ in range(2):
        assert await load_demo(db_url) == 0
    patients = await conn.fetchval("SELECT count(*) FROM users WHERE role = 'patient'")
    plans = await conn.fetch("SELECT patient_id, version FROM crisis_plan_versions")
    assert len(plans) == patients and {p["version"] for p in plans} == {1}
    kinds = dict(await conn.fetch(
        "SELECT kind, count(*) FROM tool_records WHERE version = 1 GROUP BY kind"))
    assert kinds == {"problem_solving": 2 * patients, "checking_it_out": patients,
                     "goal": 2 * patients}
    open_sheets = await conn.fetchval(
        "SELECT count(*) FROM tool_records WHERE kind = 'problem_solving' AND status = 'open'")
    assert open_sheets == patients
    assert await conn.fetchval("SELECT count(*) FROM tool_records WHERE agreed_by IS NULL "
                               "AND kind = 'goal'") == 0
