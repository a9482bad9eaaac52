"""The Alt letters given to Meetings, Involvement and Sheets when their clashes were fixed
do what they say, pressed on the keyboard (test_mnemonics checks no letter is shared)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from tests.ui.accessibility.keys import (
    focused,
    go_to_area,
    mnemonic,
    press,
    scripted_dialogs,
    tab_to,
)


def test_meetings_new_group_and_change_meeting(qtbot, window):
    go_to_area(qtbot, window, "meetings")
    view = window.meetings_view

    def close(_dialog) -> None:
        press(qtbot, Qt.Key.Key_Escape)

    with scripted_dialogs(qtbot, close) as opened:
        mnemonic(qtbot, "e")  # N&ew group…
    assert opened == ["Add a group"]

    tab_to(
        qtbot,
        lambda w: isinstance(w, QAbstractItemView) and w.accessibleName() == "Meetings",
    )
    press(qtbot, Qt.Key.Key_Home)
    while (meeting := view.current_meeting()) is None or meeting.cancelled:
        press(qtbot, Qt.Key.Key_Down)
    with scripted_dialogs(qtbot, close) as opened:
        mnemonic(qtbot, "i")  # Change meet&ing…
    assert len(opened) == 1 and opened[0].startswith("Change meeting — ")


def test_involvement_tabs_and_include_drafts(qtbot, window):
    go_to_area(qtbot, window, "involvement")
    view = window.area_view("involvement")
    for letter, tab in (
        ("e", view.spread_tab),  # Spr&ead
        ("w", view.you_said_tab),  # You said, &we did
        ("r", view.report_tab),  # Annual &report
        ("l", view.spectrum_tab),  # &Leadership spectrum
    ):
        mnemonic(qtbot, letter)
        assert view.tabs.currentWidget() is tab, letter
    drafts = view.spectrum_tab.include_drafts
    before = drafts.isChecked()
    mnemonic(qtbot, "i")  # &Include drafts
    assert drafts.isChecked() is not before


def test_sheets_large_print(qtbot, window):
    go_to_area(qtbot, window, "sheets")
    check = window.area_view("sheets").form.large_print_check
    assert check.isVisible() and not check.isChecked()
    mnemonic(qtbot, "a")  # L&arge print
    assert check.isChecked()
    assert focused() is check
