"""The crisis plan: written together, agreed in dated versions, open offline in one tap."""
