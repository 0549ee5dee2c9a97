"""Chain analysis of an acted urge."""
