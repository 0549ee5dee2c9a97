"""Types for the two dependencies every API handler may ask for, by name.

    async def handler(conn: Conn, principal: CurrentUser) -> ...
"""

from __future__ import annotations

from typing import Annotated, TypeAlias

import asyncpg
from litestar.di import Dependency

from diarycard.auth.principal import Principal

Conn: TypeAlias = Annotated[asyncpg.Connection, Dependency(kind="named")]
CurrentUser: TypeAlias = Annotated[Principal, Dependency(kind="named")]
