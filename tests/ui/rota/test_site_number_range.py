"""Rota set-up, a site's details: "0" peers together (1–50 allowed) is refused beside the
box and nothing is saved — Qt would put 2 back and Save would save 2 without a word."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from involve_desktop.core.services import rota_sites
from involve_desktop.ui.rota.setup_dialogs import SitesDialog
from tests.ui.typing import type_text

REFUSED = "Minimum peers together must be between 1 and 50."


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """Fail loudly if an unexpected message box opens."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[2] if len(args) > 2 else args}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture
def dialog(qtbot, context, coordinator) -> SitesDialog:
    widget = SitesDialog(context, coordinator)
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)  # focus moves only in the active window
    qtbot.mouseClick(widget.add_button, Qt.MouseButton.LeftButton)
    type_text(qtbot, widget.form.name, "Ward 4")
    return widget


def _type_peers(qtbot, dialog: SitesDialog, text: str) -> None:
    box = dialog.form.min_together
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box.lineEdit(), text)


def _saved(context, coordinator) -> list[tuple[str, int]]:
    with context.session() as session:
        return [(s.name, s.min_together) for s in rota_sites.list_sites(session, coordinator)]


@pytest.mark.parametrize("how", ["tab then Save", "Ctrl+S in the box"])
def test_0_peers_together_is_refused_beside_the_box(qtbot, context, coordinator, dialog, how):
    _type_peers(qtbot, dialog, "0")
    if how == "tab then Save":
        qtbot.keyClick(dialog.form.min_together, Qt.Key.Key_Tab)  # Qt puts 2 back
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    else:
        qtbot.keySequence(dialog.form.min_together, QKeySequence.StandardKey.Save)
    assert _saved(context, coordinator) == []
    label = dialog.form.labels["min_together"]
    assert REFUSED in label.text() and label.isVisibleTo(dialog)
    assert dialog.form.min_together.hasFocus()
    _type_peers(qtbot, dialog, "3")  # typing again: judged afresh
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _saved(context, coordinator) == [("Ward 4", 3)]


def test_the_arrows_after_0_save_the_number_shown(qtbot, context, coordinator, dialog):
    _type_peers(qtbot, dialog, "0")
    qtbot.keyClick(dialog.form.min_together, Qt.Key.Key_Tab)  # Qt puts 2 back
    dialog.form.min_together.setFocus()
    qtbot.keyClick(dialog.form.min_together, Qt.Key.Key_Up)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert _saved(context, coordinator) == [("Ward 4", 3)]
