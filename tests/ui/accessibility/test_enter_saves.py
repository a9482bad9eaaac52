"""Enter in a field presses the dialog's Save button, even after Tab passed over Cancel."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from sqlalchemy import select

from involve_desktop.core.models.people import Member
from involve_desktop.ui.members.member_dialog import MemberDialog


def _tab_to(qtbot, wanted: str) -> QPushButton:
    for _ in range(80):
        QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if isinstance(widget, QPushButton) and widget.text().replace("&", "") == wanted:
            return widget
    raise AssertionError(f"Tab never reached {wanted}")


def _no_question(*_args: object, **_kwargs: object) -> None:
    raise AssertionError("Enter asked a question (it pressed Cancel) instead of saving")


def test_enter_in_a_field_saves_after_tab_passed_cancel(qtbot, window, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", _no_question)
    monkeypatch.setattr(QMessageBox, "exec", _no_question)
    dialog = MemberDialog(window.context, window.actor, parent=window)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.isAncestorOf(QApplication.focusWidget() or window))
    dialog.fields.full_name.setFocus()
    QTest.keyClicks(dialog.fields.full_name, "Enter Keypresser")
    _tab_to(qtbot, "Cancel")
    dialog.fields.email.setFocus()  # back in a field, as a person clicking or Shift+Tabbing
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.fields.email)
    QTest.keyClick(dialog.fields.email, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert dialog.result() == MemberDialog.DialogCode.Accepted
    with window.context.session() as session:
        assert session.scalar(select(Member.id).where(Member.full_name == "Enter Keypresser"))
