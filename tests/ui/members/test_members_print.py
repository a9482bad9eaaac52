"""Ctrl+P on Members prints the members shown: the member sheet this account may print,
with the list's status and role chosen, through the Sheets preview (not a blank sign-in
sheet). A coordinator gets the contact list; a facilitator, who may not copy contact details
onto paper, gets the members summary (counts, no names)."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt

from involve_desktop.core.services import members
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.core.sheets.catalogue import MemberScope, get_sheet
from involve_desktop.ui.main_window import MainWindow
from involve_desktop.ui.members import list_print
from involve_desktop.ui.print_preview import PrintPreviewDialog
from tests.core.rota.conftest import facilitator  # noqa: F401 - fixture


@pytest.fixture
def previews(monkeypatch) -> list[str]:
    """Titles of the previews opened; their exec() returns at once instead of waiting."""
    opened: list[str] = []

    def fake_exec(dialog: PrintPreviewDialog) -> int:
        opened.append(dialog.windowTitle())
        return 0

    monkeypatch.setattr(PrintPreviewDialog, "exec", fake_exec)
    return opened


def open_members(qtbot, context, actor, session) -> MainWindow:
    members.create_member(session, actor, MemberInput("Aisha Khan", date_joined=date(2025, 1, 6)))
    window = MainWindow(context, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return show_members(qtbot, window)


def show_members(qtbot, window: MainWindow) -> MainWindow:
    """Members on screen, the window active (shortcuts reach an active window only)."""
    window.show_area("members")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.members_view.table.setFocus()
    return window


def press_ctrl_p(qtbot, window: MainWindow, previews: list[str]) -> None:
    qtbot.keyClick(window.members_view.table, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: bool(previews), timeout=15_000)


def test_coordinator_ctrl_p_previews_the_contact_list_of_the_members_shown(
    qtbot, context, coordinator, session, previews
):
    window = open_members(qtbot, context, coordinator, session)
    assert window.print_action.text() == "&Print contact list of the members shown…"
    filters = window.members_view.filters
    filters.status_box.setCurrentIndex(1)  # Active
    filters.role_box.setCurrentIndex(1)
    role = filters.role_box.currentText()
    press_ctrl_p(qtbot, window, previews)
    sheets = window.sheets_view
    assert window.current_area() == "sheets"
    assert sheets.current_spec().key == "contact-list"
    assert sheets.form.members_combo.currentData() == MemberScope.ACTIVE
    assert sheets.form.role_combo.currentText() == role
    assert len(previews) == 1 and "Contact list" in previews[0]


def test_training_filter_prints_the_training_due_list(
    qtbot, context, coordinator, session, previews
):
    window = open_members(qtbot, context, coordinator, session)
    window.members_view.filters.training_box.setCurrentIndex(1)  # Due or expired
    assert window.print_action.text() == "&Print training due list of the members shown…"
    press_ctrl_p(qtbot, window, previews)
    assert window.sheets_view.current_spec().key == "training-due"
    assert window.sheets_view.form.members_combo.currentData() == (
        MemberScope.INCLUDING_STEPPING_BACK
    )


def test_facilitator_ctrl_p_previews_the_members_summary_not_a_contact_list(
    qtbot,
    context,
    coordinator,
    facilitator,  # noqa: F811
    session,
    previews,
):
    members.create_member(
        session, coordinator, MemberInput("Ben Morris", date_joined=date(2025, 1, 6))
    )
    window = MainWindow(context, facilitator)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    show_members(qtbot, window)
    assert window.print_action.text() == "&Print members summary (counts, no names)…"
    press_ctrl_p(qtbot, window, previews)
    assert window.sheets_view.current_spec().key == "members-summary"
    assert window.sheets_view.permission_label.isHidden()  # allowed: nothing refused
    assert len(previews) == 1


def test_the_permissions_asked_are_the_catalogues(coordinator, facilitator):  # noqa: F811
    for key, needs in list_print.NEEDS.items():
        assert get_sheet(key).permissions == frozenset(needs)
    for actor in (coordinator, facilitator):
        for key in list_print.NEEDS:
            assert list_print.may_print(actor, key) == get_sheet(key).allowed_for(actor)


def test_ctrl_p_carries_the_search_and_consent_filter_and_prints_only_those_shown(
    qtbot, context, coordinator, session, previews
):
    members.create_member(
        session, coordinator, MemberInput("Ben Morris", date_joined=date(2025, 1, 6))
    )
    window = open_members(qtbot, context, coordinator, session)
    view = window.members_view
    view.search_box.setText("aisha")
    view.filters.consent_box.setChecked(True)  # nobody has consent recorded: both are due
    qtbot.waitUntil(lambda: view.table.model().rowCount() == 1)
    press_ctrl_p(qtbot, window, previews)
    form = window.sheets_view.form
    assert form.search_edit.text() == "aisha"
    assert form.consent_check.isChecked()
    params = form.params("Riverside Voices")
    assert params.search == "aisha" and params.consent_due is True

    # Back in Members with no search: the next Ctrl+P leaves no old filter behind.
    show_members(qtbot, window)
    view.search_box.clear()
    view.filters.consent_box.setChecked(False)
    previews.clear()
    press_ctrl_p(qtbot, window, previews)
    assert form.search_edit.text() == "" and not form.consent_check.isChecked()


@pytest.mark.parametrize(
    ("status_index", "scope", "words"),
    [
        (2, MemberScope.STEPPING_BACK, "of the members shown…"),  # Stepping back
        (4, MemberScope.INCLUDING_STEPPING_BACK, "except those who have left…"),  # Everyone
        (3, MemberScope.INCLUDING_STEPPING_BACK, "of current members (people who have left"),
    ],
)
def test_the_print_words_say_when_people_who_left_are_not_printed(
    qtbot, context, coordinator, session, previews, status_index, scope, words
):
    window = open_members(qtbot, context, coordinator, session)
    window.members_view.filters.status_box.setCurrentIndex(status_index)
    assert words in window.print_action.text()
    press_ctrl_p(qtbot, window, previews)
    assert window.sheets_view.form.members_combo.currentData() == scope
