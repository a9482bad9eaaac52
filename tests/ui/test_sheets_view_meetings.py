"""The Sheets screen's meeting sign-in sheets: the group is chosen from the groups the
account runs (found by a review: a group name with an em dash could not be typed), and what
is typed for one sheet does not turn up in another sheet's field that means something else."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from involve_desktop.core.db.engine import session_factory
from involve_desktop.core.sheets.catalogue import SheetData
from involve_desktop.ui.sheets.sheets_view import SheetsView
from tests.ui.test_sheets_view import GROUP, made, previews, warnings_shown  # noqa: F401

COHORT_3 = "Peer Leadership Programme — Cohort 3"


@pytest.fixture
def meeting_view(qtbot, engine, session, coordinator) -> SheetsView:
    from datetime import date

    from involve_desktop.core.services.meetings_generate import generate_meetings
    from tests.core.meetings.helpers import TODAY, group

    cohort = group(session, coordinator, name=COHORT_3)
    group(session, coordinator, name="Tuesday Peer Support")
    generate_meetings(session, coordinator, TODAY, date(2026, 3, 29), group_id=cohort, today=TODAY)
    screen = SheetsView(lambda: GROUP, data=SheetData(session_factory(engine), coordinator))
    qtbot.addWidget(screen)
    screen.resize(1000, 650)
    screen.show()
    qtbot.waitExposed(screen)
    screen.select_sheet("meeting-sign-in")
    screen.form.week_edit.setText(TODAY.isoformat())
    screen.form.weeks_spin.setValue(1)
    return screen


def test_the_meeting_sign_in_group_is_chosen_from_the_groups(meeting_view) -> None:
    form = meeting_view.form
    combo = form.group_combo
    assert combo.isVisibleTo(meeting_view) and combo.isEditable()
    assert not form.meeting_edit.isVisibleTo(meeting_view)  # the blank sheet's words
    assert [combo.itemText(i) for i in range(combo.count())] == [
        COHORT_3,
        "Tuesday Peer Support",
    ]
    assert combo.currentText() == ""  # nothing chosen for the user
    meeting_view.select_sheet("blank-sign-in")
    assert not combo.isVisibleTo(meeting_view) and form.meeting_edit.isVisibleTo(meeting_view)


def test_a_group_chosen_by_keyboard_previews_its_sheets(qtbot, meeting_view, previews):  # noqa: F811
    combo = meeting_view.form.group_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # the first group, no em dash typed
    assert combo.currentText() == COHORT_3
    text = made(qtbot, meeting_view, previews)
    assert COHORT_3 in text and "Tue 3 Mar 2026" in text


def test_a_name_typed_with_a_hyphen_finds_the_group(qtbot, meeting_view, previews):  # noqa: F811
    qtbot.keyClicks(meeting_view.form.group_combo, "peer leadership programme - cohort 3")
    assert COHORT_3 in made(qtbot, meeting_view, previews)


def test_a_group_that_is_not_there_is_explained_beside_the_group(
    qtbot,
    meeting_view,
    previews,  # noqa: F811
) -> None:
    qtbot.keyClicks(meeting_view.form.group_combo, "Cohort 4")
    meeting_view.activateWindow()  # the completer's list, shown while typing, has gone
    qtbot.waitActive(meeting_view)
    assert made(qtbot, meeting_view, previews) == ""
    message = meeting_view.form.error_text("meeting")
    assert "no group called “Cohort 4”" in message and COHORT_3 in message
    assert meeting_view.form.group_combo.hasFocus()


def test_text_for_one_sheet_does_not_turn_up_in_another(qtbot, meeting_view) -> None:
    """The meeting sign-in's group is not the blank sheet's Meeting (words printed on it),
    and each sheet keeps its own title; the week, a date on both sheets, carries over."""
    form = meeting_view.form
    qtbot.keyClicks(form.group_combo, "Tuesday Peer Support")
    qtbot.keyClicks(form.title_edit, "March sign-in")
    meeting_view.select_sheet("blank-sign-in")
    assert form.meeting_edit.text() == "" and form.title_edit.text() == ""
    assert form.params(GROUP).meeting is None and form.params(GROUP).title is None
    qtbot.keyClicks(form.meeting_edit, "Coffee morning")
    meeting_view.select_sheet("meeting-sign-in")
    assert form.group_combo.currentText() == "Tuesday Peer Support"
    assert form.title_edit.text() == "March sign-in"
    assert form.params(GROUP).meeting == "Tuesday Peer Support"
    meeting_view.select_sheet("rota-gaps")
    assert form.week_edit.text() == "2026-03-02"
