"""The panel dialog saves Details and Preparation together or not at all, refuses a day that
crosses the briefing beside Day, and says why seat buttons cannot be used."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import QDate

from involve_desktop.core.services import panels, panels_seats
from involve_desktop.core.services.panels_dto import PanelProcessInput, PanelStatus
from involve_desktop.ui import conflict
from tests.core.panels.helpers import TODAY, panel, seat, trained
from tests.core.panels.test_changes_kept_whole import details
from tests.ui.panels.test_panel_dialog import open_dialog, saved_panel, seat_lived
from tests.ui.test_edit_conflict import _answer_conflict

HELD_DAY = date(2026, 2, 20)


def held_panel(session, coordinator) -> int:
    """A held panel (Fri 20 Feb 2026), briefed on Mon 16 Feb, with Ivy Lee on it."""
    panel_id = panel(session, coordinator, "Team Leader", HELD_DAY)
    seat(session, coordinator, panel_id, trained(session, coordinator, "Ivy Lee"))
    panels.mark_held(session, coordinator, panel_id, today=TODAY)
    panels.record_process(
        session,
        coordinator,
        panel_id,
        PanelProcessInput(briefing_on=date(2026, 2, 16)),
        today=TODAY,
    )
    return panel_id


def test_moving_the_day_before_the_briefing_is_refused_beside_day(
    qtbot, context, session, coordinator
):
    panel_id = held_panel(session, coordinator)
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    dialog.details.day.setDate(QDate(2026, 1, 17))
    dialog.process.feedback.setChecked(True)  # the other tab edited too
    dialog.save()
    assert dialog.isVisible()
    assert dialog.tabs.currentIndex() == dialog.details_index
    day_error = dialog.details.labels["day"].text()
    assert "The briefing is recorded on Mon 16 Feb 2026, after Sat 17 Jan 2026" in day_error
    info = saved_panel(session, coordinator, panel_id)
    assert info.day == HELD_DAY and not info.feedback_given  # nothing half-saved


def test_a_refused_briefing_leaves_the_details_unsaved_too(qtbot, context, session, coordinator):
    panel_id = held_panel(session, coordinator)
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    dialog.details.venue.setText("Town Hall")
    dialog.process.briefing.set_value(date(2026, 2, 23))  # after the panel day
    dialog.save()
    assert dialog.tabs.currentIndex() == dialog.process_index
    assert "briefing comes before the panel" in dialog.process.labels["briefing_on"].text()
    info = saved_panel(session, coordinator, panel_id)
    assert info.venue == "Riverside Voices office" and info.briefing_on == date(2026, 2, 16)
    dialog.process.briefing.set_value(date(2026, 2, 18))
    dialog.save()
    info = saved_panel(session, coordinator, panel_id)
    assert (info.venue, info.briefing_on) == ("Town Hall", date(2026, 2, 18))


def test_the_only_person_on_a_held_panel_cannot_be_removed_and_it_says_why(
    qtbot, context, session, coordinator
):
    panel_id = held_panel(session, coordinator)
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    people = dialog.people
    people.table.selectRow(0)
    assert people.role_button.isEnabled() and not people.remove_button.isEnabled()
    assert people.note.isVisibleTo(people)
    assert people.note.text().startswith("A held panel needs at least one person")
    assert people.remove_button.toolTip() == people.note.text()


def test_a_cancelled_panel_says_to_reinstate_it_before_changing_seats(
    qtbot, context, session, coordinator
):
    panel_id = panel(session, coordinator)
    seat(session, coordinator, panel_id, trained(session, coordinator, "Ivy Lee"))
    panels.cancel_panel(session, coordinator, panel_id, "Post put on hold")
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    people = dialog.people
    people.table.selectRow(0)
    buttons = (people.lived_button, people.staff_button, people.role_button, people.remove_button)
    assert not any(b.isEnabled() for b in buttons)
    assert people.note.text() == panels_seats.CANCELLED
    assert people.note.isVisibleTo(people)
    dialog.reinstate_button.click()
    people.table.selectRow(0)
    assert people.remove_button.isEnabled() and not people.note.isVisibleTo(people)


def test_a_save_after_mark_held_or_reinstate_is_not_taken_for_someone_elses_change(
    qtbot, monkeypatch, context, session, coordinator, answered_questions
):
    """Mark held says to record the debrief next: that Save must save, not ask whether to
    overwrite "someone else's" change (the status change raised the panel's version)."""
    panel_id = panel(session, coordinator, "Team Leader", HELD_DAY)
    seat(session, coordinator, panel_id, trained(session, coordinator, "Ivy Lee"))
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    dialog.held_button.click()
    dialog.process.feedback.setChecked(True)
    dialog.save()
    assert answered_questions == []  # no "saved … in another window" question
    assert saved_panel(session, coordinator, panel_id).feedback_given
    other = panel(session, coordinator, "Peer Worker", date(2026, 12, 4))
    panels.cancel_panel(session, coordinator, other, "Post withdrawn")
    dialog = open_dialog(qtbot, context, coordinator, other)
    dialog.reinstate_button.click()
    dialog.details.venue.setText("Room 9")
    dialog.save()
    assert answered_questions == []
    assert saved_panel(session, coordinator, other).venue == "Room 9"


def test_mark_held_after_someone_elses_save_is_refused_and_keeps_their_change(
    qtbot, context, session, coordinator
):
    """The dialog took the new version after a status action; had it taken someone else's
    save with it, its next Save would have put its stale venue back over theirs."""
    panel_id = panel(session, coordinator, "Team Leader", HELD_DAY)
    seat(session, coordinator, panel_id, trained(session, coordinator, "Ivy Lee"))
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    theirs = saved_panel(session, coordinator, panel_id)
    moved = replace(details(session, coordinator, panel_id, HELD_DAY), venue="Town Hall")
    panels.update_panel(session, coordinator, panel_id, moved, today=TODAY)
    dialog.mark_held()
    assert "in another window or on another laptop" in dialog.fallback.text()
    info = saved_panel(session, coordinator, panel_id)
    assert info.status is PanelStatus.PLANNED and info.venue == "Town Hall"
    assert dialog.version.version == theirs.version  # a Save now is told of their change too


def test_a_seat_added_after_someone_elses_save_does_not_hide_it_from_save(
    qtbot, monkeypatch, context, session, coordinator
):
    panel_id = panel(session, coordinator, "Team Leader", HELD_DAY)
    ivy = trained(session, coordinator, "Ivy Lee")
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    moved = replace(details(session, coordinator, panel_id, HELD_DAY), venue="Town Hall")
    panels.update_panel(session, coordinator, panel_id, moved, today=TODAY)
    seat_lived(qtbot, monkeypatch, dialog, ivy)
    assert [s.name for s in saved_panel(session, coordinator, panel_id).seats] == ["Ivy Lee"]
    dialog.details.candidates.setValue(3)  # an edit of the dialog's own, then Save
    seen: list[str] = []
    _answer_conflict(qtbot, conflict.KEEP_EDITING, seen)  # told of their save, as it should
    dialog.save()
    assert seen and "Nothing of yours has been saved yet." in seen[0]
    assert saved_panel(session, coordinator, panel_id).venue == "Town Hall"  # theirs kept
