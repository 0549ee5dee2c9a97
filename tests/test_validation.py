"""`diarycard.validation.locate` names the field a value breaks from the value and the
type, not from msgspec's English message, so a msgspec release cannot move our fields."""

from __future__ import annotations

import uuid

import pytest

from diarycard.entries.batch import Envelope
from diarycard.entries.models import EntryPut, SyncOp
from diarycard.errors import FieldError
from diarycard.settings import SettingsError, load_settings
from diarycard.validation import MISSING, UNKNOWN, locate

GOOD = {"occurred_at": "2026-01-01T10:00:00+01:00", "category": "action"}
ID = str(uuid.uuid4())


@pytest.mark.parametrize(("value", "type_", "field", "rule"), [
    ({**GOOD, "urge_strength": 11}, EntryPut, "urge_strength", "Expected `int` <= 10"),
    ({**GOOD, "indicators": ["a", 5]}, EntryPut, "indicators[1]", "Expected `str`, got `int`"),
    ({**GOOD, "patient_id": ID}, EntryPut, "patient_id", UNKNOWN),
    ({"occurred_at": GOOD["occurred_at"]}, EntryPut, "category", MISSING),
    ({**GOOD, "risk": {"self_harm": 11}}, EntryPut, "risk.self_harm", "Expected `int` <= 10"),
    ({"op": "upsert", "id": ID, "entry": {**GOOD, "note": 3}}, SyncOp, "entry.note", None),
    ({"operations": [{}] * 501}, Envelope, "operations", "Expected `array` of length <= 500"),
])
def test_the_field_is_found_from_the_value(value, type_, field, rule) -> None:
    found = locate(value, type_)
    assert found.field == field
    assert rule is None or found.rule == rule


def test_fields_are_reported_in_the_order_sent() -> None:
    # As msgspec reads: the first bad key as sent, before anything missing.
    found = locate({"category": "nothing", "unknown": 1}, EntryPut)
    assert found == FieldError("category", found.rule) and "nothing" in found.rule


@pytest.mark.parametrize(("env", "name"), [
    ({"DIARYCARD_POOL_MAX": "many"}, "DIARYCARD_POOL_MAX"),
    ({"DIARYCARD_DB_ACQUIRE_TIMEOUT": "-1"}, "DIARYCARD_DB_ACQUIRE_TIMEOUT"),
    ({"DIARYCARD_LOG_LEVEL": "LOUD"}, "DIARYCARD_LOG_LEVEL"),
])
def test_a_bad_setting_names_its_variable(env, name) -> None:
    with pytest.raises(SettingsError) as caught:
        load_settings(env)
    assert str(caught.value).startswith(f"{name}: ")
