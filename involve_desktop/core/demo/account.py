"""The demo coordinator's sign-in, shown on the sign-in window in demo mode.

Kept in a module of its own so the sign-in window can name it without importing the
seeders' shared context (dataclasses, dates …) before it has painted.
"""

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo-password"
