"""Encryption at rest: unlocking at start, the recovery key, converting a plain file."""
