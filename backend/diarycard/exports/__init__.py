"""Exports: CSV and FHIR R4 for the care team, JSON and CSV for the patient themselves."""
