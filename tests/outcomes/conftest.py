"""Fixtures of the outcome tests (the people are in outcome_people.py)."""

from outcome_people import people

__all__ = ["people"]
