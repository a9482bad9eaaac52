"""The audit log's day boxes never trap Tab (issue #10: every control reachable by keys).

A Qt date box showing special text ("Any") keeps Tab to itself, as it would to step
between day, month and year; the audit log's "From day" box did that, so the "To day" box
and the buttons after it could be reached only with Shift+Tab. And Up on "Any" stepped
from the box's lowest day, 1 Jan 2000, instead of from today.
"""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtWidgets import QCalendarWidget, QTableView

from involve_desktop.ui.audit.audit_view import NO_DAY, AuditView
from tests.ui.accessibility.keys import focused, press


@pytest.fixture
def view(qtbot, context, coordinator):
    widget = AuditView(context, coordinator)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    return widget


def _focus(qtbot, widget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(lambda: focused() is widget)


def test_tab_and_shift_tab_leave_a_day_box_showing_any(qtbot, view):
    assert view.date_from.text() == "Any" and view.date_from.date() == NO_DAY
    _focus(qtbot, view.date_from)
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.date_to
    press(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.clear_button
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is view.date_to
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is view.date_from
    press(qtbot, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    assert focused() is view.area


def test_a_day_box_with_a_day_steps_through_its_parts_then_leaves(qtbot, view):
    view.date_from.setDate(QDate(2026, 3, 14))
    _focus(qtbot, view.date_from)
    view.date_from.setCurrentSectionIndex(0)
    for _ in range(view.date_from.sectionCount()):
        if focused() is not view.date_from:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is view.date_to
    assert view.date_from.date() == QDate(2026, 3, 14)  # Tab changed nothing


def test_arrows_still_choose_a_day(qtbot, view):
    _focus(qtbot, view.date_from)
    press(qtbot, Qt.Key.Key_Up)
    assert view.date_from.date() != NO_DAY and view.date_from.text() != "Any"
    assert view.chosen().date_from is not None


@pytest.mark.parametrize("key", [Qt.Key.Key_Up, Qt.Key.Key_Down])
def test_up_or_down_on_any_starts_from_today(qtbot, view, key):
    today = QDate(date.today())
    _focus(qtbot, view.date_to)
    assert view.date_to.text() == "Any"
    press(qtbot, key)
    assert view.date_to.date() == today  # not 2 Jan 2000
    assert view.chosen().date_to == date.today()
    press(qtbot, Qt.Key.Key_Up)  # then the arrows step the day as usual
    assert view.date_to.date() == today.addDays(1)
    press(qtbot, Qt.Key.Key_Down, times=2)
    assert view.date_to.date() == today.addDays(-1)


def test_page_up_on_any_starts_from_today(qtbot, view):
    _focus(qtbot, view.date_from)
    press(qtbot, Qt.Key.Key_PageUp)
    assert view.date_from.date() == QDate(date.today())


def _open_calendar(qtbot, box, how: str) -> QCalendarWidget:
    """Open ``box``'s calendar with the drop-down button, F4 or Alt+Down."""
    _focus(qtbot, box)
    if how == "button":
        qtbot.mouseClick(
            box, Qt.MouseButton.LeftButton, pos=QPoint(box.width() - 6, box.height() // 2)
        )
    elif how == "F4":
        press(qtbot, Qt.Key.Key_F4)
    else:
        press(qtbot, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    calendar = box.calendarWidget()
    qtbot.waitUntil(calendar.isVisible)
    return calendar


@pytest.mark.parametrize("how", ["button", "F4", "Alt+Down"])
def test_the_calendar_of_a_box_showing_any_opens_on_todays_month(qtbot, view, how):
    today = date.today()
    calendar = _open_calendar(qtbot, view.date_from, how)
    assert (calendar.yearShown(), calendar.monthShown()) == (today.year, today.month)
    assert view.date_from.text() == "Any"  # nothing chosen yet
    assert view.chosen().date_from is None
    press(qtbot, Qt.Key.Key_Escape)  # closed without a pick: still "Any"
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert view.date_from.text() == "Any" and view.chosen().date_from is None


def test_picking_a_day_in_the_calendar_sets_the_box_and_any_is_still_reachable(qtbot, view):
    today = QDate(date.today())
    calendar = _open_calendar(qtbot, view.date_to, "F4")
    press(qtbot, Qt.Key.Key_Right)  # the keys start from today, not from 1 Jan 2000
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert view.date_to.date() == today.addDays(1)
    assert view.chosen().date_to == today.addDays(1).toPython()
    calendar = _open_calendar(qtbot, view.date_from, "button")
    grid = calendar.findChild(QTableView)  # the days: click the 15th of this month
    model = grid.model()
    cells = [model.index(r, c) for r in range(model.rowCount()) for c in range(model.columnCount())]
    fifteenth = next(i for i in cells if str(i.data()) == "15")  # once on any month's page
    qtbot.mouseClick(
        grid.viewport(), Qt.MouseButton.LeftButton, pos=grid.visualRect(fifteenth).center()
    )
    qtbot.waitUntil(lambda: not calendar.isVisible())
    assert view.date_from.date() == QDate(today.year(), today.month(), 15)
    view.clear_filters()
    assert view.date_from.text() == "Any" and view.date_to.text() == "Any"


def test_the_calendar_of_a_box_with_a_day_opens_on_that_day(qtbot, view):
    view.date_from.setDate(QDate(2026, 3, 14))
    calendar = _open_calendar(qtbot, view.date_from, "Alt+Down")
    assert (calendar.yearShown(), calendar.monthShown()) == (2026, 3)
    assert calendar.selectedDate() == QDate(2026, 3, 14)
