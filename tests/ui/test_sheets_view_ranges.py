"""The Sheets screen: a number of rows or weeks typed outside its box's range ("0") is said
under the box and no sheet is made — Qt would put the old number back and Preview… would
quietly make the sheet with that."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSpinBox

from involve_desktop.ui.sheets.sheets_view import SheetsView
from tests.ui.test_sheets_view import member_view, previews, view, warnings_shown  # noqa: F401


def _type(qtbot, screen: SheetsView, spin: QSpinBox, text: str) -> None:
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)  # focus moves only in the active window
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)


def test_0_rows_is_said_under_the_box_and_nothing_opens(qtbot, view, previews) -> None:  # noqa: F811
    _type(qtbot, view, view.form.rows_spin, "0")
    qtbot.keyClick(view.form.rows_spin, Qt.Key.Key_Tab)  # Qt puts 20 back
    view.preview_button.click()
    assert previews == []
    assert "Number of rows must be from 1 to 500; you gave 0." in view.form.error_text("rows")
    assert view.form.rows_spin.hasFocus()
    _type(qtbot, view, view.form.rows_spin, "5")  # typing again: judged afresh
    view.preview_button.click()
    assert len(previews) == 1 and view.form.error_text("rows") == ""


def test_0_rows_still_in_the_box_at_ctrl_p_is_said_too(qtbot, view, previews) -> None:  # noqa: F811
    _type(qtbot, view, view.form.rows_spin, "0")
    assert view.preview() is False  # as the main window's Print… (Ctrl+P) calls it
    assert previews == [] and "you gave 0" in view.form.error_text("rows")


def test_another_sheet_does_not_keep_the_rows_typed_for_this_one(
    qtbot,
    member_view,  # noqa: F811
    previews,  # noqa: F811
) -> None:
    _type(qtbot, member_view, member_view.form.rows_spin, "0")
    qtbot.keyClick(member_view.form.rows_spin, Qt.Key.Key_Tab)
    member_view.select_sheet("expense-claim-form")  # its own rows, from 0
    member_view.select_sheet("blank-sign-in")
    assert member_view.preview() is True and member_view.form.error_text("rows") == ""


def test_0_weeks_of_rota_gaps_is_said_under_the_box(qtbot, member_view, previews) -> None:  # noqa: F811
    member_view.select_sheet("rota-gaps")
    weeks = member_view.form.weeks_spin
    _type(qtbot, member_view, weeks, "0")
    qtbot.keyClick(weeks, Qt.Key.Key_Tab)  # Qt puts the old number back
    member_view.preview_button.click()
    qtbot.waitUntil(lambda: not member_view.is_busy(), timeout=10_000)
    assert previews == []
    assert "Weeks must be from 1 to 13; you gave 0." in member_view.form.error_text("weeks")
    assert member_view.focusWidget() is weeks  # the cursor is put back in the box to fix
