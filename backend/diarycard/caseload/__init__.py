"""A clinician's caseload: their patients, in the order that most needs attention."""
