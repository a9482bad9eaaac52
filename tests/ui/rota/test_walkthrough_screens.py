"""Screen behaviour found wanting when trying the rota as a new user: auto-fill with no
shifts, quick period choices, the hours box, swap summaries, pattern limits, number boxes,
field messages that clear once fixed, and dialogs that only ever grow."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QMessageBox, QVBoxLayout

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import rota_assign, rota_shifts, rota_sites
from involve_desktop.ui.messages import FieldErrors, error_label, grow_to_fit
from involve_desktop.ui.rota.autofill_dialog import AutofillDialog
from involve_desktop.ui.rota.setup_pattern import PatternDialog
from involve_desktop.ui.rota.setup_widgets import NO_MINUS, PeriodFields, next_month
from involve_desktop.ui.rota.shift_outcome import OutcomeDialog
from involve_desktop.ui.rota.shift_panel import ShiftDialog
from involve_desktop.ui.rota.shift_swap import SwapDialog
from tests.core.rota.helpers import peer, shift, site
from tests.ui.rota.scripting import scripted
from tests.ui.typing import type_text


@pytest.fixture(autouse=True)
def no_message_boxes(monkeypatch):
    """Fail loudly if an unexpected message box opens."""

    def refuse(*args, **kwargs):
        raise AssertionError(f"unexpected message box: {args[2] if len(args) > 2 else args}")

    for name in ("question", "warning", "critical", "information"):
        monkeypatch.setattr(QMessageBox, name, refuse)


def test_autofill_with_no_shifts_says_to_generate_them_first(qtbot, context, coordinator, session):
    site(session, coordinator, "Ward 4")
    peer(session, coordinator, "Aisha Khan")
    start = date.today() + timedelta(days=7)
    dialog = AutofillDialog(context, coordinator, start, start + timedelta(days=27))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.propose_button, Qt.MouseButton.LeftButton)
    text = dialog.status.text()
    assert text.startswith("There are no shifts from ")
    assert "Generate shifts first" in text and "nobody auto-fill could add" not in text
    assert not dialog.fill_button.isEnabled()


def test_next_month_quick_choice_fills_the_dates():
    fields = PeriodFields(date(2026, 11, 23), date(2026, 12, 20), today=date(2026, 11, 27))
    assert fields.next_month_button.text() == "Next &month (December 2026)"
    fields.next_month_button.click()
    assert fields.dates() == (date(2026, 12, 1), date(2026, 12, 31))
    fields.four_weeks_button.click()
    assert fields.dates() == (date(2026, 11, 27), date(2026, 12, 24))
    assert next_month(date(2026, 12, 15)) == (date(2027, 1, 1), date(2027, 1, 31))
    assert next_month(date(2027, 1, 31)) == (date(2027, 2, 1), date(2027, 2, 28))


def test_autofill_dialog_offers_next_month(qtbot, context, coordinator):
    today = date.today()
    dialog = AutofillDialog(context, coordinator, today, today + timedelta(days=27))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.period.next_month_button, Qt.MouseButton.LeftButton)
    first, last = dialog.period.dates()
    assert first.day == 1 and first > today and (last + timedelta(days=1)).day == 1


@pytest.fixture
def past_shift(session, coordinator):
    ward = site(session, coordinator, "Ward 4")
    day = date.today() - timedelta(days=1)
    shift_id = shift(session, coordinator, ward, day, time(9), time(13))
    aisha = peer(session, coordinator, "Aisha Khan")
    rota_assign.assign(session, coordinator, shift_id, aisha)
    return rota_shifts.shift_view(session, coordinator, shift_id)


def test_hours_arrows_start_from_the_planned_hours(qtbot, context, coordinator, past_shift):
    dialog = OutcomeDialog(context, coordinator, past_shift)
    qtbot.addWidget(dialog)
    dialog.all_worked()
    hours = dialog.rows[0].hours
    assert hours.text() == "As planned (4 h)"
    hours.setFocus()
    qtbot.keyClick(hours, Qt.Key.Key_Up)
    assert hours.value() == 4.25
    hours.setValue(0)
    qtbot.keyClick(hours, Qt.Key.Key_Down)
    assert hours.value() == 3.75


def test_swap_leaves_a_one_line_summary(qtbot, monkeypatch, context, coordinator, session):
    ward = site(session, coordinator, "Ward 4")
    tue = date.today() + timedelta(days=8)
    first = shift(session, coordinator, ward, tue)
    second = shift(session, coordinator, ward, tue + timedelta(days=1))
    aisha, ben = peer(session, coordinator, "Aisha Khan"), peer(session, coordinator, "Ben Morris")
    rota_assign.assign(session, coordinator, first, aisha)
    rota_assign.assign(session, coordinator, second, aisha)  # already on Ben's shift
    rota_assign.assign(session, coordinator, second, ben)
    third = shift(session, coordinator, ward, tue + timedelta(days=2))
    rota_assign.assign(session, coordinator, third, ben)

    def choose(dialog: SwapDialog) -> None:
        texts = [dialog.list.item(i).text() for i in range(dialog.list.count())]
        assert len(texts) == 1  # not the shift Aisha is already on
        dialog.swap()

    scripted(monkeypatch, SwapDialog, choose)
    panel = ShiftDialog(context, coordinator, first)
    qtbot.addWidget(panel)
    panel.people.setCurrentRow(0)
    qtbot.mouseClick(panel.swap_button, Qt.MouseButton.LeftButton)
    label = rota_shifts.shift_view(session, coordinator, third).slot.label
    assert panel.notice.text().startswith(f"✓ Swapped: Aisha Khan now on {label}; Ben Morris")


def test_pattern_minimum_above_site_maximum_shows_beside_minimum(
    qtbot, context, coordinator, session
):
    ward = site(session, coordinator, "Ward 4", max_peers=2)
    info = next(s for s in rota_sites.list_sites(session, coordinator) if s.id == ward)
    dialog = PatternDialog(context, coordinator, info)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.min_peers.setValue(3)
    dialog.save()
    assert dialog.labels["min_peers"].isVisible()
    assert "Ward 4's maximum of 2" in dialog.labels["min_peers"].text()
    dialog.min_peers.setValue(2)  # fixing the field clears its message
    assert not dialog.labels["min_peers"].isVisible()


def test_a_minus_sign_in_a_count_box_is_refused_with_a_tip(qtbot, context, coordinator, session):
    ward = site(session, coordinator, "Ward 4")
    info = next(s for s in rota_sites.list_sites(session, coordinator) if s.id == ward)
    dialog = PatternDialog(context, coordinator, info)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.min_peers.setFocus()
    qtbot.keyClick(dialog.min_peers, Qt.Key.Key_Minus)
    assert dialog.min_peers.refused == NO_MINUS


def test_minus_one_limit_is_kept_and_explained(qtbot, context, coordinator, session):
    from involve_desktop.ui.rota.availability_dialog import AvailabilityDialog

    aisha = peer(session, coordinator, "Aisha Khan")
    dialog = AvailabilityDialog(context, coordinator, aisha)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(qtbot, dialog.max_shifts, "-1")
    assert dialog.max_shifts.text() == "-1"  # not quietly turned into 1
    dialog.save()
    label = dialog.labels["max_shifts_per_week"]
    assert label.isVisible() and "cannot be below 0" in label.text()
    dialog.max_shifts.clear()
    assert not label.isVisible()


def test_field_message_clears_when_that_field_changes(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    name, other = QLineEdit(), QLineEdit()
    labels = {"name": error_label(), "other": error_label()}
    errors = FieldErrors(labels, error_label())
    layout = QVBoxLayout(dialog)
    for widget in (name, labels["name"], other, labels["other"]):
        layout.addWidget(widget)
    dialog.show()
    errors.show(ValidationError("name", "Name is needed."), {"name": name, "other": other})
    assert labels["name"].isVisible()
    other.setText("x")  # another field: the message stays
    assert labels["name"].isVisible()
    name.setText("Aisha")
    assert not labels["name"].isVisible()


def test_grow_to_fit_never_shrinks_a_dialog(qtbot):
    dialog = QDialog()
    qtbot.addWidget(dialog)
    label = QLabel("short")
    QVBoxLayout(dialog).addWidget(label)
    dialog.resize(700, 500)
    dialog.show()
    grow_to_fit(label)
    assert (dialog.width(), dialog.height()) == (700, 500)
    label.setText("a long message " * 80)
    label.setWordWrap(False)
    grow_to_fit(label)
    assert dialog.width() > 700 and dialog.height() >= 500
