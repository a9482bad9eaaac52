"""The Cohorts area around the flow: the empty state, the programme form's errors, a
facilitator's view, withdrawing with the waiting list, pathways and alumni actions, and
Alt letters that never clash."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtWidgets import QAbstractButton, QLabel, QTabWidget, QWidget

from involve_desktop.core.services import cohorts_cohorts, cohorts_enrolment
from involve_desktop.ui.cohorts.alumni_dialog import AlumniDialog
from involve_desktop.ui.cohorts.cohort_dialog import CohortDialog
from involve_desktop.ui.cohorts.cohorts_view import NO_COHORTS, NO_PROGRAMMES, NOT_LINKED
from involve_desktop.ui.cohorts.people_dialogs import WithdrawDialog
from involve_desktop.ui.cohorts.programme_dialog import ProgrammeDialog
from involve_desktop.ui.main_window import MainWindow
from tests.core.cohorts.helpers import cohort, enrolled, person, programme
from tests.ui.cohorts.screens import TODAY, open_view, row_of, rows
from tests.ui.cohorts.test_cohort_flow import earlier_graduate
from tests.ui.rota.scripting import scripted


def test_no_programmes_yet_says_what_to_do_and_the_form_shows_errors_beside_fields(
    qtbot, monkeypatch, context, coordinator, answered_questions
):
    view = open_view(qtbot, context, coordinator)
    assert view.empty.isVisible() and view.empty.text() == NO_PROGRAMMES
    assert view.empty.offers_button() and view.empty.button.text() == "A&dd a programme…"
    assert not view.new_button.isEnabled() and not view.open_button.isEnabled()

    def fill(d: ProgrammeDialog) -> None:
        d.save()  # nothing typed: the name is asked for beside its box
        assert d.isVisible() and d.labels["name"].isVisible()
        assert "name" in d.labels["name"].text().lower()
        d.name.setText("Peer Leadership Programme")
        d.required.setText("1, six")
        d.save()
        assert (
            d.isVisible()
            and "“six” is not a session number" in d.labels["required_sessions"].text()
        )
        d.required.setText("1 and 6")
        d.planned.setValue(8)
        d.save()

    scripted(monkeypatch, ProgrammeDialog, fill)
    view.new_programme()
    assert view.programme.currentText() == "Peer Leadership Programme"
    assert view.rule.text().startswith(
        "To complete: at least 80% of the sessions, including sessions 1 and 6"
    )
    assert view.empty.text() == NO_COHORTS and view.new_button.isEnabled()
    assert view.empty.offers_button() and view.empty.button.text() == "&Start a cohort…"

    # Esc with typing asks before throwing it away.
    def escape(d: ProgrammeDialog) -> None:
        d.name.setText("Something half typed")
        d.reject()

    scripted(monkeypatch, ProgrammeDialog, escape)
    view.new_programme()
    assert answered_questions[-1].startswith("You have typed changes")


def test_a_facilitator_sees_only_linked_cohorts_and_cannot_create_one(
    qtbot, context, session, coordinator, facilitator, told
):
    p = programme(session, coordinator)
    mine = cohort(session, coordinator, p, "Cohort 1")
    cohort(session, coordinator, p, "Cohort 2", start=date(2026, 2, 3))
    view = open_view(qtbot, context, facilitator)
    assert rows(view.table) == []
    assert view.empty.text() == NOT_LINKED and not view.empty.offers_button()
    cohorts_cohorts.set_cohort_accounts(session, coordinator, mine, [facilitator.account_id])
    view.refresh()
    assert [r[0] for r in rows(view.table)] == ["Cohort 1"]
    assert not view.new_button.isVisible() and not view.new_programme_button.isVisible()
    window = MainWindow(context, facilitator)
    qtbot.addWidget(window)
    window.show_area("cohorts")
    assert window.current_area() == "cohorts" and not window.new_action.isEnabled()
    dialog = CohortDialog(context, facilitator, mine, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.save_button.isVisible() and not dialog.details.isEnabled()
    assert not dialog.people.apply_button.isVisible()
    dialog.tabs.setCurrentIndex(dialog.sessions_index)
    assert dialog.sessions.attendance_button.isVisible()
    assert not dialog.sessions.plan_button.isVisible()
    assert told == []  # their own cohort opens on every tab without a refusal


def test_withdrawing_names_the_next_person_waiting_and_offers_them_the_place(
    qtbot, monkeypatch, context, session, coordinator, answered_questions
):
    p = programme(session, coordinator)
    c = cohort(session, coordinator, p, capacity=1)
    enrolled(session, coordinator, c, person(session, coordinator, "Ben Okafor"))
    waiting = enrolled(session, coordinator, c, person(session, coordinator, "Dee Lowe"))
    assert cohorts_enrolment.list_enrolments(session, coordinator, c)[1].id == waiting
    dialog = CohortDialog(context, coordinator, c, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    people = dialog.people
    assert people.waiting.text() == "Waiting list, in order: 1. Dee Lowe"

    def withdraw(d: WithdrawDialog) -> None:
        d.reason.setText("Moving away")
        d.save()

    scripted(monkeypatch, WithdrawDialog, withdraw)
    people.choose(row_member(people, "Ben Okafor"))
    people.withdraw_button.click()
    assert "Dee Lowe is next on the waiting list" in answered_questions[-1]
    assert row_of(people.table, "Ben Okafor")[1] == "Withdrawn"
    assert row_of(people.table, "Dee Lowe")[1] == "Offered a place"
    assert "Moving away" not in row_of(people.table, "Ben Okafor")[1]
    assert people.waiting.text() == "No one is on the waiting list."


def row_member(people, name: str) -> int:
    return next(r.enrolment.member_id for r in people.model.all_rows() if r.enrolment.name == name)


def test_pathways_and_alumni_actions(qtbot, monkeypatch, context, session, coordinator):
    programme_id, asha = earlier_graduate(session, coordinator)
    later = cohort(session, coordinator, programme_id, "Cohort 2", start=date(2026, 1, 6))
    from involve_desktop.core.services import cohorts_facilitators
    from involve_desktop.core.services.cohorts_dto import FacilitatorInput

    cohorts_facilitators.add_facilitator(
        session, coordinator, later, FacilitatorInput(member_id=asha), today=TODAY
    )
    view = open_view(qtbot, context, coordinator)
    assert view.programme.currentText() == "All programmes"  # the chosen cohort's programme:
    assert view.edit_programme_button.isEnabled()
    assert view.edit_programme_button.toolTip().startswith("Peer Leadership Programme:")
    view.tabs.setCurrentWidget(view.pathways)
    assert "Choose a programme above" in view.pathways.summary.text()
    view.programme.setCurrentIndex(view.programme.findData(programme_id))
    [graduate] = rows(view.pathways.table)
    assert graduate[0] == "Asha Rahman" and graduate[1] == "Cohort 1"
    assert graduate[3] == "Peer Leadership Programme, Cohort 2"
    assert "1 co-facilitated a later cohort" in view.pathways.summary.text()

    view.tabs.setCurrentWidget(view.alumni)
    assert "No alumni actions logged yet" in view.alumni.note.text()

    def log(d: AlumniDialog) -> None:
        d.title_edit.setText("Wellbeing café at the library")
        d.people.set_checked(asha)
        d.outcome.setPlainText("Runs monthly; 20 people came to the first")
        d.save()

    scripted(monkeypatch, AlumniDialog, log)
    view.alumni.add_button.click()
    [logged] = rows(view.alumni.table)
    assert logged[1] == "Wellbeing café at the library" and logged[2] == "Asha Rahman"
    assert logged[4] == "Peer Leadership Programme"


def letters(root: QWidget) -> list[str]:
    """The Alt letters of the visible controls under ``root`` (tab titles included)."""
    texts = [w.text() for w in root.findChildren(QAbstractButton) if w.isVisible()]
    texts += [w.text() for w in root.findChildren(QLabel) if w.isVisible() and w.buddy()]
    for tabs in root.findChildren(QTabWidget):
        if tabs.isVisible():
            texts += [tabs.tabText(i) for i in range(tabs.count())]
    return [m.group(1).lower() for t in texts if (m := re.search(r"&([^&])", t))]


def test_no_clashing_alt_letters(qtbot, context, session, coordinator):
    programme_id, _asha = earlier_graduate(session, coordinator)
    view = open_view(qtbot, context, coordinator)
    for index in range(view.tabs.count()):
        view.tabs.setCurrentIndex(index)
        shown = letters(view) + ["f", "g", "h"]  # the main window's File, Go and Help
        assert len(shown) == len(set(shown)), (view.tabs.tabText(index), sorted(shown))
    c = cohort(session, coordinator, programme_id, "Cohort 2", start=date(2026, 1, 6))
    dialog = CohortDialog(context, coordinator, c, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    for index in range(dialog.tabs.count()):
        dialog.tabs.setCurrentIndex(index)
        shown = letters(dialog)
        assert len(shown) == len(set(shown)), (dialog.tabs.tabText(index), sorted(shown))
