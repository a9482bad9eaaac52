"""The demo group: realistic, made-up data, seeded deterministically."""
