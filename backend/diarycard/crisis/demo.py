"""Demo crisis plans: each demo patient gets a plan agreed with their clinician."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from uuid import UUID

import asyncpg

from diarycard.agreement.models import AgreeIn
from diarycard.auth.access import open_patient, own_scope
from diarycard.crisis import store
from diarycard.crisis.models import Contact, DraftIn, Plan, PreviousCrisis, Thresholds
from diarycard.tools.demo import clinician_of, person


def demo_plan(professionals: list[Contact]) -> Plan:
    return Plan(
        previous_crises=[
            PreviousCrisis("Last winter", "An argument at home, then drinking alone all night."),
            PreviousCrisis("In the spring", "Lost my job, stopped sleeping and seeing people."),
            PreviousCrisis("In the summer", "Felt let down by a friend; could not stop brooding."),
        ],
        warning_signs=["Not sleeping", "Drinking alone", "Loneliness", "Noticing the action urge"],
        self_help=["Cold water on my face", "Walk round the block", "Listen to my playlist"],
        people_places=["The library", "My cousin's kitchen", "The park by the river"],
        contacts=[Contact("Jo (sister)", "07700 900123", "Evenings are best"),
                  Contact("Dev (friend)", "07700 900456")],
        professionals=[Contact("Community mental health team, duty worker", "01632 960123",
                               "Weekdays, 9am to 5pm"), *professionals],
        safer=["Give the spare pills to Jo to keep", "Stay away from the pub on bad days"],
        reasons=["My dog, Biscuit", "Seeing my niece grow up"],
        thresholds=Thresholds(self_harm=6, aggression=7, substance_use=True),
        review_date=date.today() + timedelta(days=90),
    )


async def load_demo(
    conn: asyncpg.Connection, site_id: UUID, patient_ids: Sequence[UUID],
    clinician_ids: Sequence[UUID],
) -> None:
    for patient_id in patient_ids:
        clinician = await clinician_of(conn, patient_id)
        own = own_scope(await person(conn, patient_id))
        current = await store.draft(conn, own)
        if clinician is None or current.version > 0:
            continue  # already has a plan (or no one to agree it with): leave it as it is
        plan = demo_plan(current.plan.professionals)
        saved = await store.save_draft(conn, own, DraftIn(0, plan))
        agree = AgreeIn(saved.version)
        await store.agree(conn, "patient", own, agree)
        # The demo clinician agrees it, as one would: through the gate, audited.
        async with conn.transaction():
            theirs = await open_patient(conn, clinician, patient_id, "agree", "crisis_plan")
            await store.agree(conn, "clinician", theirs, agree)
