"""Meetings with no group yet: one line on what the area is for and the first step as a
button ("Add a group…", Alt+D) that opens the group form, offered only to an account that
may add groups; nothing below while there is no group to show."""

from __future__ import annotations

from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts
from involve_desktop.ui.meetings.group_dialog import GroupDialog
from involve_desktop.ui.meetings.meetings_view import (
    ADD_GROUP,
    NO_GROUPS,
    NO_GROUPS_READ_ONLY,
    MeetingsView,
)
from tests.core.meetings.helpers import TODAY, group
from tests.ui.rota.scripting import scripted


def open_view(qtbot, context, actor) -> MeetingsView:
    view = MeetingsView(context, actor, today=TODAY)
    qtbot.addWidget(view)
    view.resize(1090, 560)
    view.show()
    return view


def test_a_coordinator_is_offered_the_first_group(qtbot, monkeypatch, context, coordinator):
    view = open_view(qtbot, context, coordinator)
    assert view.empty.isVisible() and view.empty.text() == NO_GROUPS
    assert view.empty.button.isVisible() and view.empty.button.text() == ADD_GROUP
    assert "&d" in ADD_GROUP  # an Alt letter
    assert not view.group_table.isVisible() and not view.group_detail.isVisible()
    opened = scripted(monkeypatch, GroupDialog, lambda d: d.reject())
    view.empty.button.click()
    assert len(opened) == 1 and opened[0].windowTitle()


def test_after_the_first_group_the_list_and_its_meetings_show(qtbot, context, session, coordinator):
    view = open_view(qtbot, context, coordinator)
    group(session, coordinator)
    view.load_groups()
    assert not view.empty.isVisible()
    assert view.group_table.isVisible() and view.group_detail.isVisible()


def test_a_facilitator_sees_only_the_words(qtbot, context, session, coordinator):
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    facilitator = accounts.sign_in(session, "fran", "tuesday group")
    view = open_view(qtbot, context, facilitator)
    assert view.empty.isVisible() and view.empty.text() == NO_GROUPS_READ_ONLY
    assert not view.empty.button.isVisible() and not view.empty.offers_button()
