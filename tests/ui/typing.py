"""Typing into widgets like a user, including names such as Siobhán or Zoë.

QTest's keyClicks only knows ASCII keys (it aborts on others), so other characters are
entered the way an input method would: inserted as text at the cursor.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit


def type_text(qtbot, widget: QLineEdit, text: str) -> None:
    """Focus ``widget`` and type ``text`` into it."""
    widget.setFocus()
    for char in text:
        if char.isascii():
            qtbot.keyClicks(widget, char)
        else:
            widget.insert(char)
