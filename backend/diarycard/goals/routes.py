"""Goals: `/goals` for the patient, `/patients/{patient_id}/goals` for their clinician
(shapes in `tools/routes.py`, `Goal` in `goals/models.py`), and
`PUT /patients/{patient_id}/goals/{goal_id}/agreement` `{version}` -> `Goal`, where the
clinician agrees a version of the goal (412 when it changed since they read it)."""

from __future__ import annotations

from uuid import UUID

from litestar import put
from litestar.params import FromPath, JSONBody

from diarycard.auth.access import as_clinician
from diarycard.auth.principal import CurrentUser
from diarycard.db.pool import Conn
from diarycard.entries.checks import DiaryRequest
from diarycard.goals.models import AGREED_FIELDS, Goal, GoalAgreeIn, GoalIn
from diarycard.tools import records
from diarycard.tools.routes import record_routes


@put("/patients/{patient_id:uuid}/goals/{goal_id:uuid}/agreement", tags=["goals"],
     request_class=DiaryRequest)
async def agree_goal(
    conn: Conn, principal: CurrentUser, patient_id: FromPath[UUID], goal_id: FromPath[UUID],
    data: JSONBody[GoalAgreeIn],
) -> Goal:
    """Agree a patient's goal as their clinician (assigned clinicians; audited)."""
    return await as_clinician(
        conn, principal, patient_id, "agree", "goal",
        lambda scope: records.agree(conn, scope, "goal", goal_id, data.version, Goal),
    )


routes = [*record_routes("goal", "goals", "goals", GoalIn, Goal, AGREED_FIELDS), agree_goal]
