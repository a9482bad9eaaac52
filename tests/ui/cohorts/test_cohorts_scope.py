"""A facilitator's Pathways and Alumni actions say they are limited to the cohorts they
run; Take attendance… greyed out for a session to come says why where it can be read."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services import cohorts_alumni, cohorts_cohorts
from involve_desktop.core.services.cohorts_access import OWN_COHORTS_ONLY
from involve_desktop.core.services.cohorts_dto import AlumniActionInput
from involve_desktop.ui.cohorts.cohort_dialog import CohortDialog
from tests.core.cohorts.helpers import cohort, plan
from tests.ui.cohorts.screens import TODAY, open_view, rows
from tests.ui.cohorts.test_cohort_flow import earlier_graduate


def test_facilitator_sees_own_cohorts_graduates_and_says_so(
    qtbot, context, session, coordinator, facilitator
) -> None:
    programme_id, asha = earlier_graduate(session, coordinator)
    cohorts_alumni.add_action(
        session, coordinator, AlumniActionInput("Wellbeing café", date(2025, 11, 1), (asha,))
    )
    mine = cohort(session, coordinator, programme_id, "Cohort 2", start=date(2026, 1, 6))
    cohorts_cohorts.set_cohort_accounts(session, coordinator, mine, [facilitator.account_id])
    view = open_view(qtbot, context, facilitator)
    view.tabs.setCurrentWidget(view.pathways)
    assert not view.pathways.scope.isVisible()  # no programme chosen, nothing listed
    view.programme.setCurrentIndex(view.programme.findData(programme_id))
    assert rows(view.pathways.table) == []  # Asha graduated from Cohort 1, not theirs
    assert view.pathways.summary.text() == "No graduates of Peer Leadership Programme to show."
    assert view.pathways.scope.isVisible() and view.pathways.scope.text() == OWN_COHORTS_ONLY
    view.tabs.setCurrentWidget(view.alumni)
    assert rows(view.alumni.table) == []
    assert view.alumni.note.text() == "No alumni actions to show."
    assert view.alumni.scope.isVisible() and view.alumni.scope.text() == OWN_COHORTS_ONLY
    # the programme's counts (1 cohort, 0 graduates: not Cohort 1's) say the same
    assert view.rule.text().endswith(f"1 cohort, 0 graduates. {OWN_COHORTS_ONLY}")


def test_coordinator_sees_every_graduate_with_no_limit_line(
    qtbot, context, session, coordinator
) -> None:
    programme_id, _ = earlier_graduate(session, coordinator)
    view = open_view(qtbot, context, coordinator)
    view.tabs.setCurrentWidget(view.pathways)
    # the headings are whole before a programme is chosen
    header = view.pathways.table.horizontalHeader()
    metrics = view.pathways.table.fontMetrics()
    assert header.sectionSize(3) >= metrics.horizontalAdvance("Went on to co-facilitate")
    view.programme.setCurrentIndex(view.programme.findData(programme_id))
    assert len(rows(view.pathways.table)) == 1
    assert not view.pathways.scope.isVisible()
    view.tabs.setCurrentWidget(view.alumni)
    assert not view.alumni.scope.isVisible()
    assert view.rule.text().endswith("1 cohort, 1 graduate.")


def test_attendance_for_a_session_to_come_says_why(qtbot, context, session, coordinator) -> None:
    programme_id, _ = earlier_graduate(session, coordinator)
    c = cohort(session, coordinator, programme_id, "Cohort 2", start=date(2026, 2, 17))
    plan(session, coordinator, c, 4)  # Tue 17 Feb … Tue 10 Mar; TODAY is Mon 2 Mar
    dialog = CohortDialog(context, coordinator, c, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.tabs.setCurrentIndex(dialog.sessions_index)
    tab = dialog.sessions
    assert tab.attendance_button.isEnabled()  # session 2, the last held, is chosen
    assert "Choose a session and Take attendance…" in tab.note.text()
    tab.choose(3)
    assert not tab.attendance_button.isEnabled()
    why = "Session 3 is on Tue 3 Mar 2026: take attendance on or after that day."
    assert tab.note.text() == f"4 sessions in the plan, 2 held so far. {why}"
    assert tab.attendance_button.toolTip() == why
