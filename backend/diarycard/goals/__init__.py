"""Short-term and long-term goals, agreed with the clinician, with the patient's progress."""
