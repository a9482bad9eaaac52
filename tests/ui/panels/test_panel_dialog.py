"""The panel dialog driven as a coordinator would: set up, seat people, policy line,
the training override, an outside person's job title, the debrief, cancelling."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialog, QInputDialog

from involve_desktop.core.services import panels, panels_policy
from involve_desktop.core.services.panels_dto import PanelPolicy, PanelStatus, PolicyKind
from involve_desktop.ui.panels.panel_cancel import CancelPanelDialog
from involve_desktop.ui.panels.panel_dialog import PanelDialog
from involve_desktop.ui.panels.seat_dialogs import AddLivedDialog, AddStaffDialog
from tests.core.panels.helpers import PANEL_DAY, TODAY, panel, person, seat, trained
from tests.ui.rota.scripting import scripted
from tests.ui.typing import type_text


def saved_panel(session, actor, panel_id: int):
    """The panel as stored now (a fresh read: the screens wrote in their own sessions)."""
    session.rollback()
    return panels.get_panel(session, actor, panel_id)


def open_dialog(qtbot, context, actor, panel_id=None) -> PanelDialog:
    dialog = PanelDialog(context, actor, panel_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def seat_lived(qtbot, monkeypatch, dialog: PanelDialog, member_id: int, search: str = "") -> None:
    def script(d: AddLivedDialog) -> None:
        if search:
            type_text(qtbot, d.search, search)
        assert d.choose(member_id)
        d.seat()

    scripted(monkeypatch, AddLivedDialog, script)
    dialog.people.lived_button.click()


def seat_outside(qtbot, monkeypatch, dialog: PanelDialog, name: str, job: str) -> list:
    def script(d: AddStaffDialog) -> None:
        type_text(qtbot, d.outside_name, name)
        if job:
            type_text(qtbot, d.job_title, job)
        d.seat()

    opened = scripted(monkeypatch, AddStaffDialog, script)
    dialog.people.staff_button.click()
    return opened


def test_a_panel_is_set_up_and_the_policy_line_follows_each_seat(
    qtbot, monkeypatch, context, session, coordinator
):
    panels_policy.save_policy(session, coordinator, PanelPolicy(PolicyKind.EQUAL))
    aisha = trained(session, coordinator, "Aisha Khan")
    ben = trained(session, coordinator, "Ben Okafor")
    dialog = open_dialog(qtbot, context, coordinator)
    assert not dialog.tabs.isTabEnabled(dialog.people_index)  # details first
    type_text(qtbot, dialog.details.post_title, "Peer Support Worker")
    dialog.details.day.setDate(QDate(PANEL_DAY.year, PANEL_DAY.month, PANEL_DAY.day))
    dialog.save()  # no venue, not online
    assert "venue" in dialog.details.labels["venue"].text().lower()
    assert dialog.info is None
    type_text(qtbot, dialog.details.venue, "Riverside office")
    qtbot.keyClick(dialog.details.venue, Qt.Key.Key_Return)  # Enter saves the details
    assert dialog.info is not None and dialog.tabs.currentIndex() == dialog.people_index
    assert dialog.result() != QDialog.DialogCode.Accepted  # stays open to add people

    seat_lived(qtbot, monkeypatch, dialog, aisha)
    seat_outside(qtbot, monkeypatch, dialog, "Jo Manager", "Service Manager")
    seat_outside(qtbot, monkeypatch, dialog, "Sam Lead", "Team Leader")
    assert dialog.people.policy.text() == (
        "⚠ This panel needs 1 more lived-experience member to meet your policy "
        "(at least as many lived-experience members as staff)"
    )
    seat_lived(qtbot, monkeypatch, dialog, ben)
    assert (
        dialog.people.policy.text()
        == "✓ Meets your policy (at least as many lived-experience members as staff)"
    )
    saved = saved_panel(session, coordinator, dialog.panel_id)
    assert saved.post_title == "Peer Support Worker" and saved.day == PANEL_DAY
    assert [(s.name, s.kind.value) for s in saved.seats] == [
        ("Aisha Khan", "lived_experience"),
        ("Ben Okafor", "lived_experience"),
        ("Jo Manager", "staff"),
        ("Sam Lead", "staff"),
    ]
    table = dialog.people.table
    assert table.item(2, 1).text() == "Staff (Service Manager, outside)"

    table.selectRow(0)  # Aisha chairs
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Chair", True))
    dialog.people.role_button.click()
    assert table.item(0, 2).text() == "Chair"
    table.selectRow(1)  # Ben taken off (the question is answered Yes)
    dialog.people.remove_button.click()
    assert "⚠ This panel needs 1 more" in dialog.people.policy.text()
    assert [s.name for s in saved_panel(session, coordinator, dialog.panel_id).seats] == [
        "Aisha Khan",
        "Jo Manager",
        "Sam Lead",
    ]


def test_a_member_without_panel_training_is_seated_only_with_a_reason(
    qtbot, monkeypatch, context, session, coordinator
):
    cat = person(session, coordinator, "Cat Jones", lived=True)  # no training recorded
    panel_id = panel(session, coordinator)
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    seen: dict[str, str] = {}

    def script(d: AddLivedDialog) -> None:
        assert d.list.count() == 0  # not suggested: not trained
        type_text(qtbot, d.search, "Cat")
        assert d.list.item(0).text() == (
            "Cat Jones — not suggested: no recruitment-panel training recorded"
        )
        assert d.choose(cat)
        d.seat()
        assert d.result() != QDialog.DialogCode.Accepted
        seen["limit"] = d.anyway.text()
        seen["button"] = d.seat_button.text()
        d.seat()  # no reason yet
        seen["reason error"] = d.labels["override_reason"].text()
        type_text(qtbot, d.reason, "Refresher booked for 5 March")
        d.seat()

    scripted(monkeypatch, AddLivedDialog, script)
    dialog.people.lived_button.click()
    assert "Cat Jones has no recruitment panel training recorded" in seen["limit"]
    assert "Seat them anyway?" in seen["limit"]
    assert seen["button"] == "&Seat them anyway"  # Alt+S again seats them
    assert "Give the reason" in seen["reason error"]
    seat = saved_panel(session, coordinator, panel_id).seats[0]
    assert seat.member_id == cat and seat.override_reason == "Refresher booked for 5 March"
    assert dialog.people.table.item(0, 3).text() == "Refresher booked for 5 March"


def test_a_hard_refusal_is_said_plainly_and_another_person_can_be_chosen(
    qtbot, monkeypatch, context, session, coordinator
):
    hana = trained(session, coordinator, "Hana Staff", lived=False)
    ivy = trained(session, coordinator, "Ivy Lee")
    dialog = open_dialog(qtbot, context, coordinator, panel(session, coordinator))
    seen: dict[str, str] = {}

    def script(d: AddLivedDialog) -> None:
        type_text(qtbot, d.search, "Hana")
        assert d.choose(hana)
        d.seat()
        seen["refusal"] = d.fallback.text()
        seen["anyway shown"] = str(d.reason.isVisibleTo(d))
        d.search.clear()
        assert d.choose(ivy)  # suggested: trained and free
        d.seat()

    scripted(monkeypatch, AddLivedDialog, script)
    dialog.people.lived_button.click()
    assert "Hana Staff's record says they do not have lived experience" in seen["refusal"]
    assert seen["anyway shown"] == "False"  # no way round a hard rule
    assert [s.name for s in saved_panel(session, coordinator, dialog.panel_id).seats] == ["Ivy Lee"]


def test_an_outside_person_needs_a_job_title_beside_the_box(
    qtbot, monkeypatch, context, session, coordinator
):
    dialog = open_dialog(qtbot, context, coordinator, panel(session, coordinator))
    opened = seat_outside(qtbot, monkeypatch, dialog, "Jo Manager", "")
    staff_dialog = opened[0]
    assert staff_dialog.result() != QDialog.DialogCode.Accepted
    assert "Job title" in staff_dialog.labels["job_title"].text()
    assert staff_dialog.labels["job_title"].isVisibleTo(staff_dialog)
    assert staff_dialog.outside_name.text() == "Jo Manager"  # what was typed is kept
    assert not saved_panel(session, coordinator, dialog.panel_id).seats


def test_preparation_and_debrief_are_saved_and_read_back(qtbot, context, session, coordinator):
    held_day = date(2026, 2, 20)
    panel_id = panel(session, coordinator, "Team Leader", held_day)
    seat(session, coordinator, panel_id, trained(session, coordinator, "Ivy Lee"))
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    form = dialog.process
    form.briefing.set_value(date(2026, 2, 16))
    form.shortlisting.setChecked(True)
    form.scoring.setChecked(True)
    form.questions.setPlainText("How would you support someone\nwho is struggling?")
    form.debrief.set_value(date(2026, 3, 5))  # after today: refused beside the box
    dialog.save()
    assert dialog.tabs.currentIndex() == dialog.process_index
    assert "debrief" in form.labels["debrief_on"].text().lower()
    form.debrief.set_value(date(2026, 2, 27))
    form.feedback.setChecked(True)
    dialog.save()
    assert dialog.result() == QDialog.DialogCode.Accepted
    info = saved_panel(session, coordinator, panel_id)
    assert (info.briefing_on, info.debrief_on) == (date(2026, 2, 16), date(2026, 2, 27))
    assert info.shortlisting and info.scoring and info.feedback_given
    assert not info.question_setting
    assert info.questions_contributed == "How would you support someone\nwho is struggling?"

    again = open_dialog(qtbot, context, coordinator, panel_id)
    assert again.process.debrief.value() == date(2026, 2, 27)
    assert again.process.questions.toPlainText().startswith("How would you")
    assert not again.is_dirty()
    again.held_button.click()
    assert saved_panel(session, coordinator, panel_id).status is PanelStatus.HELD
    status = again.status_label.text()
    assert status.startswith("Status: Held.")
    # The policy shows beside the status on every tab, not only on People.
    assert "Meets policy" in status or "too few" in status


def test_cancel_needs_a_reason_and_can_be_undone(qtbot, monkeypatch, context, session, coordinator):
    panel_id = panel(session, coordinator)
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    seen: dict[str, str] = {}

    def script(d: CancelPanelDialog) -> None:
        d.cancel_panel()
        seen["error"] = d.reason_error.text()
        type_text(qtbot, d.reason, "Post put on hold")
        d.cancel_panel()

    scripted(monkeypatch, CancelPanelDialog, script)
    dialog.cancel_button.click()
    assert "Reason for cancelling" in seen["error"]
    info = saved_panel(session, coordinator, panel_id)
    assert info.status is PanelStatus.CANCELLED and info.cancelled_reason == "Post put on hold"
    assert "Cancelled: Post put on hold" in dialog.status_label.text()
    assert not dialog.details.isEnabled() and not dialog.people.lived_button.isEnabled()
    assert dialog.reinstate_button.isVisibleTo(dialog)
    dialog.reinstate_button.click()
    assert saved_panel(session, coordinator, panel_id).status is PanelStatus.PLANNED
    assert dialog.details.isEnabled()


def test_esc_asks_before_throwing_away_typing(
    qtbot, context, session, coordinator, answered_questions
):
    dialog = open_dialog(qtbot, context, coordinator, panel(session, coordinator))
    dialog.reject()  # nothing typed: closes without asking
    assert not answered_questions
    dialog = open_dialog(qtbot, context, coordinator, panel(session, coordinator, "Other"))
    type_text(qtbot, dialog.details.team, " (North)")
    dialog.reject()
    assert answered_questions and "not saved" in answered_questions[0]


def test_tab_goes_through_the_details_in_reading_order(qtbot, context, coordinator):
    dialog = open_dialog(qtbot, context, coordinator)
    order = dialog.details.tab_order
    dialog.details.online.setChecked(True)  # the link box takes part once Online is ticked
    for first, second in zip(order, order[1:], strict=False):
        nxt = first.nextInFocusChain()
        while (
            first.isAncestorOf(nxt)  # a date or number box's own text box
            or not nxt.focusPolicy() & Qt.FocusPolicy.TabFocus
            or not nxt.isEnabled()
        ):
            nxt = nxt.nextInFocusChain()
        assert nxt is second or second.isAncestorOf(nxt), (first, second, nxt)


def test_a_panel_still_to_come_cannot_be_marked_held(qtbot, context, session, coordinator):
    dialog = open_dialog(qtbot, context, coordinator, panel(session, coordinator))
    assert not dialog.held_button.isEnabled()
    assert "mark it held on or after that day" in dialog.held_button.toolTip()
