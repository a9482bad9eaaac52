"""Mark paid: the date picker starts no earlier than the latest work day chosen, and a paid
date before the work (from a caller that gives no earliest day) is refused beside the date."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QLabel

from involve_desktop.ui.members.dialog_widgets import from_qdate, to_qdate
from involve_desktop.ui.payments.paid_date_dialog import PaidDateDialog
from tests.ui.payments.conftest import MARCH, TODAY


def test_the_picker_cannot_go_before_the_latest_work_day(qtbot, context, coordinator) -> None:
    marked: list[date] = []
    dialog = PaidDateDialog(
        context,
        coordinator,
        "2 lines (£73.00)",
        lambda _session, day: marked.append(day),
        today=TODAY,
        earliest=date(2026, 3, 10),
    )
    qtbot.addWidget(dialog)
    assert from_qdate(dialog.paid_on.minimumDate()) == date(2026, 3, 10)
    dialog.paid_on.setDate(to_qdate(date(2001, 1, 1)))
    assert dialog.day() == date(2026, 3, 10)
    hints = [label.text() for label in dialog.findChildren(QLabel, "fieldHint")]
    assert "Not before Tue 10 Mar 2026, the day of the latest item chosen." in hints
    dialog.save()
    assert marked == [date(2026, 3, 10)]


def test_a_paid_date_before_the_work_is_refused_beside_the_date(
    qtbot, context, coordinator, march
) -> None:
    from involve_desktop.core.services import payments_lines

    with context.session() as session:
        payments_lines.generate_pay_lines(session, coordinator, *MARCH, today=TODAY)
        lines = payments_lines.list_pay_lines(session, coordinator, *MARCH)
        line = next(x for x in lines if x.name == "Aisha Khan")
        payments_lines.approve_lines(session, coordinator, [line.id])

    def mark(session, day: date):
        return payments_lines.mark_lines_paid(session, coordinator, [line.id], day, today=TODAY)

    dialog = PaidDateDialog(context, coordinator, "1 line", mark, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.paid_on.setDate(to_qdate(date(2026, 2, 1)))
    dialog.save()
    assert dialog.result() != QDialog.DialogCode.Accepted
    error = dialog.labels["paid_on"].text()
    assert "Paid on: Sun 1 Feb 2026 is before the day it pays for" in error
    assert f"earliest allowed paid date is {line.day:%a} {line.day.day}" in error
