"""The print preview by keyboard: each button has its own Alt letter, and they (and Ctrl+P,
Ctrl+S, Esc) do what the button says, pressed where a person's keys would go."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QApplication, QDialog, QPushButton

from involve_desktop.core.sheets.blank_sign_in import BlankSignInSheet, render_blank_sign_in
from involve_desktop.ui.print_preview import PrintPreviewDialog
from tests.ui.accessibility.keys import CTRL, mnemonic, press
from tests.ui.accessibility.mnemonics import clashes, offered


@pytest.fixture(scope="module")
def sheet() -> bytes:
    return render_blank_sign_in(BlankSignInSheet(group_name="Riverside", rows=30))


@pytest.fixture
def preview(qtbot, sheet, tmp_path, monkeypatch) -> PrintPreviewDialog:
    """The preview, shown and active; saving goes to tmp_path, printing is refused."""
    monkeypatch.setattr(
        PrintPreviewDialog, "_choose_save_path", lambda _self, _default: str(tmp_path / "out")
    )
    asked: list[str] = []
    monkeypatch.setattr(
        PrintPreviewDialog,
        "_choose_printer",
        lambda _self, _printer: asked.append("printer") or False,
    )
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = PrintPreviewDialog(sheet, "Sign-in sheet", "sign-in.pdf", settings=settings)
    dialog.asked = asked
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_every_button_has_its_own_alt_letter(preview):
    buttons = preview.findChildren(QPushButton)
    assert len(buttons) == 7
    without = [b.text() for b in buttons if "&" not in b.text()]
    assert without == []
    assert clashes(preview) == {}
    assert sorted(offered(preview)) == [
        "Alt+C",
        "Alt+F",
        "Alt+I",
        "Alt+O",
        "Alt+P",
        "Alt+S",
        "Alt+W",
    ]
    assert all("&" not in b.accessibleName() for b in buttons)


def test_alt_letters_zoom(qtbot, preview):
    view = preview.view
    mnemonic(qtbot, "w")  # &Whole page
    assert view.zoomMode() == QPdfView.ZoomMode.FitInView
    mnemonic(qtbot, "f")  # &Fit width
    assert view.zoomMode() == QPdfView.ZoomMode.FitToWidth
    mnemonic(qtbot, "i")  # Zoom &in
    assert view.zoomMode() == QPdfView.ZoomMode.Custom
    bigger = view.zoomFactor()
    mnemonic(qtbot, "o")  # Zoom &out
    assert view.zoomFactor() < bigger


def test_alt_s_saves_and_alt_p_asks_which_printer(qtbot, preview, tmp_path):
    mnemonic(qtbot, "s")  # &Save as PDF…
    assert (tmp_path / "out.pdf").read_bytes().startswith(b"%PDF")
    mnemonic(qtbot, "p")  # &Print…
    assert preview.asked == ["printer"]


def test_ctrl_keys_still_work(qtbot, preview, tmp_path):
    press(qtbot, Qt.Key.Key_S, CTRL)
    assert (tmp_path / "out.pdf").exists()
    press(qtbot, Qt.Key.Key_P, CTRL)
    assert preview.asked == ["printer"]
    press(qtbot, Qt.Key.Key_Escape)
    assert not preview.isVisible() and preview.result() == QDialog.DialogCode.Rejected


def test_alt_c_closes(qtbot, preview):
    mnemonic(qtbot, "c")  # &Close
    assert not preview.isVisible() and preview.result() == QDialog.DialogCode.Rejected
