"""The demo sign-ins (a coordinator and a group facilitator), shown on the sign-in window.

Kept in a module of its own so the sign-in window can name it without importing the
seeders' shared context (dataclasses, dates …) before it has painted.
"""

DEMO_USERNAME = "demo"
DEMO_PASSWORD = "demo-password"
DEMO_FACILITATOR_USERNAME = "facilitator"  # a group facilitator, linked to some groups
