"""The built-in starting table, taken from the impulsivity table in the SCM teaching
material (one row for each of its examples), in our own words. A site's admin can
replace it; each patient then makes it their own with their clinician."""

from __future__ import annotations

from uuid import UUID, uuid5

from diarycard.tables.models import TableRow

# Fixed ids, so a table saved from the template keeps pointing at the same rows.
_NS = UUID("5b0e6a8e-4f1c-4d6b-9a53-0c2f7d1e8b40")


def _row(name: str, **fields: object) -> TableRow:
    return TableRow(id=uuid5(_NS, name), **fields)  # type: ignore[arg-type]


DEFAULT_ROWS: list[TableRow] = [
    _row(
        "boredom",
        category="not_attending",
        emotion="Boredom",
        urge="Do something exciting",
        indicators=["I notice I can't concentrate", "My mind keeps drifting off"],
        helpful_response="Do something skilful with other people",
    ),
    _row(
        "anticipated-satisfaction",
        category="not_planning",
        emotion="Looking forward to the thrill",
        urge="Take something that isn't mine when the chance comes",
        indicators=["I notice thoughts that I'm owed it or entitled to it"],
        helpful_response="Stop and think",
    ),
    _row(
        "loneliness-partner",
        category="action",
        emotion="Loneliness",
        urge="Find someone to be with straight away",
        indicators=["I notice the urge to act pushing me"],
        helpful_response="Meet friends",
    ),
    _row(
        "loneliness-drink",
        category="action",
        emotion="Loneliness",
        urge="Get drunk",
        indicators=["I notice the urge to act pushing me"],
        helpful_response="Meet friends",
    ),
]
