"""What a discharge plan needs before either side can agree it. A plan that leaves out who
to contact or what to do if things get worse is the discharge NICE warns against; both
are required, with what continues and at least one step down in support."""

from __future__ import annotations

from diarycard.discharge.models import DischargePlan
from diarycard.errors import FieldError, Invalid


def check_ready(plan: DischargePlan) -> None:
    missing: list[FieldError] = []
    if not plan.what_continues:
        missing.append(FieldError("plan.what_continues", "say what support continues"))
    if not plan.contacts:
        missing.append(FieldError("plan.contacts", "name at least one person or service to "
                                                   "contact"))
    if not plan.if_worse:
        missing.append(FieldError("plan.if_worse", "say what to do if things get worse"))
    if not plan.steps_down:
        missing.append(FieldError("plan.steps_down", "say when support steps down"))
    if missing:
        raise Invalid("The discharge plan is not ready to agree: "
                      + "; ".join(e.rule for e in missing) + ".", missing)
