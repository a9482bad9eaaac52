"""The activity dialog refuses a date after today and carers both present and missing,
saying so next to the field on the tab that holds it."""

from __future__ import annotations

from datetime import date, timedelta

from involve_desktop.core.services import activities
from involve_desktop.ui.involvement.activity_dialog import ActivityDialog
from involve_desktop.ui.members.dialog_widgets import to_qdate

TODAY = date(2026, 11, 27)


def test_future_date_and_carers_present_yet_missing_are_refused(
    qtbot, context, session, coordinator
) -> None:
    dialog = ActivityDialog(context, coordinator, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title_edit.setText("Carers' evening")
    dialog.day.setDate(to_qdate(TODAY + timedelta(days=7)))
    dialog.save()
    assert dialog.labels["day"].isVisible()
    assert "after today" in dialog.labels["day"].text()
    dialog.day.setDate(to_qdate(TODAY))
    dialog.carers.setValue(1)
    dialog.missing.setPlainText("young people\nCarers and families")
    dialog.save()
    assert dialog.labels["missing_groups"].isVisible()
    assert "set Carers and families present to 0" in dialog.labels["missing_groups"].text()
    assert dialog.isVisible()
    assert activities.list_activities(session, coordinator) == []
