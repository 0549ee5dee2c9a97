"""The pseudonymised study export: per-study pseudonyms (keyed HMAC), days since
enrolment instead of dates, no names, logins, free text, phone numbers or clinician names;
site-level counts under 5 suppressed. CSV or a FHIR R4 Bundle.

Written as a stream: participants first, then every measure, act and contact read through
a server-side cursor (never the whole study in memory), then the site summary and the
CONSORT rows, so a study of any size is exported in bounded memory, into a response (a
small study) or into stored chunks by a background job (exports.py).
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import date
from typing import Any
from uuid import UUID

import asyncpg
import msgspec

from diarycard.studies.consort import consort
from diarycard.studies.models import Study
from diarycard.studies.store import SQL, participants, pseudonym

SMALL = 5
HEADER = ["pseudonym", "arm", "site", "stratum", "record", "kind", "value", "day"]
Write = Callable[[bytes], Awaitable[None]]


def _strata(stratum: str) -> str:
    # The site's id is in the stratum key; the export numbers sites instead.
    return ";".join(part for part in stratum.split(";") if not part.startswith("site="))


def _suppress(n: int) -> str:
    return f"<{SMALL}" if 0 < n < SMALL else str(n)


class _Encoder:
    """One table row at a time, as CSV lines or Bundle entries (`i` is the row's place in
    the table, which names its Observation)."""

    def __init__(self, fmt: str, study_id: UUID) -> None:
        self.fmt, self.study_id, self.i, self.first = fmt, study_id, -1, True

    def start(self) -> bytes:
        if self.fmt == "csv":
            return self._csv(HEADER)
        return b'{"resourceType":"Bundle","type":"collection","entry":['

    def end(self) -> bytes:
        return b"" if self.fmt == "csv" else b"]}"

    @staticmethod
    def _csv(row: list[str]) -> bytes:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\r\n").writerow(row)
        return buffer.getvalue().encode()

    def row(self, row: list[str]) -> bytes:
        self.i += 1
        if self.fmt == "csv":
            return self._csv(row)
        name, arm, site, stratum, rec, kind, value, day = row
        if not name:
            return b""
        obs: dict[str, Any] = {
            "resourceType": "Observation", "id": f"obs-{self.i}", "status": "final",
            "code": {"text": f"{rec}:{kind}" if kind else rec},
            "subject": {"identifier": {"system": f"urn:diarycard:study:{self.study_id}",
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
        comma = b"" if self.first else b","
        self.first = False
        return comma + msgspec.json.encode({"resource": obs})


async def stream(conn: asyncpg.Connection, found: Study, fmt: str, today: date,
                 write: Write) -> int:
    """Write the export of `found` through `write`; answers how many rows it had. Runs in
    the caller's transaction (a cursor needs one), so everything is read as of one moment."""
    key = await conn.fetchval("SELECT pseudonym_key FROM studies WHERE id = $1", found.id)
    sites = {site: f"site-{i + 1}" for i, site in enumerate(found.sites)}
    people = await participants(conn, found.id)
    start = {p["patient_id"]: p for p in people}
    names = {p["patient_id"]: pseudonym(key, p["patient_id"]) for p in people}
    out = _Encoder(fmt, found.id)
    await write(out.start())
    batch: list[bytes] = []

    async def put(row: list[str]) -> None:
        batch.append(out.row(row))
        if len(batch) >= 500:
            await write(b"".join(batch))
            batch.clear()

    for p in people:
        await put([names[p["patient_id"]], p["arm"], sites[p["site_id"]],
                   _strata(p["stratum"]), "enrolled", "", "", "0"])
    # Included in analyses: at least one measure completed after enrolment.
    analysed: set[UUID] = set()
    async for r in conn.cursor(SQL["measures"], found.id, prefetch=2000):
        p = start[r["patient_id"]]
        if r["record"] == "measure" and r["day"] > p["enrolled_on"]:
            analysed.add(r["patient_id"])
        await put([names[r["patient_id"]], p["arm"], sites[p["site_id"]],
                   _strata(p["stratum"]), r["record"], r["kind"], str(r["value"]),
                   str((r["day"] - p["enrolled_on"]).days)])
    # Site-level summary: participants per site and arm, small counts suppressed.
    counts = Counter((sites[p["site_id"]], p["arm"]) for p in people)
    for (site, arm), n in sorted(counts.items()):
        await put(["", arm, site, "", "site_summary", "participants", _suppress(n), ""])
    screened = {r["reason"]: r["n"] for r in await conn.fetch(SQL["screened_counts"],
                                                              found.id)}
    for row in consort(found.arms, screened, people, analysed, today).rows:
        await put(["", row.arm or "", "", "", "consort", row.stage, str(row.count), ""])
    await write(b"".join(batch) + out.end())
    return out.i + 1
