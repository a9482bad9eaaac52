"""Record apolo&gies… on the demo group's Meetings screen: a meeting still to come offers it
by Alt+L (no clash with the screen's other letters or the menus), and the screen it opens
is for apologies only."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from tests.ui.accessibility.keys import go_to_area, mnemonic, press, scripted_dialogs, tab_to
from tests.ui.accessibility.mnemonics import clashes


def test_an_upcoming_meeting_offers_record_apologies_by_alt_l(qtbot, window):
    go_to_area(qtbot, window, "meetings")
    view = window.meetings_view
    tab_to(
        qtbot,
        lambda w: isinstance(w, QAbstractItemView) and w.accessibleName() == "Meetings",
    )
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(view.meeting_model.rowCount()):
        meeting = view.current_meeting()
        if meeting is not None and not meeting.cancelled and meeting.day > view.today:
            break
        press(qtbot, Qt.Key.Key_Down)
    assert meeting is not None and meeting.day > view.today, "the demo has a meeting to come"
    assert view.attendance_button.text() == "Record apo&logies…"
    assert clashes(window) == {}
    seen: list[tuple[bool, bool]] = []

    def look(dialog) -> None:
        seen.append((dialog.apologies_only, dialog.walk_in.isVisible()))
        press(qtbot, Qt.Key.Key_Escape)

    with scripted_dialogs(qtbot, look) as opened:
        mnemonic(qtbot, "l")
    assert len(opened) == 1 and opened[0].startswith("Apologies — ")
    assert seen == [(True, False)]
