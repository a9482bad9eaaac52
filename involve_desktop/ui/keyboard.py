"""Keyboard rules shared by every screen: Tab always moves on, it is never eaten by a table.

Qt's item views use Tab to move between cells by default (``tabKeyNavigation``), which traps
a keyboard-only user inside a table. Every table and list in the app goes through
:func:`tab_leaves`, so Tab and Shift+Tab move to the next or previous control and the arrow
keys move inside the table.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QAbstractItemView

View = TypeVar("View", bound=QAbstractItemView)


def tab_leaves(view: View) -> View:
    """Make Tab leave ``view`` (arrows still move inside it); returns the view for chaining."""
    view.setTabKeyNavigation(False)
    return view
