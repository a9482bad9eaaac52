"""The Involvement area: how genuine the group's involvement is, in the sector's own terms.

Tabs: the leadership spectrum self-assessments, 4PI activity records, the "you said, we did"
log, the involvement spread by quarter, and the annual involvement report. Ctrl+N and Ctrl+P
do what the current tab offers (``new_text`` / ``print_text`` on each tab).
``has_unsaved_edits`` / ``save_or_discard`` let the window ask before signing out, quitting
or restoring a backup would lose words typed in the annual report.
"""

from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.involvement.activities_tab import ActivitiesTab
from involve_desktop.ui.involvement.report_tab import ReportTab
from involve_desktop.ui.involvement.spectrum_tab import SpectrumTab
from involve_desktop.ui.involvement.spread_tab import SpreadTab
from involve_desktop.ui.involvement.you_said_tab import YouSaidTab


class InvolvementView(QWidget):
    """See the module docstring."""

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spectrum_tab = SpectrumTab(context, actor)
        self.activities_tab = ActivitiesTab(context, actor)
        self.you_said_tab = YouSaidTab(context, actor)
        self.spread_tab = SpreadTab(context, actor)
        self.report_tab = ReportTab(context, actor)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Involvement")
        self.tabs.addTab(self.spectrum_tab, "&Leadership spectrum")
        self.tabs.addTab(self.activities_tab, "&Activities (4PI)")
        self.tabs.addTab(self.you_said_tab, "You said, &we did")
        self.tabs.addTab(self.spread_tab, "Spr&ead")
        self.tabs.addTab(self.report_tab, "Annual &report")
        self.tabs.currentChanged.connect(lambda _index: self.refresh())
        QVBoxLayout(self).addWidget(self.tabs)

    def has_unsaved_edits(self) -> bool:
        """Words typed in the annual report and not saved yet (the other tabs edit in
        dialogs, which ask for themselves)."""
        return self.report_tab.has_unsaved_edits()

    def save_or_discard(self, parent: QWidget | None = None) -> bool:
        """Ask Save / Discard / Cancel about unsaved report words, showing the report tab
        first so the person sees which words. True: go ahead; False: stay (cancelled, or
        the save failed and said why)."""
        if not self.has_unsaved_edits():
            return True
        self.tabs.setCurrentWidget(self.report_tab)
        return self.report_tab.save_or_discard(parent or self)

    def current_tab(self) -> QWidget:
        """The tab being shown."""
        return self.tabs.currentWidget()

    def refresh(self) -> None:
        """Reload the tab being shown."""
        tab = self.current_tab()
        if hasattr(tab, "refresh"):
            tab.refresh()

    def new_text(self) -> str | None:
        """Ctrl+N's text in the current tab (None: nothing to add there)."""
        return getattr(self.current_tab(), "new_text", None)

    def print_text(self) -> str | None:
        """Ctrl+P's text in the current tab (None: nothing to print there)."""
        return getattr(self.current_tab(), "print_text", None)

    def add_new(self) -> None:
        """Ctrl+N: the current tab's "new" action, if it has one."""
        tab = self.current_tab()
        if getattr(tab, "new_text", None):
            tab.add_new()

    def print_sheet(self) -> None:
        """Ctrl+P: the current tab's printout, if it has one."""
        tab = self.current_tab()
        if getattr(tab, "print_text", None):
            tab.print_sheet()
