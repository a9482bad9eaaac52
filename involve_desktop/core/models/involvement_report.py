"""The annual involvement report's narrative (issue 9; being built)."""

from __future__ import annotations
