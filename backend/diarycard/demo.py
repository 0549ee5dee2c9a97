"""`diarycard demo`: a demo site a newcomer can sign in to. Safe to run again."""

from __future__ import annotations

import asyncpg

DEMO_SITE = "Demo site"


async def load_demo(url: str, as_json: bool = False) -> int:
    conn = await asyncpg.connect(url)
    try:
        await conn.execute(
            "INSERT INTO sites (name) VALUES ($1) ON CONFLICT (name) DO NOTHING", DEMO_SITE
        )
    finally:
        await conn.close()
    print("[]" if as_json else f"Loaded {DEMO_SITE}.")
    return 0
