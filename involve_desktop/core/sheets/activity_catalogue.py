"""The 4PI activity record and you said, we did sheets in the catalogue
(issue 9; being built). Imported at the end of
``catalogue``, which it registers into."""

from __future__ import annotations
