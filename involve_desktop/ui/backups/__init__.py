"""Backups: the Settings tab, the automatic copies while the app runs, the damaged-file offer."""
