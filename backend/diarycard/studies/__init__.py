"""Studies: enrolment by stratified permuted-block randomisation, a screening log, CONSORT,
follow-up and a pseudonymised export for researchers (issue 14)."""
