"""The members list: what a coordinator sees, finds, filters, sorts and opens."""

from __future__ import annotations

import sys
import types
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, member_records, members, reference_lists
from involve_desktop.core.services.member_dto import MemberInput, MemberStatus
from involve_desktop.core.services.member_search import list_members
from involve_desktop.ui import table_model
from involve_desktop.ui.members import member_dialog
from involve_desktop.ui.members.members_table_model import MembersTableModel
from involve_desktop.ui.members.members_view import MembersView
from tests.ui.typing import type_text

TODAY = date.today()
YEAR_AGO = TODAY - timedelta(days=365)


def add(session, actor, name: str, joined: date = YEAR_AGO, **kw):
    """A member added through the real service."""
    return members.create_member(session, actor, MemberInput(name, date_joined=joined, **kw))


def give_role(session, actor, member_id: int, code: str, start: date = YEAR_AGO) -> None:
    """A current role, through the real service."""
    role = reference_lists.role_type_id(session, code)
    member_records.add_role(session, actor, member_id, role, start)


def expired_training(session, actor, member_id: int, code: str = "peer_support") -> date:
    """Training that expired ten days ago; returns the expiry date."""
    kind = reference_lists.training_type_id(session, code)
    expires = TODAY - timedelta(days=10)
    member_records.record_training(
        session, actor, member_id, kind, TODAY - timedelta(days=800), expires
    )
    return expires


@pytest.fixture
def facilitator(session, coordinator):
    """A facilitator account: sees and adds members, never restricted fields or exports."""
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    return accounts.sign_in(session, "fran", "tuesday group")


@pytest.fixture
def group(session, coordinator):
    """Three people: Zoë (peer supporter), Amir and Bea (who goes by "Bea")."""
    zoe = add(session, coordinator, "Zoë Adams", email="zoe@example.org", phone="07700 900123")
    amir = add(session, coordinator, "Amir Khan", phone="0161 496 0000")
    bea = add(session, coordinator, "Beatrice Lowe", preferred_name="Bea")
    give_role(session, coordinator, zoe.id, "peer_supporter")
    return {"zoe": zoe, "amir": amir, "bea": bea}


def names(view: MembersView) -> list[str]:
    """The names in the Name column, top to bottom."""
    return [view.model.index(r, 0).data() for r in range(view.model.rowCount())]


def make_view(qtbot, context, actor) -> MembersView:
    view = MembersView(context, actor)
    qtbot.addWidget(view)
    view.resize(1180, 680)
    view.show()
    view.activateWindow()
    qtbot.waitActive(view)
    return view


def test_list_shows_members_alphabetically_with_counts(qtbot, context, coordinator, group):
    view = make_view(qtbot, context, coordinator)
    assert names(view) == ["Amir Khan", "Bea Lowe", "Zoë Adams"]
    assert view.counts_label.text() == "3 members · 1 peer supporter"
    zoe_row = names(view).index("Zoë Adams")
    assert view.model.index(zoe_row, 2).data() == "Peer supporter"
    assert view.model.index(zoe_row, 6).data() == format_date(YEAR_AGO)  # "Tue 3 Mar 2026"


def test_empty_list_explains_and_offers_first_action(qtbot, context, coordinator):
    view = make_view(qtbot, context, coordinator)
    assert view.list_stack.currentWidget() is view.empty_state
    assert "No members yet" in view.empty_state.message.text()
    assert view.empty_state.add_button.isVisible()
    assert view.empty_state.import_button.isVisible()
    assert view.counts_label.text() == "0 members · 0 peer supporters"


def test_typing_a_search_narrows_the_list_after_a_pause(qtbot, context, coordinator, group):
    view = make_view(qtbot, context, coordinator)
    type_text(qtbot, view.search_box, "zoe")
    assert view.model.rowCount() == 3  # debounced: nothing runs on each keystroke
    qtbot.waitUntil(lambda: names(view) == ["Zoë Adams"], timeout=2000)
    assert view.counts_label.text() == "1 of 3 members matches · 1 peer supporter"
    view.search_box.clear()
    type_text(qtbot, view.search_box, "0161 496")
    qtbot.waitUntil(lambda: names(view) == ["Amir Khan"], timeout=2000)


def test_no_match_says_so_and_show_all_clears(qtbot, context, coordinator, group):
    view = make_view(qtbot, context, coordinator)
    type_text(qtbot, view.search_box, "Quentin")
    qtbot.waitUntil(lambda: view.list_stack.currentWidget() is view.empty_state, timeout=2000)
    assert "No one matches “Quentin”" in view.empty_state.message.text()
    assert "Everyone" in view.empty_state.message.text()  # hint: they may have left
    qtbot.mouseClick(view.empty_state.show_all_button, Qt.MouseButton.LeftButton)
    assert view.search_box.text() == "" and len(names(view)) == 3


def test_people_who_left_show_only_when_asked(qtbot, context, coordinator, session, group):
    members.change_status(session, coordinator, group["amir"].id, MemberStatus.LEFT, TODAY)
    view = make_view(qtbot, context, coordinator)
    assert "Amir Khan" not in names(view)
    assert view.counts_label.text() == "2 members · 1 peer supporter"
    view.filters.status_box.setCurrentText("Left")
    assert names(view) == ["Amir Khan"]
    assert view.model.index(0, 1).data() == "Left"
    view.filters.status_box.setCurrentText("Everyone")
    assert names(view) == ["Amir Khan", "Bea Lowe", "Zoë Adams"]


def test_role_filter(qtbot, context, coordinator, group):
    view = make_view(qtbot, context, coordinator)
    view.filters.role_box.setCurrentText("Peer supporter")
    assert names(view) == ["Zoë Adams"]
    assert view.counts_label.text() == "1 of 3 members matches · 1 peer supporter"
    view.filters.role_box.setCurrentText("Staff")
    assert view.list_stack.currentWidget() is view.empty_state


def test_training_column_says_expired_in_words_with_an_icon(
    qtbot, context, coordinator, session, group
):
    expired_training(session, coordinator, group["bea"].id)
    view = make_view(qtbot, context, coordinator)
    row = names(view).index("Bea Lowe")
    cell = view.model.index(row, 3)
    assert cell.data() == "1 expired"
    assert cell.data(Qt.ItemDataRole.DecorationRole) is not None
    view.filters.training_box.setCurrentText("Expired")
    assert names(view) == ["Bea Lowe"]


def test_sorting_orders_every_row_not_just_the_first_batch(
    qtbot, context, coordinator, session, monkeypatch
):
    monkeypatch.setattr(table_model, "BATCH", 2)
    add(session, coordinator, "Ada Early", joined=date(2020, 1, 1))
    add(session, coordinator, "Bo Middle", joined=date(2022, 1, 1))
    add(session, coordinator, "Zed Newest", joined=date(2024, 1, 1))
    view = make_view(qtbot, context, coordinator)
    assert view.model.rowCount() == 2  # a batch at a time
    view.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    assert names(view)[0] == "Zed Newest"  # was not in the first batch by name


def test_enter_opens_the_member_and_escape_comes_back(qtbot, context, coordinator, group):
    view = make_view(qtbot, context, coordinator)
    view.search_box.setFocus()
    qtbot.keyClick(view.search_box, Qt.Key.Key_Down)  # from the search box into the list
    assert view.focusWidget() is view.table
    qtbot.keyClick(view.table, Qt.Key.Key_Down)
    assert names(view)[view.table.currentIndex().row()] == "Bea Lowe"
    qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert view.showing_member()
    assert view.page.name_label.text() == "Bea Lowe"
    assert any("Beatrice Lowe" in text for text in view.page.texts())
    qtbot.keyClick(view.page.focusWidget(), Qt.Key.Key_Escape)
    assert not view.showing_member()
    assert names(view)[view.table.currentIndex().row()] == "Bea Lowe"  # still where they were


def test_double_click_opens_the_member(qtbot, context, coordinator, group):
    view = make_view(qtbot, context, coordinator)
    row = names(view).index("Zoë Adams")
    rect = view.table.visualRect(view.model.index(row, 0))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.showing_member() and view.page.name_label.text() == "Zoë Adams"


def test_table_model_passes_model_tester(qtmodeltester, context, coordinator, session, group):
    expired_training(session, coordinator, group["zoe"].id)
    model = MembersTableModel()
    with context.session() as s:
        model.set_rows(list_members(s, coordinator).rows)
    qtmodeltester.check(model)
    model.sort(3, Qt.SortOrder.AscendingOrder)
    assert model.index(0, 0).data() == "Zoë Adams"  # the expired training first
    qtmodeltester.check(model)


def test_add_member_opens_the_new_members_page(qtbot, context, coordinator, group, monkeypatch):
    class FakeDialog(QDialog):
        """Stands in for the add dialog: saves through the service as the real one does."""

        open_member_requested = Signal(int)

        def __init__(self, context, actor, member=None, parent=None):
            super().__init__(parent)
            self.saved = None
            self.context, self.actor = context, actor

        def exec(self) -> int:
            with self.context.session() as s:
                self.saved = add(s, self.actor, "Chidi Okafor")
            return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(member_dialog, "MemberDialog", FakeDialog)
    view = make_view(qtbot, context, coordinator)
    qtbot.mouseClick(view.add_button, Qt.MouseButton.LeftButton)
    assert view.showing_member() and view.page.name_label.text() == "Chidi Okafor"
    assert "Chidi Okafor" in names(view)
    assert view.counts_label.text() == "4 members · 1 peer supporter"


def test_facilitator_sees_no_import_or_export(qtbot, context, facilitator, group):
    view = make_view(qtbot, context, facilitator)
    assert view.add_button.isVisible()
    assert not view.import_button.isVisible()
    assert not view.export_button.isVisible()


def test_export_saves_the_filtered_list(qtbot, context, coordinator, group, tmp_path, monkeypatch):
    calls = []

    def export_members(session, actor, filt, path: Path, fmt: str) -> int:
        calls.append((filt.search, path, fmt))
        return 1

    fake = types.ModuleType("involve_desktop.core.services.member_export")
    fake.export_members = export_members
    monkeypatch.setitem(sys.modules, "involve_desktop.core.services.member_export", fake)
    target = tmp_path / "members"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV file (*.csv)")
    )
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: told.append(a[2]))
    view = make_view(qtbot, context, coordinator)
    type_text(qtbot, view.search_box, "zoe")
    qtbot.keyClick(view.export_button, Qt.Key.Key_Space)
    assert calls == [("zoe", tmp_path / "members.csv", "csv")]
    assert told and "Saved 1 member to" in told[0]
