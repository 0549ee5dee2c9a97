"""Keeping closed records only as long as the site says: `diarycard admin retention` sets
a site's period, `diarycard admin purge` reports what is past it and, with `--apply`,
removes it.

The removal runs in `purge_closed_records`, a database function owned by the role that
ran the migrations (SECURITY DEFINER), so the app's own role needs no right to delete
people. The audit trail's rows stay (its trigger refuses deletion), and each removal is
written to the security log before it happens, in the same transaction.
"""

from __future__ import annotations

import argparse

import asyncpg

from diarycard.logs import request_id


async def purge(conn: asyncpg.Connection, apply: bool) -> list[asyncpg.Record]:
    """What is past its site's retention period; removed too when `apply`."""
    async with conn.transaction():
        due: list[asyncpg.Record] = await conn.fetch(
            "SELECT * FROM purge_closed_records(true)")
        if apply and due:
            await conn.executemany(
                """INSERT INTO security_events (site_id, subject_id, action, request_id)
                   VALUES ($1, $2, 'records.purge', $3)""",
                [(row["site_id"], row["user_id"], request_id.get()) for row in due],
            )
            await conn.fetch("SELECT * FROM purge_closed_records(false)")
    return due


async def run_purge(conn: asyncpg.Connection, args: argparse.Namespace) -> int:
    due = await purge(conn, args.apply)
    verb = "Removed" if args.apply else "Would remove (dry run; add --apply to remove)"
    print(f"{verb}: {len(due)} closed patient records past their site's retention period.")
    for row in due:
        print(f"  {row['user_id']}  closed {row['disabled_at']:%Y-%m-%d}  "
              f"{row['entries']} diary entries")
    return 0


async def run_retention(conn: asyncpg.Connection, args: argparse.Namespace) -> int:
    try:
        done = await conn.fetchval(
            """UPDATE sites SET closed_record_retention_days = $2 WHERE name = $1
               RETURNING closed_record_retention_days""",
            args.site, args.days,
        )
    except asyncpg.CheckViolationError:
        print("The retention period must be between 365 and 36500 days.")
        return 2
    if done is None:
        print(f"No site is called {args.site!r}.")
        return 1
    print(f"{args.site}: closed records are kept for {done} days after closing.")
    return 0
