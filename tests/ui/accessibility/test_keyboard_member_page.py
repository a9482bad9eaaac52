"""Ctrl+N on a member's own page opens Add member…, as it does on the list (keys only).

Reported: open a member's page, press Ctrl+N, nothing happened. The page had been opened
from Home before the Members area was ever visited, so the area was built then, and its
buttons and sections were shown before they had a parent: each flashed up as a window of
its own, the main window stopped being the active one, and its File → Add member… shortcut
(a window shortcut) no longer fired. The keys below are the ones a person would press.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QListWidget
from sqlalchemy import select

from involve_desktop.core.models import Member
from tests.ui.accessibility.keys import (
    CTRL,
    focused,
    go_to_area,
    press,
    scripted_dialogs,
    tab_to,
    type_keys,
)


def _add_by_keys(qtbot, window, demo, name: str) -> None:
    """Ctrl+N, type ``name``, Ctrl+S; then the new member's page is shown."""

    def add(_dialog) -> None:
        type_keys(qtbot, name)
        press(qtbot, Qt.Key.Key_S, CTRL)

    def answer_no(_dialog) -> None:  # "someone with a similar name…" if asked
        press(qtbot, Qt.Key.Key_Escape)

    with scripted_dialogs(qtbot, add, answer_no) as opened:
        press(qtbot, Qt.Key.Key_N, CTRL)
    assert opened[:1] == ["Add member"]
    with demo.session() as session:
        assert session.scalars(select(Member).where(Member.full_name == name)).one()
    assert window.members_view.showing_member()
    assert window.members_view.page.name_label.text() == name


def test_ctrl_n_on_a_member_page_opened_from_home(qtbot, window, demo):
    assert window.current_area() == "home"
    attention = tab_to(
        qtbot,
        lambda w: isinstance(w, QListWidget) and w.accessibleName() == "Needs attention",
    )
    press(qtbot, Qt.Key.Key_Home)
    for _ in range(attention.count()):
        item = attention.item_at_row(attention.currentRow())
        if (
            item is not None
            and item.target.area == "members"
            and isinstance(item.target.target, int)
        ):
            break
        press(qtbot, Qt.Key.Key_Down)
    else:
        raise AssertionError("no member's line on Home")
    press(qtbot, Qt.Key.Key_Return)  # the Members area is made now, on this first visit
    qtbot.wait(50)
    assert window.current_area() == "members" and window.members_view.showing_member()
    assert QApplication.activeWindow() is window
    assert window.members_view.page.isAncestorOf(focused())
    _add_by_keys(qtbot, window, demo, "Keyboard Kim")
    # and again from the page just opened, the new member's
    _add_by_keys(qtbot, window, demo, "Keyboard Kai")


def test_ctrl_n_on_a_member_page_opened_from_the_list(qtbot, window, demo):
    go_to_area(qtbot, window, "members")
    press(qtbot, Qt.Key.Key_F, CTRL)  # the search box
    press(qtbot, Qt.Key.Key_Down)  # into the list
    press(qtbot, Qt.Key.Key_Return)  # open the first member
    assert window.members_view.showing_member()
    _add_by_keys(qtbot, window, demo, "Keyboard Kit")
