"""Clinician notes on an entry or a session. They never change the patient's words."""
