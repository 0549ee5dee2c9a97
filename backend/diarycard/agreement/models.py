"""Wire shapes every agreed document shares (the crisis plan, the discharge plan, the
personal table)."""

from __future__ import annotations

from typing import Annotated

import msgspec
from msgspec import Meta


class AgreeIn(msgspec.Struct, forbid_unknown_fields=True):
    """I agree to this version of the draft."""

    draft_version: Annotated[int, Meta(ge=1, le=2_147_483_647)]
