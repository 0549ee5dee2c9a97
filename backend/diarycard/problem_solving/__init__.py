"""Problem solving in four steps: define it, list solutions, choose and plan, try and review."""
