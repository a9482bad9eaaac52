"""GUI tests for the Members area."""
