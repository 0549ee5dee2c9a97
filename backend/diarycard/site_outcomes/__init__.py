"""The service's view of outcomes (issue 14, part 4): retention, acts and contacts per
patient-year, and measures' change from start, across a site's patients, for its admin."""
