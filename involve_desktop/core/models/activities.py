"""4PI involvement activity records and the you said, we did log (issue 9; being built)."""

from __future__ import annotations
