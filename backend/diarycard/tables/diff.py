"""What a change to the personal table does, in plain words, so each side can see it before
agreeing and in the history after. Rows are matched by id: a renamed row is a change to
that row, not a new one."""

from __future__ import annotations

from uuid import UUID

from diarycard.tables.models import TableRow

_FIELDS = (("emotion", "the feeling"), ("urge", "the urge"),
           ("helpful_response", "what helps"), ("category", "the kind of urge"))


def name(row: TableRow) -> str:
    return f"“{row.emotion}: {row.urge}”"


def _row_changes(old: TableRow, new: TableRow) -> list[str]:
    found: list[str] = []
    if new.retired != old.retired:
        found.append(f"Retired the row {name(old)}" if new.retired
                     else f"Brought back the row {name(new)}")
    for field, words in _FIELDS:
        before, after = getattr(old, field), getattr(new, field)
        if before != after:
            found.append(f"In {name(old)}: {words} “{before or 'nothing'}” became "
                         f"“{after or 'nothing'}”")
    found += [f"In {name(new)}: added what to notice “{i}”"
              for i in new.indicators if i not in old.indicators]
    found += [f"In {name(new)}: took out what to notice “{i}”"
              for i in old.indicators if i not in new.indicators]
    return found


def describe(before: list[TableRow], after: list[TableRow]) -> list[str]:
    """Every difference from `before` to `after`, in the order of `after`'s rows."""
    old: dict[UUID, TableRow] = {r.id: r for r in before}
    found: list[str] = []
    for row in after:
        if row.id not in old:
            helps = f", what helps “{row.helpful_response}”" if row.helpful_response else ""
            found.append(f"New row {name(row)}{helps}")
        else:
            found += _row_changes(old[row.id], row)
    kept = {r.id for r in after}
    found += [f"Left out the row {name(r)}" for r in before if r.id not in kept]
    return found
