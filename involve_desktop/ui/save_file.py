"""Where a "Save as" goes: the typed name with its file type added, and a question before
replacing a file the save dialog never saw.

Every export (members list, rows to fix, finance batch) saves through these two, so a name
typed as "members 28.11.2026" or "finance.v2" keeps its dots, and a file already there is
never overwritten without asking.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from involve_desktop.ui.messages import ask


def with_type(name: str, ext: str) -> Path:
    """``name`` ending in ``.ext``: added, never swapped for what follows the last dot
    (in "members 28.11.2026" the dot is part of the name)."""
    path = Path(name)
    return path if path.suffix.lower() == f".{ext}" else path.with_name(f"{path.name}.{ext}")


def may_replace(parent: QWidget, title: str, path: Path, *, typed: str) -> bool:
    """Whether to write ``path``: yes if it is new, or if it is the very name the file
    dialog returned (the dialog has asked about replacing it already); else ask.

    Typing "members" with the CSV type chosen gives members.csv, which the dialog never
    saw, so it did not warn that members.csv is there already.
    """
    if not path.exists() or Path(typed) == path:
        return True
    return ask(
        parent,
        title,
        f"{path.name} already exists in {path.parent}.\n\nDo you want to replace it?",
    )
