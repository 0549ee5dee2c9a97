"""Entries as HL7 FHIR R4: a Bundle of QuestionnaireResponse resources, one per entry,
answering the Questionnaire the app publishes at /api/v1/fhir/Questionnaire/diarycard-entry.

Built as plain dicts (the resources are small and fixed); the tests validate the output
with the `fhir.resources` models.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from diarycard.auth.access import PatientScope
from diarycard.entries.models import Entry

QUESTIONNAIRE_ID = "diarycard-entry"
VERSION = "1"
CATEGORIES = [("not_attending", "Not attending"), ("not_planning", "Not planning"),
              ("action", "Action")]
OUTCOMES = [("acted", "Acted on the urge"), ("resisted", "Resisted the urge"),
            ("partly", "Partly acted on the urge")]


def canonical(base_url: str) -> str:
    return f"{base_url.rstrip('/')}/api/v1/fhir/Questionnaire/{QUESTIONNAIRE_ID}"


def _choice(link: str, text: str, options: list[tuple[str, str]], url: str,
            required: bool = False) -> dict[str, Any]:
    return {
        "linkId": link, "text": text, "type": "choice", "required": required,
        "answerOption": [{"valueCoding": {"system": f"{url}#{link}", "code": code,
                                          "display": display}} for code, display in options],
    }


def questionnaire(base_url: str) -> dict[str, Any]:
    url = canonical(base_url)

    def item(link: str, text: str, kind: str, **more: Any) -> dict[str, Any]:
        return {"linkId": link, "text": text, "type": kind, **more}

    return {
        "resourceType": "Questionnaire",
        "id": QUESTIONNAIRE_ID,
        "url": url,
        "version": VERSION,
        "name": "DiarycardEntry",
        "title": "Impulsivity diary entry",
        "status": "active",
        "subjectType": ["Patient"],
        "description": "One episode of an urge, written in the diarycard between sessions.",
        "item": [
            item("occurred_at", "When did it happen?", "dateTime", required=True),
            _choice("category", "Which kind of impulsivity was it?", CATEGORIES, url, True),
            item("emotion", "What emotion did you feel?", "string"),
            item("emotion_intensity", "How strong was the emotion (0 to 10)?", "integer"),
            item("urge", "What did you feel driven to do?", "string"),
            item("urge_strength", "How strong was the urge (0 to 10)?", "integer"),
            item("indicators", "What did you notice early on?", "string", repeats=True),
            item("helpful_response", "Which helpful response did you try?", "string"),
            _choice("outcome", "What happened with the urge?", OUTCOMES, url),
            item("risk", "Risk", "group", item=[
                item("risk_self_harm", "Urge to harm yourself (0 to 10)", "integer"),
                item("risk_aggression", "Urge to be aggressive (0 to 10)", "integer"),
                item("risk_substance_use", "Did you use alcohol or drugs?", "boolean"),
            ]),
            item("note", "Anything else?", "text"),
        ],
    }


def _answer(link: str, key: str, value: Any) -> dict[str, Any]:
    return {"linkId": link, "answer": [{key: value}]}


def _coded(link: str, code: str, options: list[tuple[str, str]], url: str) -> dict[str, Any]:
    display = dict(options)[code]
    return _answer(link, "valueCoding", {"system": f"{url}#{link}", "code": code,
                                         "display": display})


def response(entry: Entry, patient_id: UUID, patient_name: str, url: str) -> dict[str, Any]:
    items = [
        _answer("occurred_at", "valueDateTime", entry.occurred_at.isoformat()),
        _coded("category", entry.category, CATEGORIES, url),
    ]
    for link, key, value in (
        ("emotion", "valueString", entry.emotion),
        ("emotion_intensity", "valueInteger", entry.emotion_intensity),
        ("urge", "valueString", entry.urge),
        ("urge_strength", "valueInteger", entry.urge_strength),
    ):
        if value is not None:
            items.append(_answer(link, key, value))
    if entry.indicators:
        items.append({"linkId": "indicators",
                      "answer": [{"valueString": text} for text in entry.indicators]})
    if entry.helpful_response is not None:
        items.append(_answer("helpful_response", "valueString", entry.helpful_response))
    if entry.outcome is not None:
        items.append(_coded("outcome", entry.outcome, OUTCOMES, url))
    risk = entry.risk
    if risk is not None:
        group = [_answer(link, key, value) for link, key, value in (
            ("risk_self_harm", "valueInteger", risk.self_harm),
            ("risk_aggression", "valueInteger", risk.aggression),
            ("risk_substance_use", "valueBoolean", risk.substance_use),
        ) if value is not None]
        items.append({"linkId": "risk", "item": group})
    if entry.note:
        items.append(_answer("note", "valueString", entry.note))
    return {
        "resourceType": "QuestionnaireResponse",
        "id": str(entry.id),
        "meta": {"versionId": str(entry.version), "lastUpdated": entry.updated_at.isoformat()},
        "questionnaire": f"{url}|{VERSION}",
        "status": "completed",
        "subject": {"reference": f"Patient/{patient_id}", "display": patient_name},
        "authored": entry.recorded_at.isoformat(),
        "item": items,
    }


def bundle(entries: list[Entry], scope: PatientScope, patient_name: str,
           base_url: str) -> dict[str, Any]:
    """The entries as a Bundle about the patient of `scope`: the subject comes from the
    proof of access, so a bundle cannot name anyone but the patient whose diary was read."""
    url, patient_id = canonical(base_url), scope.patient_id
    return {
        "resourceType": "Bundle",
        "type": "collection",
        "timestamp": datetime.now(UTC).isoformat(),
        "entry": [
            {"fullUrl": f"urn:uuid:{e.id}", "resource": response(e, patient_id, patient_name, url)}
            for e in entries
        ],
    }
