"""Access as a type: the diary's, the tables' and the tools' store functions demand a
`PatientScope`, which only the gate in `auth.access` makes (after the care-team check
and the audit row for staff). A call with a bare patient id then fails `mypy --strict`."""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Callable
from typing import Any, get_type_hints

import pytest

from diarycard.auth.access import PatientScope, own_scope
from diarycard.auth.principal import Principal, Role
from diarycard.chains import store as chains_store
from diarycard.entries import store as entries_store
from diarycard.entries import sync
from diarycard.errors import Forbidden
from diarycard.tables import agreeing
from diarycard.tables import store as tables_store
from diarycard.tools import records

# Functions that read or write one patient's data.
SCOPED: list[Callable[..., Any]] = [
    entries_store.put_entry, entries_store.delete_entry, entries_store.withdraw_entry,
    entries_store.get_entry, entries_store.list_entries, entries_store.list_revisions,
    sync.apply, tables_store.get_table, agreeing.draft, agreeing.save_draft, agreeing.history,
    chains_store.save, chains_store.every, chains_store.agree,
    records.save, records.one, records.every, records.agree,
]


def _person(role: Role) -> Principal:
    return Principal(uuid.uuid4(), role, uuid.uuid4(), "someone", "Someone", uuid.uuid4())


@pytest.mark.parametrize("fn", SCOPED, ids=lambda fn: f"{fn.__module__}.{fn.__name__}")
def test_store_functions_take_a_scope_never_a_bare_id(fn: Callable[..., Any]) -> None:
    hints = get_type_hints(fn)
    params = list(inspect.signature(fn).parameters)
    assert hints[params[1]] is PatientScope, f"{fn.__name__}({params[1]}) is not a scope"
    assert "patient_id" not in params


def test_only_the_gate_makes_a_scope() -> None:
    patient = _person("patient")
    with pytest.raises(TypeError):
        PatientScope(patient, patient.user_id, "own", object())
    scope = own_scope(patient)
    assert scope.patient_id == patient.user_id
    with pytest.raises(AttributeError):
        scope.patient_id = uuid.uuid4()  # type: ignore[misc]


def test_a_clinician_has_no_own_scope() -> None:
    # Staff reach a patient's data only through open_patient (care team + audit row).
    with pytest.raises(Forbidden):
        own_scope(_person("clinician"))
