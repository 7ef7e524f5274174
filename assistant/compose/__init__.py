"""Step 6: compose Norwegian answers — data (numbers from rows), text (quoted passages), none (refusals)."""
