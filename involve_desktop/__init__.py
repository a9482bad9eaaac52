"""Involve Desktop: an offline desktop app for user-led mental health groups."""

__version__ = "0.1.0"
APP_NAME = "Involve Desktop"
