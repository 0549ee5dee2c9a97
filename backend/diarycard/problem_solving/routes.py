"""Problem-solving worksheets: `/problem-solving` for the patient and
`/patients/{patient_id}/problem-solving` for their clinician; shapes in `tools/routes.py`
and `problem_solving/models.py` (`Worksheet`)."""

from __future__ import annotations

from diarycard.problem_solving.models import Worksheet, WorksheetIn
from diarycard.tools.routes import record_routes

routes = record_routes("problem_solving", "problem-solving", "problem solving",
                       WorksheetIn, Worksheet)
