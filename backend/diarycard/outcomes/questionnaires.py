"""PHQ-9 and GAD-7 as FHIR R4 Questionnaires (the JSON files beside this module) and their
scoring, done on the server: each item scores 0-3, the total is their sum, and the total's
band comes from the Questionnaire's own score-band extension.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from diarycard.errors import FieldError, Invalid
from diarycard.outcomes.models import (
    AnswerValue,
    Coding,
    MeasureIn,
    QuestionnaireId,
    ResponseItem,
    Score,
)

HERE = Path(__file__).with_name("questionnaires")
IDS: tuple[QuestionnaireId, ...] = ("phq-9", "gad-7")
LOINC = "http://loinc.org"
PHQ9_ITEM_9 = "44260-8"
TOTAL_ITEM = {"phq-9": "44261-6", "gad-7": "70274-6"}


class Instrument(NamedTuple):
    resource: dict[str, Any]
    title: str
    # linkId -> [(code, display)] indexed by score.
    items: dict[str, list[tuple[str, str]]]
    bands: list[tuple[int, int, str]]


def _load(qid: str) -> Instrument:
    resource = json.loads((HERE / f"{qid}.json").read_text(encoding="utf-8"))
    items = {
        item["linkId"]: [(o["valueCoding"]["code"], o["valueCoding"]["display"])
                         for o in item["answerOption"]]
        for item in resource["item"] if item["type"] == "choice"
    }
    bands = []
    for ext in resource["extension"]:
        parts = {e["url"]: next(v for k, v in e.items() if k.startswith("value"))
                 for e in ext["extension"]}
        bands.append((parts["low"], parts["high"], parts["label"]))
    return Instrument(resource, resource["title"], items, bands)


INSTRUMENTS: dict[str, Instrument] = {qid: _load(qid) for qid in IDS}


def canonical(base_url: str, qid: str) -> str:
    return f"{base_url.rstrip('/')}/api/v1/fhir/Questionnaire/{qid}"


def resource(base_url: str, qid: QuestionnaireId) -> dict[str, Any]:
    """The Questionnaire as served: the file, with its canonical url on this server."""
    return {**INSTRUMENTS[qid].resource, "url": canonical(base_url, qid)}


def band(qid: str, total: int) -> str:
    return next(label for low, high, label in INSTRUMENTS[qid].bands if low <= total <= high)


def score(data: MeasureIn) -> tuple[list[ResponseItem], Score]:
    """The QuestionnaireResponse items and the scores; Invalid names every bad answer."""
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
