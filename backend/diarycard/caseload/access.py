"""The gate lives with identity (`auth.access`); re-exported here for the clinician's
features that reach it by this older name."""

from diarycard.audit.store import record_many
from diarycard.auth.access import PatientScope, open_patient

__all__ = ["PatientScope", "open_patient", "record_many"]
