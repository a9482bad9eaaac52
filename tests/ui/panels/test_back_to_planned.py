"""Back to planned in the panel dialog: shown on a held panel only, asks first, a later Save
saves, a refusal (approved pay) is said in the dialog, and its Alt letter is its own."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from involve_desktop.core.services import panels, payments_lines
from involve_desktop.core.services.panels_dto import PanelStatus
from involve_desktop.core.services.payments_dto import PaymentMethod
from tests.core.panels.helpers import panel, seat, trained
from tests.core.payments.helpers import prefer, standard_rates
from tests.ui.panels.test_mnemonics import letters
from tests.ui.panels.test_panel_dialog import open_dialog, saved_panel

HELD_DAY = date(2026, 2, 20)  # before the dialogs' today (Mon 2 Mar 2026)


def held_panel(session, coordinator) -> tuple[int, int]:
    """A held panel (Fri 20 Feb 2026) with Ivy Lee on it; returns (panel id, Ivy's id)."""
    panel_id = panel(session, coordinator, "Team Leader", HELD_DAY)
    ivy = trained(session, coordinator, "Ivy Lee")
    seat(session, coordinator, panel_id, ivy)
    panels.mark_held(session, coordinator, panel_id, today=HELD_DAY)
    return panel_id, ivy


def test_shown_on_a_held_panel_only(qtbot, context, session, coordinator, facilitator):
    planned = open_dialog(qtbot, context, coordinator, panel(session, coordinator))
    assert not planned.reopen_button.isVisible()
    panel_id, _ivy = held_panel(session, coordinator)
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    assert dialog.reopen_button.isVisible() and dialog.reopen_button.isEnabled()
    assert (
        dialog.reopen_button.text() == "Bac&k to planned"
    )  # Alt+K, as Payments' "Back to waiting"
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        shown = letters(dialog)
        assert len(shown) == len(set(shown)), (dialog.tabs.tabText(index), sorted(shown))


def test_asks_then_puts_it_back_and_a_later_save_saves(
    qtbot, context, session, coordinator, answered_questions
):
    panel_id, _ivy = held_panel(session, coordinator)
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    target = QApplication.focusWidget() or dialog
    QTest.keyClick(target, "k", Qt.KeyboardModifier.AltModifier)  # Bac&k to planned
    qtbot.waitUntil(lambda: len(answered_questions) == 1)  # a mnemonic clicks a moment later
    assert "Team Leader panel back to planned" in answered_questions[0]
    assert saved_panel(session, coordinator, panel_id).status is PanelStatus.PLANNED
    assert not dialog.reopen_button.isVisible()
    assert dialog.held_button.isEnabled()  # its day has passed: it can be marked held again
    assert "Back to planned" in dialog.saved_label.text()
    assert dialog.status_label.text().startswith("Status: Planned")
    dialog.details.venue.setText("Room 9")
    dialog.save()
    assert len(answered_questions) == 1  # no "saved … in another window" question
    assert saved_panel(session, coordinator, panel_id).venue == "Room 9"


def test_no_keeps_it_held(qtbot, monkeypatch, context, session, coordinator):
    panel_id, _ivy = held_panel(session, coordinator)
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    dialog.reopen_button.click()
    assert saved_panel(session, coordinator, panel_id).status is PanelStatus.HELD
    assert dialog.reopen_button.isVisible()


def test_approved_pay_keeps_it_held_and_says_why(qtbot, context, session, coordinator):
    panel_id, ivy = held_panel(session, coordinator)
    standard_rates(session, coordinator)
    prefer(session, coordinator, ivy, PaymentMethod.CASH)
    feb = (date(2026, 2, 1), date(2026, 2, 28))
    payments_lines.generate_pay_lines(session, coordinator, *feb, today=date(2026, 3, 2))
    line = payments_lines.list_pay_lines(session, coordinator, *feb)[0]
    payments_lines.approve_lines(session, coordinator, [line.id])
    dialog = open_dialog(qtbot, context, coordinator, panel_id)
    dialog.reopen_button.click()
    assert "Pay for Ivy Lee on this panel is approved" in dialog.fallback.text()
    assert dialog.fallback.isVisible()
    assert saved_panel(session, coordinator, panel_id).status is PanelStatus.HELD
    assert dialog.reopen_button.isVisible()
