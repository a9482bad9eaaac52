"""Leadership spectrum self-assessments (issue 9; being built)."""

from __future__ import annotations
