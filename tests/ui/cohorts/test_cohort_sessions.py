"""The Sessions and Facilitators tabs beyond the main flow: a refused plan keeps what was
typed with the problem beside its box, one session added / cancelled / reinstated, an
outside facilitator added and removed, Esc on typed details asks first, and Ctrl+P in the
area (the register before anyone graduated, certificates after)."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services import cohorts_cohorts
from involve_desktop.core.services.cohorts_dto import CohortInput
from involve_desktop.ui.cohorts.cohort_dialog import CohortDialog
from involve_desktop.ui.cohorts.cohort_facilitators import OutsideDialog
from involve_desktop.ui.cohorts.session_dialogs import (
    CancelSessionDialog,
    PlanDialog,
    SessionDialog,
)
from involve_desktop.ui.main_window import MainWindow
from involve_desktop.ui.meetings.sign_in_print import SignInPrintDialog
from involve_desktop.ui.print_preview import PrintPreviewDialog
from tests.core.cohorts.helpers import cohort, plan, programme
from tests.ui.cohorts.screens import TODAY, row_of, rows
from tests.ui.cohorts.test_cohort_flow import earlier_graduate
from tests.ui.rota.scripting import scripted


def open_dialog(qtbot, context, actor, cohort_id: int) -> CohortDialog:
    dialog = CohortDialog(context, actor, cohort_id, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_a_refused_plan_keeps_the_typing_and_sessions_change_one_by_one(
    qtbot, monkeypatch, context, session, coordinator
):
    c_programme = programme(session, coordinator, sessions=3)
    c = cohort(session, coordinator, c_programme)
    dialog = open_dialog(qtbot, context, coordinator, c)
    dialog.tabs.setCurrentIndex(dialog.sessions_index)
    tab = dialog.sessions
    assert "No sessions planned yet" in tab.note.text() and tab.plan_button.isEnabled()

    def too_many_topics(d: PlanDialog) -> None:
        d.topics.setPlainText("One\nTwo\nThree\nFour")
        d.save()
        assert d.isVisible()
        assert "more topics (4) than sessions" in d.labels["topics"].text()
        assert d.topics.toPlainText().endswith("Four")
        d.sessions.setValue(4)
        d.save()

    scripted(monkeypatch, PlanDialog, too_many_topics)
    tab.plan()
    assert [r[3] for r in rows(tab.table)] == ["One", "Two", "Three", "Four"]
    assert not tab.plan_button.isEnabled()  # the plan is made: change it one by one

    def extra(d: SessionDialog) -> None:
        assert d.day.date().toPython() == date(2026, 2, 3)  # a week after the last session
        assert d.start_time.time().toString("HH:mm") == "14:00"
        d.topic.setText("Celebration")
        d.save()  # the cohort is still planned and ends on the last session's day
        assert d.isVisible()
        assert (
            d.labels["day"]
            .text()
            .endswith(
                "Cohort 1 ends on Tue 27 Jan 2026: move its end later first, or choose a day on "
                "or before it."
            )
        )
        d.day.setDate(date(2026, 1, 27))
        d.save()
        assert d.isVisible()
        assert (
            "Cohort 1 is planned: mark it running before adding a session on Tue 27 Jan 2026"
            in (d.labels["day"].text())
        )
        info = cohorts_cohorts.get_cohort(session, coordinator, c)
        changed = CohortInput(
            c_programme, info.name, info.start_on, date(2026, 2, 3), info.venue, None, "running"
        )
        cohorts_cohorts.update_cohort(session, coordinator, c, changed)
        d.day.setDate(date(2026, 2, 3))
        d.save()

    scripted(monkeypatch, SessionDialog, extra)
    tab.add_session()
    assert row_of(tab.table, "Celebration")[0] == "5"

    def cancel(d: CancelSessionDialog) -> None:
        d.save()  # a reason is needed
        assert d.isVisible() and d.labels["reason"].isVisible()
        d.reason.setText("Venue closed")
        d.save()

    scripted(monkeypatch, CancelSessionDialog, cancel)
    tab.choose(2)
    tab.cancel_session()
    assert row_of(tab.table, "Two")[4] == "Cancelled: Venue closed"
    assert not tab.attendance_button.isEnabled() and tab.reinstate_button.isEnabled()
    tab.reinstate()
    assert row_of(tab.table, "Two")[4] != "Cancelled: Venue closed"


def test_outside_facilitator_added_and_removed(qtbot, monkeypatch, context, session, coordinator):
    c = cohort(session, coordinator, programme(session, coordinator))
    dialog = open_dialog(qtbot, context, coordinator, c)
    dialog.tabs.setCurrentIndex(dialog.facilitators_index)
    tab = dialog.facilitators

    def outside(d: OutsideDialog) -> None:
        d.save()
        assert d.isVisible() and d.labels["outside_name"].isVisible()
        d.name.setText("Dr Priya Shah")
        d.job.setText("Clinical Lead, Riverside NHS Trust")
        d.save()

    scripted(monkeypatch, OutsideDialog, outside)
    tab.add_outside()
    assert rows(tab.table) == [["Dr Priya Shah", "Clinical Lead, Riverside NHS Trust"]]
    tab.remove()
    assert rows(tab.table) == [] and tab.note.text().startswith("No facilitators yet.")


def test_esc_with_typed_details_asks_first(
    qtbot, context, session, coordinator, answered_questions
):
    c = cohort(session, coordinator, programme(session, coordinator))
    dialog = open_dialog(qtbot, context, coordinator, c)
    dialog.reject()
    assert not answered_questions and not dialog.isVisible()  # nothing typed: just closes
    dialog = open_dialog(qtbot, context, coordinator, c)
    dialog.details.venue.setText("Somewhere new")
    dialog.reject()
    assert answered_questions[-1].startswith("You have typed changes")


def test_ctrl_p_prints_the_register_then_certificates(
    qtbot, monkeypatch, context, session, coordinator
):
    programme_id, _asha = earlier_graduate(session, coordinator)
    later = cohort(session, coordinator, programme_id, "Cohort 2", start=date(2026, 1, 6))
    plan(session, coordinator, later, 4)
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show_area("cohorts")
    assert window.new_action.text() == "&New cohort…"
    view = window.cohorts_view
    view.today = TODAY
    registers: list[str] = []
    scripted(
        monkeypatch, SignInPrintDialog, lambda d: registers.append(d.windowTitle()) or d.reject()
    )
    previews: list[str] = []
    scripted(monkeypatch, PrintPreviewDialog, lambda d: previews.append(d.windowTitle()))
    view.load(later)
    window.print_action.trigger()
    assert registers == ["Print register — Peer Leadership Programme, Cohort 2"]
    first = next(r.cohort.id for r in view.model.all_rows() if r.cohort.name == "Cohort 1")
    view.load(first)
    window.print_action.trigger()
    assert previews == ["Print preview — Certificates — Peer Leadership Programme, Cohort 1"]
