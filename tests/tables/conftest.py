from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

import asyncpg
import pytest
from litestar.testing import AsyncTestClient

from factories import assign, make_site, make_user


@dataclass
class Clinic:
    site: UUID
    patient: UUID
    other_patient: UUID
    clinician: UUID
    admin: UUID
    far_clinician: UUID


@pytest.fixture
async def clinic(conn: asyncpg.Connection, client: AsyncTestClient) -> Clinic:
    """A site with a patient assigned to a clinician, an unassigned patient and an admin,
    and a clinician at another site."""
    site, other_site = await make_site(conn), await make_site(conn)
    found = Clinic(
        site,
        await make_user(conn, site, "patient", "riley"),
        await make_user(conn, site, "patient", "casey"),
        await make_user(conn, site, "clinician", "dr.okafor"),
        await make_user(conn, site, "admin", "admin.hale"),
        await make_user(conn, other_site, "clinician", "dr.far"),
    )
    await assign(conn, found.clinician, found.patient)
    return found
