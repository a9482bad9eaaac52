"""Assign someone: the search box narrows a long list by name, and long reasons wrap."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyleOptionViewItem

from involve_desktop.core.services import rota_shifts
from involve_desktop.ui.rota.shift_assign import MEMBER_ROLE, AssignDialog, filter_suggestion_list
from tests.core.rota.conftest import facilitator  # noqa: F401 - fixture
from tests.core.rota.helpers import peer


def shown_texts(dialog: AssignDialog) -> list[str]:
    people = dialog.people
    return [people.item(i).text() for i in range(people.count()) if not people.isRowHidden(i)]


def test_typing_part_of_a_name_narrows_and_enter_assigns_them(
    qtbot, context, coordinator, session, rota
):
    zoe = peer(session, coordinator, "Zoë Ólafsdóttir")
    peer(session, coordinator, "Zeb Oliver")
    dialog = AssignDialog(context, coordinator, rota["wednesday"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.search.hasFocus())
    assert any("Ben Morris" in t for t in shown_texts(dialog))

    qtbot.keyClicks(dialog.search, "ZOE OLAF")  # no accents, other case
    texts = shown_texts(dialog)
    assert len(texts) == 1 and texts[0].startswith("Zoë Ólafsdóttir — ")
    assert dialog.people.currentItem().data(MEMBER_ROLE) == zoe
    qtbot.keyClick(dialog.search, Qt.Key.Key_Return)

    assert dialog.assigned_member == zoe
    session.expire_all()
    view = rota_shifts.shift_view(session, coordinator, rota["wednesday"])
    assert [a.name for a in view.assignees] == ["Zoë Ólafsdóttir"]


def test_down_moves_into_the_narrowed_list(qtbot, context, coordinator, session, rota):
    dialog = AssignDialog(context, coordinator, rota["wednesday"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: dialog.search.hasFocus())
    qtbot.keyClicks(dialog.search, "carla")  # a refusal: shown with its heading, not choosable
    assert shown_texts(dialog)[-2:] == ["Cannot do this shift:", shown_texts(dialog)[-1]]
    assert "Carla Diaz" in shown_texts(dialog)[-1]
    assert dialog.people.currentItem() is None or dialog.selected_member() is None

    dialog.search.clear()
    qtbot.keyClicks(dialog.search, "mor")
    assert not any(t == "Cannot do this shift:" for t in shown_texts(dialog))
    qtbot.keyClick(dialog.search, Qt.Key.Key_Down)
    assert dialog.people.hasFocus()
    assert dialog.selected_member() == rota["ben"]
    assert dialog.search.text() == "mor"  # searching is not an edit: nothing else changed


def test_nobody_matching_says_so(qtbot, context, coordinator, session, rota):
    dialog = AssignDialog(context, coordinator, rota["wednesday"])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.search, "xyz")
    assert dialog.no_match.isVisible() and "xyz" in dialog.no_match.text()
    assert dialog.selected_member() is None
    dialog.assign_selected()  # nothing chosen: nothing happens
    assert dialog.assigned_member is None


def test_a_long_reason_wraps_instead_of_being_cut_off(qtbot, context, coordinator, session, rota):
    dialog = AssignDialog(context, coordinator, rota["wednesday"])
    qtbot.addWidget(dialog)
    dialog.resize(360, 460)
    dialog.show()
    qtbot.waitExposed(dialog)
    people = dialog.people
    row = next(i for i in range(people.count()) if "Carla Diaz" in people.item(i).text())
    item = people.item(row)
    width = people.viewport().width()
    text_width = people.fontMetrics().horizontalAdvance(item.text())
    assert text_width > width  # the reason is longer than one line here
    rect = people.visualItemRect(item)
    assert rect.width() <= width
    assert rect.height() >= 2 * people.fontMetrics().height()  # two lines or more


def test_filtering_and_wrapping_do_not_wear_away_none(qtbot, context, coordinator, session, rota):
    """PySide6 6.12 on Python 3.11 drops a reference to None whenever ``data()`` finds nothing
    or a method returning nothing is called; on a large group (2,435 rows) the first version
    of this search did that for every row on every key and crashed ("deallocating None")."""
    for n in range(12):
        peer(session, coordinator, f"Extra Person {n:02d}")
    dialog = AssignDialog(context, coordinator, rota["wednesday"])
    qtbot.addWidget(dialog)
    dialog.resize(360, 460)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.search.setText("extra")
    people, delegate = dialog.people, dialog.people.itemDelegate()
    indexes = [people.model().index(row, 0) for row in range(people.count())]
    option = QStyleOptionViewItem()
    before = sys.getrefcount(None)
    for _ in range(50):
        filter_suggestion_list(people, "extra")  # nothing changes: nothing is set
        dialog.selected_member()
        for index in indexes:
            delegate.sizeHint(option, index)
    # One a pass at most (making the bold heading's font), not one or two a row.
    assert sys.getrefcount(None) >= before - 60
