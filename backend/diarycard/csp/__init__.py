"""Content-Security-Policy violation reports from browsers."""
