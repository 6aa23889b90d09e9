"""The simulated customers: dialogue rules, mood, interruptions, second line (no Textual)."""
