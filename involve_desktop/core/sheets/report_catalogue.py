"""The annual involvement report in the catalogue
(issue 9; being built). Imported at the end of
``catalogue``, which it registers into."""

from __future__ import annotations
