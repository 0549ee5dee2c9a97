from __future__ import annotations

import asyncio

import pytest

from diarycard.db.pool import connection, create_pool
from diarycard.errors import Unavailable


async def test_a_connection_comes_back_clean_after_an_abandoned_transaction(
    settings, db_url
) -> None:
    pool = await create_pool(settings, db_url)
    try:
        async with connection(pool, timeout=1) as conn:
            await conn.execute("BEGIN")
            await conn.execute("INSERT INTO sites (name) VALUES ('half-done')")
        async with connection(pool, timeout=1) as conn:
            assert not conn.is_in_transaction()
            assert await conn.fetchval("SELECT count(*) FROM sites WHERE name = 'half-done'") == 0
    finally:
        await pool.close()


async def test_an_exhausted_pool_answers_unavailable_within_the_timeout(settings, db_url) -> None:
    pool = await create_pool(settings, db_url)
    held = [await pool.acquire() for _ in range(settings.pool_max)]
    try:
        started = asyncio.get_running_loop().time()
        with pytest.raises(Unavailable):
            async with connection(pool, timeout=0.3):
                pass
        assert asyncio.get_running_loop().time() - started < 2
    finally:
        for conn in held:
            await pool.release(conn)
        await pool.close()
