"""Accessibility and keyboard tests: names in dialogs, tab order, keyboard-only tasks, palettes."""
