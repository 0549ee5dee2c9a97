"""Outcomes over time: acts, service contacts and standard measures (issue 14)."""
