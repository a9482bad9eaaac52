"""Signing in and managing accounts on the shared laptop."""
