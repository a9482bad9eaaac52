"""What a new coordinator tripped over in the Payments area (issue #6 walk-through): Enter in
the preference dialog pressed "Today" and recorded benefits advice nobody had offered, and
the totals under the lists used other words than the Status column and the Show filter."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from involve_desktop.core.services import payments_preferences
from involve_desktop.core.services.payments_dto import PaymentMethod
from involve_desktop.ui.payments.preference_dialog import PreferenceDialog
from involve_desktop.ui.payments.rate_dialog import RateDialog
from tests.ui.payments.conftest import TODAY
from tests.ui.payments.screens import open_view


def _preference_dialog(qtbot, context, session, coordinator, member_id) -> PreferenceDialog:
    current = payments_preferences.get_preference(session, coordinator, member_id)
    dialog = PreferenceDialog(context, coordinator, current, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_enter_saves_the_preference_and_never_presses_today(
    qtbot, context, session, coordinator, march
):
    dialog = _preference_dialog(qtbot, context, session, coordinator, march["nora"])
    dialog.method.setFocus()
    dialog.method.setCurrentIndex(dialog.method.findData(PaymentMethod.CASH))
    qtbot.keyClick(dialog.method, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    session.rollback()
    saved = payments_preferences.get_preference(session, coordinator, march["nora"])
    assert saved.method is PaymentMethod.CASH
    assert saved.benefits_advice_offered_on is None  # nobody said advice was offered
    assert not dialog.today_button.autoDefault()
    assert dialog.save_button.isDefault()


def test_enter_in_the_rate_amount_saves_the_rate(qtbot, context, coordinator):
    dialog = RateDialog(context, coordinator, valid_from=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.save_button.isDefault()


def test_the_totals_use_the_same_words_as_the_status_column(qtbot, context, coordinator, march):
    view = open_view(qtbot, context, coordinator)
    view.lines.generate()
    text = view.lines.totals.text()
    assert text.startswith("Waiting for approval £")
    assert "Pending" not in text
    assert "Recorded, not paid: 1 line" in text  # Ben declined payment: recorded only
    view.tabs.setCurrentWidget(view.expenses)
    assert view.expenses.totals.text().startswith("Waiting for approval £0.00 · Approved")


def test_no_button_says_pending_when_the_list_says_waiting(qtbot, context, coordinator, march):
    from PySide6.QtWidgets import QPushButton

    view = open_view(qtbot, context, coordinator)
    for tab in (view.lines, view.expenses):
        texts = [b.text().replace("&", "") for b in tab.findChildren(QPushButton)]
        assert "Back to waiting" in texts
        assert not [t for t in texts if "pending" in t.lower()]
