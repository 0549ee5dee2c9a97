"""pgqueuer's tables come from our migration 0011, so the app's database role needs no
DDL: pgqueuer itself must find everything it needs there, and the migration must be what
the pinned release installs (a pgqueuer upgrade that changes its schema fails here first,
and needs a new migration)."""

from __future__ import annotations

import asyncpg
import pgqueuer
from pgqueuer import AsyncpgDriver, Queries, QueueManager
from pgqueuer.adapters.persistence.qb import QueryBuilderEnvironment

from diarycard.db.migrate import SQL_DIR


async def test_pgqueuer_finds_its_whole_schema(conn: asyncpg.Connection) -> None:
    await QueueManager(Queries(AsyncpgDriver(conn))).verify_structure()


def test_the_migration_is_what_the_pinned_pgqueuer_installs() -> None:
    assert pgqueuer.__version__ == "1.6.0"
    ours = (SQL_DIR / "0011_job_queue.sql").read_text(encoding="utf-8")
    theirs = QueryBuilderEnvironment().build_install_query(create_schema=False)
    body = "\n".join(line for line in theirs.splitlines() if not line.startswith("-- pgqueuer"))
    statements = [s.strip() for s in body.split(";\n") if "CREATE" in s]
    assert statements and all(s in ours for s in statements)
