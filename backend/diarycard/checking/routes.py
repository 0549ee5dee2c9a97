"""Checking-it-out records: `/checking-it-out` for the patient and
`/patients/{patient_id}/checking-it-out` for their clinician; shapes in `tools/routes.py`
and `checking/models.py` (`Checking`)."""

from __future__ import annotations

from diarycard.checking.models import Checking, CheckingIn
from diarycard.tools.routes import record_routes

routes = record_routes("checking_it_out", "checking-it-out", "checking it out",
                       CheckingIn, Checking)
