"""Date boxes can be typed into by keyboard: Tab in, type the day, the month, the year."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from involve_desktop.ui.members.dialog_widgets import date_edit


def test_a_date_is_typed_day_month_year_and_the_weekday_follows(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    before = QLineEdit()
    box = date_edit(date(2026, 11, 3), "Day")
    layout = QVBoxLayout(window)
    layout.addWidget(before)
    layout.addWidget(box)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    before.setFocus()
    qtbot.keyClick(before, Qt.Key.Key_Tab)
    focused = window.focusWidget()
    qtbot.keyClicks(focused, "27")  # the day, then Qt moves on to the month
    qtbot.keyClicks(focused, "Dec")
    qtbot.keyClicks(focused, "2027")
    assert box.date().toPython() == date(2027, 12, 27)
    assert box.text() == "27 Dec 2027, Mon"
