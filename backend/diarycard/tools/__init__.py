"""What the between-session tools share: text rules, versioned writes, care-team checks
and the one table behind worksheets and goals."""
