"""PHQ-9, GAD-7 and the diary's monthly summary as FHIR R4 Questionnaires (the JSON files
beside this module) and their scoring, done on the server. PHQ-9 and GAD-7: each item
scores 0-3, the total is their sum, and the total's band comes from the Questionnaire's
own score-band extension. The monthly summary: each item is a count within its own
minValue/maxValue, scored as two counts, acts and service contacts (nights in hospital
are kept but are not contacts).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from diarycard.errors import FieldError, Invalid
from diarycard.outcomes.models import (
    AnswerValue,
    Coding,
    MeasureId,
    MeasureIn,
    QuestionnaireId,
    ResponseItem,
    Score,
)

HERE = Path(__file__).with_name("questionnaires")
IDS: tuple[QuestionnaireId, ...] = ("phq-9", "gad-7")
SUMMARY: MeasureId = "monthly-summary"
ALL: tuple[MeasureId, ...] = (*IDS, SUMMARY)
SUMMARY_ACTS = ("self-harm", "verbal", "property", "others")
SUMMARY_CONTACTS = ("ae", "crisis-team", "police", "admission", "social-services")
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
LOINC = "http://loinc.org"
PHQ9_ITEM_9 = "44260-8"
TOTAL_ITEM = {"phq-9": "44261-6", "gad-7": "70274-6"}


class Instrument(NamedTuple):
    resource: dict[str, Any]
    title: str
    # linkId -> [(code, display)] indexed by score.
    items: dict[str, list[tuple[str, str]]]
    bands: list[tuple[int, int, str]]
    # linkId -> the largest count allowed, for the items answered with a number.
    counts: dict[str, int]


def _load(qid: str) -> Instrument:
    resource = json.loads((HERE / f"{qid}.json").read_text(encoding="utf-8"))
    items = {
        item["linkId"]: [(o["valueCoding"]["code"], o["valueCoding"]["display"])
                         for o in item["answerOption"]]
        for item in resource["item"] if item["type"] == "choice"
    }
    counts = {
        item["linkId"]: next(e["valueInteger"] for e in item["extension"]
                             if e["url"] == MAX_VALUE)
        for item in resource["item"] if item["type"] == "integer" and not item.get("readOnly")
    }
    bands = []
    for ext in resource.get("extension", []):
        parts = {e["url"]: next(v for k, v in e.items() if k.startswith("value"))
                 for e in ext["extension"]}
        bands.append((parts["low"], parts["high"], parts["label"]))
    return Instrument(resource, resource["title"], items, bands, counts)


INSTRUMENTS: dict[str, Instrument] = {qid: _load(qid) for qid in ALL}


def canonical(base_url: str, qid: str) -> str:
    return f"{base_url.rstrip('/')}/api/v1/fhir/Questionnaire/{qid}"


def resource(base_url: str, qid: MeasureId) -> dict[str, Any]:
    """The Questionnaire as served: the file, with its canonical url on this server."""
    return {**INSTRUMENTS[qid].resource, "url": canonical(base_url, qid)}


def band(qid: str, total: int) -> str:
    return next(label for low, high, label in INSTRUMENTS[qid].bands if low <= total <= high)


def summary_words(acts: int, contacts: int) -> str:
    return (f"{acts} {'act' if acts == 1 else 'acts'}, {contacts} service "
            f"{'contact' if contacts == 1 else 'contacts'}")


def stored_band(qid: str, total: int, items: list[ResponseItem]) -> str:
    """The band of a stored response: the monthly summary's is its two counts in words."""
    if qid != SUMMARY:
        return band(qid, total)
    found = {i.linkId: i.answer[0].valueInteger or 0 for i in items}
    return summary_words(found.get("acts-total", 0), found.get("contacts-total", 0))


def _summary(data: MeasureIn) -> tuple[list[ResponseItem], Score]:
    counts = INSTRUMENTS[SUMMARY].counts
    errors = [FieldError(f"answers.{link}", f"is not an item of {SUMMARY}")
              for link in data.answers if link not in counts]
    errors += [FieldError(f"answers.{link}", "required")
               for link in counts if link not in data.answers]
    errors += [FieldError(f"answers.{link}", f"must be a count from 0 to {counts[link]}")
               for link, value in data.answers.items()
               if link in counts and not 0 <= value <= counts[link]]
    if errors:
        raise Invalid(errors=errors)
    items = [ResponseItem(link, [AnswerValue(valueInteger=data.answers[link])])
             for link in counts]
    acts = sum(data.answers[link] for link in SUMMARY_ACTS)
    contacts = sum(data.answers[link] for link in SUMMARY_CONTACTS)
    items += [ResponseItem("acts-total", [AnswerValue(valueInteger=acts)]),
              ResponseItem("contacts-total", [AnswerValue(valueInteger=contacts)])]
    return items, Score(acts + contacts, summary_words(acts, contacts), None)


def score(data: MeasureIn) -> tuple[list[ResponseItem], Score]:
    """The QuestionnaireResponse items and the scores; Invalid names every bad answer."""
    if data.questionnaire == SUMMARY:
        return _summary(data)
    instrument = INSTRUMENTS[data.questionnaire]
    errors = [FieldError(f"answers.{link}", f"is not an item of {data.questionnaire}")
              for link in data.answers if link not in instrument.items]
    errors += [FieldError(f"answers.{link}", "required")
               for link in instrument.items if link not in data.answers]
    errors += [FieldError(f"answers.{link}", f"must be one of the answer options (0 to "
                                             f"{len(instrument.items[link]) - 1})")
               for link, value in data.answers.items() if link in instrument.items
               and not 0 <= value < len(instrument.items[link])]
    if errors:
        raise Invalid(errors=errors)
    items = []
    for link, options in instrument.items.items():
        code, display = options[data.answers[link]]
        items.append(ResponseItem(link, [AnswerValue(valueCoding=Coding(LOINC, code, display))]))
    total = sum(data.answers.values())
    items.append(ResponseItem(TOTAL_ITEM[data.questionnaire], [AnswerValue(valueInteger=total)]))
    item9 = data.answers[PHQ9_ITEM_9] if data.questionnaire == "phq-9" else None
    return items, Score(total, band(data.questionnaire, total), item9)
