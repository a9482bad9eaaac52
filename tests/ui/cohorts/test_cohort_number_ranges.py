"""Plan sessions and the programme dialog: a number typed outside a box's range ("0"
sessions, "0 %") is said beside the box and nothing is saved — Qt would put the old number
back and the dialog would save that (``FormDialog`` watches every spin box it holds)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QSpinBox

from involve_desktop.core.services import cohorts_cohorts, cohorts_programmes, cohorts_sessions
from involve_desktop.ui.cohorts.form_dialog import FormDialog
from involve_desktop.ui.cohorts.programme_dialog import ProgrammeDialog
from involve_desktop.ui.cohorts.session_dialogs import PlanDialog
from tests.core.cohorts.helpers import cohort, programme
from tests.ui.cohorts.screens import TODAY


def _shown(qtbot, dialog: FormDialog) -> None:
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)  # focus moves (and is told) only in the active one


def _type(qtbot, spin: QSpinBox, text: str) -> None:
    spin.setFocus()
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin.lineEdit(), text)


def _sessions(context, actor, cohort_id: int) -> int:
    with context.session() as fresh:  # as stored now, not the fixture session's snapshot
        return len(cohorts_sessions.list_sessions(fresh, actor, cohort_id))


def _percents(context, actor) -> list[int]:
    with context.session() as fresh:
        return [p.completion_percent for p in cohorts_programmes.list_programmes(fresh, actor)]


def _plan_dialog(qtbot, context, session, coordinator) -> PlanDialog:
    c = cohort(session, coordinator, programme(session, coordinator, sessions=6))
    info = cohorts_cohorts.get_cohort(session, coordinator, c)
    dialog = PlanDialog(context, coordinator, info, 6, today=TODAY)
    _shown(qtbot, dialog)
    return dialog


def test_0_sessions_left_with_tab_is_said_and_no_plan_made(qtbot, context, session, coordinator):
    dialog = _plan_dialog(qtbot, context, session, coordinator)
    _type(qtbot, dialog.sessions, "0")
    qtbot.keyClick(dialog.sessions, Qt.Key.Key_Tab)  # Qt puts 6 back
    dialog.save_button.click()
    assert dialog.isVisible() and dialog.sessions.hasFocus()
    assert "“0” is outside what this box takes: type a number from 1 to 52." in (
        dialog.labels["sessions"].text()
    )
    assert _sessions(context, coordinator, dialog.cohort.id) == 0
    _type(qtbot, dialog.sessions, "3")  # typing again: judged afresh
    dialog.save_button.click()
    assert not dialog.isVisible()
    assert _sessions(context, coordinator, dialog.cohort.id) == 3


def test_ctrl_s_with_0_still_in_the_box_is_said_too(qtbot, context, session, coordinator):
    dialog = _plan_dialog(qtbot, context, session, coordinator)
    _type(qtbot, dialog.sessions, "0")
    qtbot.keySequence(dialog.sessions, QKeySequence.StandardKey.Save)  # no focus to lose
    assert dialog.isVisible()
    assert "type a number from 1 to 52" in dialog.labels["sessions"].text()
    assert _sessions(context, coordinator, dialog.cohort.id) == 0


def test_0_percent_is_said_and_no_programme_saved(qtbot, context, coordinator):
    dialog = ProgrammeDialog(context, coordinator)
    _shown(qtbot, dialog)
    qtbot.keyClicks(dialog.name, "Peer Leadership Programme")
    _type(qtbot, dialog.percent, "0")
    qtbot.keyClick(dialog.percent, Qt.Key.Key_Return)  # Qt puts 80 back; Enter means Save
    assert dialog.isVisible() and dialog.percent.hasFocus()
    assert "“0” is outside what this box takes: type a number from 1 to 100." in (
        dialog.labels["completion_percent"].text()
    )
    assert _percents(context, coordinator) == []
    _type(qtbot, dialog.percent, "75")
    dialog.save_button.click()
    assert not dialog.isVisible() and _percents(context, coordinator) == [75]
