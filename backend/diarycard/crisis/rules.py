"""What a crisis plan needs before it can be agreed (the clinical rules, hazard log H-009,
H-010). Each refusal names the section and says, in plain words, what is missing.

- When to look at it again: a review date, not in the past.
- Early warning signs: at least one (the seed builds the plan from them).
- A decision for every risk item: a threshold, or "no prompt for this, because...".
- Something the patient can do themselves, and at least one person or service other than
  A&E and the crisis lines everyone has: the seed says it is "not adequate to have to
  attend A & E".
"""

from __future__ import annotations

import re
from datetime import date

from diarycard.crisis.models import Contact, Plan, SiteNumber
from diarycard.errors import FieldError, Invalid

# A&E in the ways people write it, and the national lines: not a plan on their own.
_A_AND_E = re.compile(
    r"\b(a\s*(&|and|n)\s*e|accident\s+(&|and)\s+emergency|emergency\s+department|casualty|"
    r"emergency\s+services|ambulance|999|111|112)\b",
    re.IGNORECASE,
)
_NATIONAL = {"999", "111", "112", "116123"}


def _digits(number: str | None) -> str:
    return re.sub(r"\D", "", number or "")


def _is_own_support(name: str, phone: str | None, site_lines: set[str]) -> bool:
    """A person or service of the patient's own: not A&E, not a line everyone has."""
    digits = _digits(phone)
    if digits and (digits in site_lines or digits in _NATIONAL):
        return False
    return not _A_AND_E.search(name)


def _threshold_errors(plan: Plan) -> list[FieldError]:
    t = plan.thresholds
    errors = []
    for item, value, reason in (
        ("self_harm", t.self_harm, t.declined.self_harm),
        ("aggression", t.aggression, t.declined.aggression),
        ("substance_use", True if t.substance_use else None, t.declined.substance_use),
    ):
        if value is not None and reason.strip():
            errors.append(FieldError(f"plan.thresholds.{item}",
                                     "choose a threshold or a reason for none, not both"))
        elif value is None and not reason.strip():
            errors.append(FieldError(
                f"plan.thresholds.{item}",
                "decide when the app should offer the plan: a number, or say why there "
                "is no prompt for this"))
    return errors


def _support_errors(plan: Plan, site_numbers: list[SiteNumber]) -> list[FieldError]:
    errors = []
    if not [line for line in plan.self_help if line.strip()]:
        errors.append(FieldError(
            "plan.self_help", "add at least one thing you can do yourself to feel safer"))
    site_lines = {_digits(n.number) for n in site_numbers}
    people: list[Contact] = [*plan.contacts, *plan.professionals]
    own = [c for c in people if _is_own_support(c.name, c.phone, site_lines)]
    own_places = [p for p in plan.people_places if _is_own_support(p, None, site_lines)]
    if not own and not own_places:
        errors.append(FieldError(
            "plan.contacts",
            "add at least one person or service to contact other than A&E and the crisis "
            "lines everyone has: a friend, a relative, or your community team's duty worker"))
    return errors


def check_ready(plan: Plan, site_numbers: list[SiteNumber], today: date) -> None:
    """Raise Invalid naming every section that keeps this plan from being agreed."""
    errors: list[FieldError] = []
    if plan.review_date is None:
        errors.append(FieldError("plan.review_date", "set a review date before agreeing the plan"))
    elif plan.review_date < today:
        errors.append(FieldError("plan.review_date",
                                 "the review date has passed; choose a later one"))
    if not plan.warning_signs:
        errors.append(FieldError("plan.warning_signs", "name at least one early warning sign"))
    errors += _threshold_errors(plan)
    errors += _support_errors(plan, site_numbers)
    if errors:
        raise Invalid(errors=errors)
