"""Wire shapes of the service's view. Only counts, rates and means leave: no patient is
named, and any count from 1 to 4 is shown as "fewer than 5" (`count` null), so nobody can
be recognised from a small number."""

from __future__ import annotations

import msgspec


class Count(msgspec.Struct):
    """One row of figures: `count` is null when it is suppressed; `shown` is what a person
    reads ("12", or "fewer than 5")."""

    key: str
    label: str
    count: int | None
    shown: str


class Rate(Count):
    # Per patient-year of the site's patients; null when the count is suppressed.
    per_patient_year: float | None


class Change(msgspec.Struct):
    """A measure's change from the first completion to the latest, over the patients with
    both (at least 28 days apart). Means are null when fewer than 5 patients have both."""

    questionnaire: str
    patients: int | None
    patients_shown: str
    mean_start: float | None
    mean_now: float | None
    mean_change: float | None
    # Patients whose latest total is in a lower band than their first, the same, higher.
    lower_band: Count
    same_band: Count
    higher_band: Count


class RetentionChart(msgspec.Struct):
    title: str
    summary: str
    rows: list[Count]


class RateChart(msgspec.Struct):
    title: str
    summary: str
    patient_years: float
    rows: list[Rate]


class ChangeChart(msgspec.Struct):
    title: str
    summary: str
    rows: list[Change]


class SiteOutcomes(msgspec.Struct):
    """A site's outcomes across its patients, each chart with its sentence and figures."""

    patients: int
    patients_shown: str
    suppressed_below: int
    retention: RetentionChart
    rates: RateChart
    change: ChangeChart
