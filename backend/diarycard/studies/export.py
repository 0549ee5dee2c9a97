"""The pseudonymised study export: per-study pseudonyms (keyed HMAC), days since
enrolment instead of dates, no names, logins, free text, phone numbers or clinician names;
site-level counts under 5 suppressed. CSV or a FHIR R4 Bundle."""

from __future__ import annotations

import csv
import io
from collections import Counter
from typing import Any
from uuid import UUID

import msgspec

from diarycard.studies.models import Consort, Study
from diarycard.studies.store import pseudonym

SMALL = 5
HEADER = ["pseudonym", "arm", "site", "stratum", "record", "kind", "value", "day"]


def _site_numbers(study: Study) -> dict[Any, str]:
    return {site: f"site-{i + 1}" for i, site in enumerate(study.sites)}


def _strata(stratum: str) -> str:
    # The site's id is in the stratum key; the export numbers sites instead.
    return ";".join(part for part in stratum.split(";") if not part.startswith("site="))


def _suppress(n: int) -> str:
    return f"<{SMALL}" if 0 < n < SMALL else str(n)


def rows(study: Study, key: bytes, people: list[Any], records: list[Any],
         consort: Consort) -> list[list[str]]:
    sites = _site_numbers(study)
    start = {p["patient_id"]: p for p in people}
    out = []
    for p in people:
        out.append([pseudonym(key, p["patient_id"]), p["arm"], sites[p["site_id"]],
                    _strata(p["stratum"]), "enrolled", "", "", "0"])
    for r in records:
        p = start[r["patient_id"]]
        day = (r["day"] - p["enrolled_on"]).days
        out.append([pseudonym(key, r["patient_id"]), p["arm"], sites[p["site_id"]],
                    _strata(p["stratum"]), r["record"], r["kind"], str(r["value"]), str(day)])
    # Site-level summary: participants per site and arm, small counts suppressed.
    counts = Counter((sites[p["site_id"]], p["arm"]) for p in people)
    for (site, arm), n in sorted(counts.items()):
        out.append(["", arm, site, "", "site_summary", "participants", _suppress(n), ""])
    for row in consort.rows:
        out.append(["", row.arm or "", "", "", "consort", row.stage, str(row.count), ""])
    return out


def as_csv(table: list[list[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(table)
    return buffer.getvalue().encode()


def as_fhir(study_id: UUID, table: list[list[str]]) -> bytes:
    """A Bundle of Observations, one per exported figure; subjects are pseudonyms and
    times are offsets from enrolment (an extension), never dates."""
    entries = []
    for i, (name, arm, site, stratum, rec, kind, value, day) in enumerate(table):
        if not name:
            continue
        obs: dict[str, Any] = {
            "resourceType": "Observation", "id": f"obs-{i}", "status": "final",
            "code": {"text": f"{rec}:{kind}" if kind else rec},
            "subject": {"identifier": {"system": f"urn:diarycard:study:{study_id}",
                                       "value": name}},
            "extension": [
                {"url": "https://diarycard.example/fhir/days-since-enrolment",
                 "valueInteger": int(day)},
                {"url": "https://diarycard.example/fhir/arm", "valueString": arm},
                {"url": "https://diarycard.example/fhir/site", "valueString": site},
                {"url": "https://diarycard.example/fhir/stratum", "valueString": stratum}],
        }
        if value:
            obs["valueInteger"] = int(value)
        entries.append({"resource": obs})
    return msgspec.json.encode({"resourceType": "Bundle", "type": "collection",
                                "entry": entries})
