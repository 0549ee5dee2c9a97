"""Checking it out: testing an assumption about what someone else thought or felt."""
