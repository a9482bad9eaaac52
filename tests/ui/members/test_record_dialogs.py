"""Status, role, training and consent dialogs: the choices offered, pre-filled dates, saving."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from involve_desktop.core.dates import add_months
from involve_desktop.core.services import member_records, members, reference_lists
from involve_desktop.core.services.member_dto import (
    ConsentHow,
    MemberInput,
    MemberStatus,
    TrainingState,
)
from involve_desktop.ui.members.dialog_widgets import to_qdate
from involve_desktop.ui.members.record_dialogs import (
    ConsentDialog,
    RoleDialog,
    StatusDialog,
    TrainingDialog,
)
from tests.ui.typing import type_text


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """Fail loudly if a message box opens (no test may wait for a click)."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[2] if len(args) > 2 else args}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse)


@pytest.fixture
def zoe(session, coordinator):
    """Zoë, active, a peer supporter since last year."""
    m = members.create_member(
        session, coordinator, MemberInput("Zoë Adams", date_joined=date(2024, 5, 1))
    )
    peer = reference_lists.role_type_id(session, "peer_supporter")
    member_records.add_role(session, coordinator, m.id, peer, date(2024, 6, 1))
    return members.get_member(session, coordinator, m.id)


def shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def choices(dialog: StatusDialog) -> list[str]:
    return [button.text() for button in dialog.choice.buttons()]


def click_save(qtbot, dialog) -> None:
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)


def test_stepping_back_keeps_history_and_roles(qtbot, context, coordinator, zoe):
    dialog = shown(qtbot, StatusDialog(context, coordinator, zoe))
    assert dialog.intro.text().startswith("Zoë Adams is active.")
    assert choices(dialog) == ["Step back for a while", "Leave the group"]
    assert "roles, training, consent and history all stay" in dialog.explain.text()
    assert dialog.check_in.isVisible() and not dialog.reason.isVisible()
    check_in = date.today() + timedelta(days=42)
    qtbot.keyClick(dialog.check_in.check, Qt.Key.Key_Space)
    dialog.check_in.edit.setDate(to_qdate(check_in))
    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    saved = dialog.saved
    assert saved.status is MemberStatus.STEPPING_BACK and saved.check_in_on == check_in
    assert [h.status for h in saved.history] == [MemberStatus.ACTIVE, MemberStatus.STEPPING_BACK]
    assert [r.name for r in saved.roles if r.current] == ["Peer supporter"]

    back = shown(qtbot, StatusDialog(context, coordinator, saved))
    assert back.intro.text().startswith("Zoë Adams is stepping back (check in on ")
    assert choices(back) == ["Return to active", "Leave the group"]
    assert not back.check_in.isVisible()
    click_save(qtbot, back)
    assert back.saved.status is MemberStatus.ACTIVE and len(back.saved.history) == 3


def test_leaving_with_reason_then_only_restore_is_offered(qtbot, context, coordinator, zoe):
    dialog = shown(qtbot, StatusDialog(context, coordinator, zoe))
    leave = dialog.choice.button(1)
    qtbot.mouseClick(leave, Qt.MouseButton.LeftButton, pos=QPoint(8, leave.height() // 2))
    assert dialog.chosen() is MemberStatus.LEFT
    assert dialog.reason.isVisible() and not dialog.check_in.isVisible()
    assert dialog.form.labelForField(dialog.date_row).text() == "Left on:"
    type_text(qtbot, dialog.reason, "Moved to Cardiff")
    click_save(qtbot, dialog)
    assert dialog.saved.status is MemberStatus.LEFT
    assert dialog.saved.left_reason == "Moved to Cardiff"
    again = shown(qtbot, StatusDialog(context, coordinator, dialog.saved))
    assert "left the group on" in again.intro.text() and "(Moved to Cardiff)" in again.intro.text()
    assert choices(again) == ["Restore — they have come back"]


def test_status_date_in_future_shown_beside_the_date(qtbot, context, coordinator, zoe):
    dialog = shown(qtbot, StatusDialog(context, coordinator, zoe))
    dialog.effective_on.setDate(to_qdate(date.today() + timedelta(days=3)))
    click_save(qtbot, dialog)
    label = dialog.error_labels["effective_on"]
    assert dialog.isVisible() and label.isVisible()
    assert "cannot be in the future" in label.text()
    with context.session() as session:
        assert members.get_member(session, coordinator, zoe.id).status is MemberStatus.ACTIVE


def test_training_expiry_prefilled_from_validity(qtbot, context, coordinator, zoe):
    dialog = shown(qtbot, TrainingDialog(context, coordinator, zoe))
    dialog.training.setCurrentIndex(dialog.training.findText("Leadership programme"))
    assert dialog.expiry.value() is None
    assert dialog.expiry_note.text().startswith("Does not expire")
    dialog.training.setCurrentIndex(dialog.training.findText("Peer support"))
    completed = date.today() - timedelta(days=100)
    dialog.completed_on.setDate(to_qdate(completed))
    assert dialog.expiry.value() == add_months(completed, 24)
    assert "stays current for 24 months" in dialog.expiry_note.text()
    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    (record,) = dialog.saved.training
    assert (record.name, record.completed_on) == ("Peer support", completed)
    assert record.expires_on == add_months(completed, 24)
    assert record.state is TrainingState.CURRENT


def test_training_expiry_edited_by_hand_is_kept(qtbot, context, coordinator, zoe):
    dialog = shown(qtbot, TrainingDialog(context, coordinator, zoe))
    dialog.training.setCurrentIndex(dialog.training.findText("Safeguarding"))
    own = date.today() + timedelta(days=200)
    dialog.expiry.edit.setDate(to_qdate(own))
    dialog.completed_on.setDate(to_qdate(date.today() - timedelta(days=1)))
    assert dialog.expiry.value() == own  # changing the completed date keeps the typed expiry
    click_save(qtbot, dialog)
    assert dialog.saved.training[0].expires_on == own


def test_add_role_with_end_before_start_is_refused_beside_end(qtbot, context, coordinator, zoe):
    dialog = shown(qtbot, RoleDialog(context, coordinator, zoe))
    assert "holds: Peer supporter" in dialog.intro.text()
    dialog.role.setCurrentIndex(dialog.role.findText("Facilitator"))
    dialog.start_on.setDate(to_qdate(date(2025, 3, 1)))
    qtbot.keyClick(dialog.end_on.check, Qt.Key.Key_Space)
    dialog.end_on.edit.setDate(to_qdate(date(2025, 2, 1)))
    click_save(qtbot, dialog)
    label = dialog.error_labels["end_on"]
    assert label.isVisible() and "on or after the start date" in label.text()
    dialog.end_on.edit.setDate(to_qdate(date(2025, 9, 30)))
    click_save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    ended = [r for r in dialog.saved.roles if r.name == "Facilitator"]
    assert [(r.start_on, r.end_on) for r in ended] == [(date(2025, 3, 1), date(2025, 9, 30))]


def test_end_a_current_role(qtbot, context, coordinator, zoe):
    (peer,) = zoe.roles
    dialog = shown(qtbot, RoleDialog(context, coordinator, zoe, ending=peer))
    assert dialog.ending_mode() and dialog.save_button.text() == "End role"
    assert dialog.held.currentText() == "Peer supporter, since Sat 1 Jun 2024"
    assert dialog.ended_on.isVisible() and not dialog.role.isVisible()
    dialog.ended_on.setDate(to_qdate(date(2025, 1, 31)))
    click_save(qtbot, dialog)
    (role,) = dialog.saved.roles
    assert role.end_on == date(2025, 1, 31) and not role.current


def test_consent_review_defaults_to_a_year_later(qtbot, context, coordinator, zoe):
    dialog = shown(qtbot, ConsentDialog(context, coordinator, zoe))
    assert not any(box.isChecked() for box in dialog.agreed.values())  # nothing pre-ticked
    given = date(2025, 2, 28)
    dialog.given_on.setDate(to_qdate(given))
    assert dialog.review_on.date() == to_qdate(date(2026, 2, 28))
    dialog.how.setCurrentIndex(dialog.how.findText("Verbal"))
    for key in ("keeping_records", "contact_email"):
        qtbot.keyClick(dialog.agreed[key], Qt.Key.Key_Space)
    click_save(qtbot, dialog)
    consent = dialog.saved.current_consent
    assert consent.how is ConsentHow.VERBAL and consent.review_on == date(2026, 2, 28)
    assert consent.describe() == "Keeping records, contact by email"
    again = shown(qtbot, ConsentDialog(context, coordinator, dialog.saved))
    assert "Last recorded Fri 28 Feb 2025: keeping records, contact by email." in (
        again.intro.text()
    )


def test_escape_closes_without_saving(qtbot, context, coordinator, zoe):
    dialog = shown(qtbot, ConsentDialog(context, coordinator, zoe))
    qtbot.keyClick(dialog.given_on, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected
    with context.session() as session:
        assert members.get_member(session, coordinator, zoe.id).consents == ()


def test_dates_read_like_the_rest_of_the_app(qtbot, context, coordinator, zoe):
    dialog = shown(qtbot, ConsentDialog(context, coordinator, zoe))
    dialog.given_on.setDate(to_qdate(date(2026, 3, 3)))
    assert dialog.given_on.text() == "3 Mar 2026, Tue"  # day first so it can be typed
    assert dialog.given_on.calendarPopup()
