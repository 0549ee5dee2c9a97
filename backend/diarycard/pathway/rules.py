"""The SCM pathway's phases and their expected lengths, from the seed:

    assessment              up to 6 sessions
    setting the frame       up to 3 months (responsibilities, formulation and goals,
                            risk management)
    treatment               6 to 12 months
    discharge transition    6 months, ending in a therapeutic discharge
    discharged

A phase that runs past its expected length is flagged in the caseload: not a risk, but a
plan that needs a look. Moving to "discharged" needs an agreed discharge plan (NICE QS88
statement 5; the store enforces it in the same statement that moves the phase).
"""

from __future__ import annotations

from datetime import date
from typing import Literal

Phase = Literal["assessment", "setting_the_frame", "treatment", "discharge_transition",
                "discharged"]
PHASES: dict[str, str] = {
    "assessment": "Assessment",
    "setting_the_frame": "Setting the frame",
    "treatment": "Treatment",
    "discharge_transition": "Discharge transition",
    "discharged": "Discharged",
}
ASSESSMENT_SESSIONS = 6
# Days after which each phase has run past its expected length, and the words for it.
EXPECTED_DAYS = {"setting_the_frame": 92, "treatment": 366, "discharge_transition": 183}
EXPECTED_WORDS = {
    "assessment": "up to 6 sessions",
    "setting_the_frame": "up to 3 months",
    "treatment": "6 to 12 months",
    "discharge_transition": "6 months",
    "discharged": "",
}


def overrun(phase: str, started_on: date, today: date, sessions_in_phase: int) -> bool:
    if phase == "assessment":
        return sessions_in_phase > ASSESSMENT_SESSIONS
    limit = EXPECTED_DAYS.get(phase)
    return limit is not None and (today - started_on).days > limit


def phase_words(phase: str, started_on: date, today: date, sessions_in_phase: int) -> str:
    """"Treatment for 13 months (usually 6 to 12 months): longer than expected"."""
    name = PHASES[phase]
    if phase == "discharged":
        return f"{name} since {started_on.day} {started_on.strftime('%b %Y')}"
    if phase == "assessment":
        length = f"{sessions_in_phase} session" + ("" if sessions_in_phase == 1 else "s")
    else:
        months = (today - started_on).days // 30
        length = (f"{months} month" + ("" if months == 1 else "s")) if months else \
            f"{(today - started_on).days} days"
    late = ": longer than expected" if overrun(phase, started_on, today, sessions_in_phase) \
        else ""
    return f"{name} for {length} (usually {EXPECTED_WORDS[phase]}){late}"
