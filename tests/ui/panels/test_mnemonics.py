"""Alt-key letters: no two controls seen at the same time share one (Qt would only move
between them instead of pressing the button)."""

from __future__ import annotations

import re

from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QWidget

from involve_desktop.ui.panels.panel_dialog import PanelDialog
from involve_desktop.ui.panels.panels_view import PanelsView
from tests.core.panels.helpers import TODAY, panel


def letters(root: QWidget) -> list[str]:
    """The Alt letters of the visible controls under ``root`` (tab titles included)."""
    found = []
    texts = [w.text() for w in root.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.text() for w in root.findChildren(QLabel) if w.isVisible() and w.buddy()]
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisible():
            texts += [tabs.tabText(i) for i in range(tabs.count())]
    for text in texts:
        match = re.search(r"&([^&])", text)
        if match:
            found.append(match.group(1).lower())
    return found


def test_no_shared_alt_letters_on_any_tab_of_the_panel_dialog(qtbot, context, session, coordinator):
    dialog = PanelDialog(context, coordinator, panel(session, coordinator), today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        shown = letters(dialog)
        assert len(shown) == len(set(shown)), (dialog.tabs.tabText(index), sorted(shown))


def test_no_shared_alt_letters_in_the_panels_area(qtbot, context, coordinator):
    view = PanelsView(context, coordinator, today=TODAY)
    qtbot.addWidget(view)
    view.show()
    shown = letters(view)
    assert len(shown) == len(set(shown)), sorted(shown)


def test_no_shared_alt_letters_in_the_seat_dialogs_and_settings(
    qtbot, context, session, coordinator
):
    from involve_desktop.core.services import panels
    from involve_desktop.ui.panels.seat_dialogs import AddLivedDialog, AddStaffDialog
    from involve_desktop.ui.settings.panels_tab import PanelsTab

    info = panels.get_panel(session, coordinator, panel(session, coordinator))
    for widget in (
        AddLivedDialog(context, coordinator, info, today=TODAY),
        AddStaffDialog(context, coordinator, info, today=TODAY),
        PanelsTab(context, coordinator),
    ):
        qtbot.addWidget(widget)
        widget.show()
        shown = letters(widget)
        assert len(shown) == len(set(shown)), (type(widget).__name__, sorted(shown))
