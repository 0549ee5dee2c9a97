"""One patient, before a session: the digest, the timeline and the charts' data."""
