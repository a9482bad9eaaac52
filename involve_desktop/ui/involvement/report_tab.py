"""The annual involvement report (issue 9; being built)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.context import AppContext


class ReportTab(QWidget):
    """See the module docstring."""

    new_text: str | None = None  # Ctrl+N in this tab, e.g. "New self-assessment…"
    print_text: str | None = None  # Ctrl+P in this tab

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        QVBoxLayout(self).addWidget(QLabel("The annual involvement report"))

    def add_new(self) -> None:
        """Ctrl+N in this tab."""

    def print_sheet(self) -> None:
        """Ctrl+P in this tab."""

    def refresh(self) -> None:
        """Reload (called when the tab is shown)."""
