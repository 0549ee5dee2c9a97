"""Reminders (issue 13): the times a patient chose, pushed to their phones at those times,
once, with neutral words; an in-app reminder when push cannot reach them."""
