"""Generated bodies never make the diary answer 5xx: every one is stored (2xx) or refused
with a problem naming a field (4xx)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING, Any

import asyncpg
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from litestar.testing import AsyncTestClient

if TYPE_CHECKING:  # a fixture's type; each test folder has its own conftest
    from conftest import People

FIELDS = ["id", "occurred_at", "category", "emotion", "emotion_intensity", "urge",
          "urge_strength", "indicators", "helpful_response", "outcome", "risk", "note",
          "base_version", "patient_id"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-2**70, max_value=2**70),
    st.floats(allow_nan=False, allow_infinity=False), st.text(max_size=30),
    st.sampled_from(["action", "acted", "2026-11-25T10:00:00+00:00", "1999-01-01T00:00:00Z",
                     "9999-12-31T23:59:59Z", "\x00", "\u202e", str(uuid.uuid4())]),
)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.sampled_from([*FIELDS, "self_harm"]),
                                                  inner, max_size=4)), max_leaves=8)
bodies = st.dictionaries(st.sampled_from(FIELDS), values, max_size=8)


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=bodies)
async def test_generated_entries_never_fail_on_our_side(
    client: AsyncTestClient, people: People, conn: asyncpg.Connection, body: dict[str, Any]
) -> None:
    base = {"occurred_at": "2026-11-25T10:00:00+00:00", "category": "action"}
    reply = await client.put(f"/api/v1/entries/{uuid.uuid4()}", json={**base, **body})
    assert reply.status_code < 500, reply.text
    if reply.status_code >= 400:
        assert reply.headers["content-type"].startswith("application/problem+json")
    batch = await client.post("/api/v1/sync", json={"operations": [
        {"op": "upsert", "id": str(uuid.uuid4()), "entry": {**base, **body}}, body]})
    assert batch.status_code < 500, batch.text
