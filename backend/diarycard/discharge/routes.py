"""Discharge-plan routes for the patient (`/discharge-plan...`) and their clinician
(`/patients/{patient_id}/discharge-plan...`): the current agreed plan, its versions, the
shared draft and agreeing it, the agreed plan's routes (agreement/routes.py) with the
discharge plan's shapes."""

from __future__ import annotations

from diarycard.agreement.routes import plan_routes
from diarycard.discharge import store
from diarycard.discharge.models import (
    AgreedDischargePlan,
    DischargeAgreement,
    DischargeDraft,
    DischargeDraftIn,
)

routes = plan_routes(
    store, {"Current": AgreedDischargePlan, "Version": AgreedDischargePlan,
            "Draft": DischargeDraft, "DraftIn": DischargeDraftIn,
            "Agreement": DischargeAgreement},
    mine="/discharge-plan", theirs="/patients/{patient_id:uuid}/discharge-plan",
    resource="discharge_plan", tags=["discharge plan"])
