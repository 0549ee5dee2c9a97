"""Sessions a clinician schedules with a patient, and whether they happened."""
