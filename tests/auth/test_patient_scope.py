"""Access as a type: every store function that reads or writes one patient's data demands
a `PatientScope`, which only the gate in `auth.access` makes (after the care-team check
and the audit row for staff). A call with a bare patient id then fails `mypy --strict`."""

from __future__ import annotations

import inspect
import uuid
from collections.abc import Callable
from typing import Any, get_type_hints

import pytest

from diarycard.agreement import store as agreement_store
from diarycard.appointments import store as appointments_store
from diarycard.auth.access import PatientScope, own_scope
from diarycard.auth.principal import Principal, Role, SessionClaim
from diarycard.chains import store as chains_store
from diarycard.crisis import offers as crisis_offers
from diarycard.crisis import store as crisis_store
from diarycard.discharge import store as discharge_store
from diarycard.entries import store as entries_store
from diarycard.entries import sync
from diarycard.entries.batch import run_batch
from diarycard.errors import Forbidden
from diarycard.exports import fhir
from diarycard.exports import store as exports_store
from diarycard.follow_up import store as follow_up_store
from diarycard.notes import store as notes_store
from diarycard.outcomes import review as outcomes_review
from diarycard.outcomes import store as outcomes_store
from diarycard.pathway import store as pathway_store
from diarycard.reminders import store as reminders_store
from diarycard.reminders import suggestions
from diarycard.review import changed, changes
from diarycard.review import store as review_store
from diarycard.tables import agreeing
from diarycard.tables import store as tables_store
from diarycard.together import store as together_store
from diarycard.tools import records

# Functions that read or write one patient's data.
SCOPED: list[Callable[..., Any]] = [
    entries_store.withdraw_entry,
    entries_store.get_entry, entries_store.list_entries, entries_store.list_revisions,
    tables_store.get_table,
    records.save, records.one, records.every, records.agree,
    agreement_store.draft, agreement_store.versions, agreement_store.save_draft,
    agreement_store.agree, agreeing.draft, agreeing.save_draft, agreeing.agree,
    agreeing.history, chains_store.agree,
    crisis_store.current, crisis_store.versions, crisis_store.draft, crisis_store.save_draft,
    crisis_store.agree, crisis_offers.save_offer, crisis_offers.offers,
    discharge_store.current, discharge_store.versions, discharge_store.draft,
    discharge_store.save_draft, discharge_store.agree,
    pathway_store.get, pathway_store.save,
    follow_up_store.after_status_change, follow_up_store.tasks, follow_up_store.add_attempt,
    follow_up_store.close,
    appointments_store.list_appointments, appointments_store.create_appointment,
    appointments_store.update_appointment,
    notes_store.list_notes, notes_store.add_note,
    together_store.session_tools, together_store.mark_reviewed,
    outcomes_store.save_event, outcomes_store.events, outcomes_store.save_measure,
    outcomes_store.measures, outcomes_store.schedule, outcomes_review.outcomes,
    review_store.review, changed.changed_items, changes.since_last_look,
    exports_store.patient_export, exports_store.my_export, fhir.bundle,
    suggestions.clinician_view, suggestions.suggest,
    reminders_store.get_reminders, reminders_store.put_reminders,
    reminders_store.put_subscription, reminders_store.delete_subscription,
    reminders_store.queue_test, reminders_store.answer_suggestion,
]


def _person(role: Role) -> Principal:
    return Principal(uuid.uuid4(), role, uuid.uuid4(), "someone", "Someone", uuid.uuid4())


@pytest.mark.parametrize("fn", SCOPED, ids=lambda fn: f"{fn.__module__}.{fn.__name__}")
def test_store_functions_take_a_scope_never_a_bare_id(fn: Callable[..., Any]) -> None:
    hints = get_type_hints(fn)
    params = list(inspect.signature(fn).parameters)
    scopes = [p for p in params if hints.get(p) is PatientScope]
    assert len(scopes) == 1, f"{fn.__name__} takes no PatientScope"
    assert "patient_id" not in params and "who" not in params


# The diary's writes prove the session inside the write statement (one round trip), so
# they take the request's unproven claim, from which PostgreSQL finds the patient: they
# have no parameter a patient id could be passed in.
PROVEN_IN_THE_WRITE: list[Callable[..., Any]] = [
    entries_store.put_entry, entries_store.delete_entry, sync.apply, run_batch,
]


@pytest.mark.parametrize("fn", PROVEN_IN_THE_WRITE, ids=lambda fn: fn.__name__)
def test_the_diary_writes_take_a_session_claim_never_an_id(fn: Callable[..., Any]) -> None:
    hints = get_type_hints(fn)
    params = list(inspect.signature(fn).parameters)
    assert [p for p in params if hints.get(p) is SessionClaim] == ["claim"]
    assert not [p for p in params if hints.get(p) is uuid.UUID and p != "entry_id"]


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
