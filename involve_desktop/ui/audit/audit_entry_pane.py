"""The audit log's details pane: the whole of the current entry, read-only, under the table.

The table's "What changed" column is cut to its width (an erasure says a great deal), so the
pane below it shows every part of the entry on its own line. It follows the current row as
the arrow keys move; Enter on a row (or a double click) moves the focus into the pane, where
the text can be read line by line, selected and copied from the keyboard."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from involve_desktop.core.services import audit
from involve_desktop.core.services.audit_words import change_parts
from involve_desktop.core.services.dto import AuditInfo

NOTHING_CHOSEN = "Choose an entry in the list to read all of it here."
SHOWN_LINES = 6  # tall enough for most entries, short enough for a 1366×768 screen


def entry_text(entry: AuditInfo, words: Mapping[Any, str] | None = None) -> str:
    """The whole entry in words: when, who, what and where on the first line, the record on
    the second, then each change on a line of its own (in view without scrolling)."""
    changed = change_parts(entry.changes, entry.entity, words)
    heading = " · ".join(
        (
            audit.when_words(entry.at),
            entry.account_name,
            audit.action_words(entry.action),
            audit.area_of(entry.entity, entry.action),
        )
    )
    lines = [heading, f"Record: {audit.record_words(entry, words)}"]
    if changed:
        lines += ["What changed:", *(f"  {part}" for part in changed)]
    return "\n".join(lines)


class AuditEntryPane(QPlainTextEdit):
    """Read-only, selectable text of one audit entry (see the module)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.setTabChangesFocus(True)  # Tab moves on, as everywhere else
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAccessibleName("Entry in full")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        lines = QFontMetrics(self.font()).lineSpacing() * SHOWN_LINES
        self.setFixedHeight(lines + 2 * self.frameWidth() + 8)
        self.show_entry(None)

    def show_entry(self, entry: AuditInfo | None, words: Mapping[Any, str] | None = None) -> None:
        """Show ``entry`` in full (None: a line saying how to choose one)."""
        text = NOTHING_CHOSEN if entry is None else entry_text(entry, words)
        self.setPlainText(text)
        self.setAccessibleDescription(text.splitlines()[0])
