"""The issue's flow through the screens: a cohort with a graduate co-facilitator, people
enrolled (one onto the waiting list when full), attendance taken with the meetings entry
screen and progress following, graduation (and a refusal with its reason), certificates."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from involve_desktop.core.services import cohorts_progress
from involve_desktop.core.services.meetings_dto import AttendanceState
from involve_desktop.ui.cohorts.cohort_dialog import CohortDialog
from involve_desktop.ui.cohorts.member_choice import MemberChoiceDialog
from involve_desktop.ui.cohorts.people_dialogs import GraduateDialog
from involve_desktop.ui.cohorts.session_dialogs import PlanDialog
from involve_desktop.ui.meetings.attendance_entry import AttendanceDialog
from involve_desktop.ui.print_preview import PrintPreviewDialog
from tests.core.cohorts.helpers import attend, cohort, enrolled, person, plan, programme
from tests.ui.cohorts.screens import open_view, row_of, rows
from tests.ui.rota.scripting import scripted

EARLIER = date(2025, 9, 2)  # a Tuesday


def earlier_graduate(session, actor) -> tuple[int, int]:
    """A programme (4 sessions, 75 %) whose Cohort 1 graduated Asha; (programme, Asha)."""
    p = programme(session, actor, sessions=4, percent=75)
    first = cohort(session, actor, p, "Cohort 1", start=EARLIER)
    asha = person(session, actor, "Asha Rahman")
    enrolled(session, actor, first, asha, on=EARLIER)
    done = date(2025, 10, 1)
    sessions = plan(session, actor, first, 4)
    attend(session, actor, sessions, {n: {asha} for n in range(1, 5)}, done)
    cohorts_progress.graduate(session, actor, first, [asha], done, today=done)
    return p, asha


def choose_by_name(name: str):
    """A MemberChoiceDialog script: type the name, choose the first match."""

    def script(d: MemberChoiceDialog) -> None:
        d.search.setText(name)
        assert d.list.count() >= 1, d.note.text()
        d.list.setCurrentRow(0)
        d.save()

    return script


def mark_present(*names: str):
    """An AttendanceDialog script: mark these people present and save."""

    def script(d: AttendanceDialog) -> None:
        for row in range(d.model.rowCount()):
            if d.model.member_at(row).name in names:
                d.table.mark(row, AttendanceState.PRESENT, advance=False)
        assert d.save()

    return script


def progress_of(dialog: CohortDialog, name: str) -> str:
    return row_of(dialog.people.table, name)[3]


def test_a_programme_lead_runs_a_cohort_to_certificates(
    qtbot, qtmodeltester, monkeypatch, context, session, coordinator, told
):
    programme_id, asha = earlier_graduate(session, coordinator)
    ben = person(session, coordinator, "Ben Okafor")
    person(session, coordinator, "Cat Jones")
    person(session, coordinator, "Dee Lowe")
    zoe = person(session, coordinator, "Zoë Ní Bhriain")
    view = open_view(qtbot, context, coordinator)
    assert view.new_button.isEnabled()

    # A new cohort: details, then the plan from a pattern, then a graduate co-facilitator.
    def new_cohort(d: CohortDialog) -> None:
        d.details.name.setText("Cohort 2")
        d.details.start_on.setDate(date(2026, 1, 6))
        d.details.venue.setText("Riverside Voices office")
        d.details.capacity.setValue(3)
        d.save()
        assert d.info is not None and d.tabs.currentIndex() == d.sessions_index
        assert "plan its sessions" in d.saved_label.text()
        d.sessions.plan_button.click()
        d.sessions.table.selectRow(0)
        d.facilitators.member_button.click()
        d.accept()

    def plan_four(d: PlanDialog) -> None:
        assert d.weekday.currentText() == "Tuesday"  # the start's weekday
        assert d.sessions.value() == 4  # the programme's planned sessions
        d.topics.setPlainText("Welcome\nOur stories\nCo-production\nLeading together")
        d.save()

    suggested: list[str] = []

    def add_asha(d: MemberChoiceDialog) -> None:
        suggested.extend(d.list.item(i).text() for i in range(d.list.count()))
        assert d.choose(asha)
        d.save()

    scripted(monkeypatch, CohortDialog, new_cohort)
    scripted(monkeypatch, PlanDialog, plan_four)
    scripted(monkeypatch, MemberChoiceDialog, add_asha)
    view.new_cohort()
    assert any("Asha Rahman — Graduated from" in s for s in suggested)
    listed = row_of(view.table, "Cohort 2")
    assert "Asha Rahman (graduate co-facilitator)" in listed[-1]
    assert listed[4] == "0 of 3" and listed[5] == "0"

    # Open it: facilitators say who is a graduate co-facilitator, the plan has 4 sessions.
    shown: list[CohortDialog] = []
    monkeypatch.setattr(CohortDialog, "exec", lambda d: shown.append(d) or 0)
    view.open_cohort()
    dialog = shown[0]
    qtbot.addWidget(dialog)
    dialog.show()
    assert row_of(dialog.facilitators.table, "Asha Rahman")[1].startswith(
        "Graduate co-facilitator (Peer Leadership Programme, Cohort 1"
    )
    assert [r[3] for r in rows(dialog.sessions.table)] == [
        "Welcome",
        "Our stories",
        "Co-production",
        "Leading together",
    ]

    # Enrol four people on three places: the fourth goes on the waiting list.
    people = dialog.people
    for name in ("Ben Okafor", "Cat Jones", "Zoë Ní Bhriain", "Dee Lowe"):
        scripted(monkeypatch, MemberChoiceDialog, choose_by_name(name))
        people.apply()
        assert "applied" in people.status.text()
        people.choose(
            next(r.enrolment.member_id for r in people.model.all_rows() if r.enrolment.name == name)
        )
        people.offer_button.click()
        people.enrol_button.click()
    assert "waiting list" in people.status.text().lower()
    assert people.waiting.text() == "Waiting list, in order: 1. Dee Lowe"
    assert row_of(people.table, "Dee Lowe")[1] == "On the waiting list (number 1)"
    assert row_of(people.table, "Ben Okafor")[1] == "Enrolled"

    # Take attendance at each session with the meetings screen; progress follows at once.
    before = progress_of(dialog, "Ben Okafor")
    dialog.tabs.setCurrentIndex(dialog.sessions_index)
    scripted(
        monkeypatch, AttendanceDialog, mark_present("Ben Okafor", "Cat Jones", "Zoë Ní Bhriain")
    )
    dialog.sessions.choose(1)
    dialog.sessions.take_attendance()
    after = progress_of(dialog, "Ben Okafor")
    assert after != before and after.startswith("Needs 2 more of the remaining")
    assert row_of(dialog.sessions.table, "Welcome")[4] == "3 came"
    scripted(monkeypatch, AttendanceDialog, mark_present("Ben Okafor", "Zoë Ní Bhriain"))
    for number in (2, 3, 4):
        dialog.sessions.choose(number)
        dialog.sessions.take_attendance()
    assert progress_of(dialog, "Ben Okafor") == "✓ Completed the attendance needed"
    assert progress_of(dialog, "Cat Jones").startswith("Cannot now complete")
    assert row_of(dialog.people.table, "Ben Okafor")[2] == "4 of 4"
    for model in (people.model, dialog.sessions.model, dialog.facilitators.model, view.model):
        qtmodeltester.check(model)

    # Graduate: Ben and Zoë are ticked; Cat, ticked too, is refused with the reason.
    def graduate(d: GraduateDialog) -> None:
        assert d.people.checked_ids() == {ben, zoe}
        assert d.ready.text() == "2 people have met the completion rule."
        cat = next(
            int(i.data(0x0100)) for i in d.people.items() if i.text().startswith("Cat Jones")
        )
        d.people.set_checked(cat)
        d.save()

    scripted(monkeypatch, GraduateDialog, graduate)
    dialog.tabs.setCurrentIndex(dialog.people_index)
    people.graduate_button.click()
    report = people.status.text()
    assert "✓ Ben Okafor graduated." in report and "✓ Zoë Ní Bhriain graduated." in report
    assert "✗ Cat Jones was not graduated: Cannot now complete" in report
    assert told and "Cat Jones" in told[-1]
    assert row_of(people.table, "Ben Okafor")[1] == "Completed (graduated)"

    # Certificates: the preview holds each graduate's name as they go by.
    printed: list[str] = []

    def read(d: PrintPreviewDialog) -> None:
        printed.append("".join(p.extract_text() for p in PdfReader(io.BytesIO(d._pdf)).pages))

    scripted(monkeypatch, PrintPreviewDialog, read)
    assert people.certificates_button.isEnabled()
    people.certificates_button.click()
    assert "Zoë Ní Bhriain" in printed[0] and "Ben Okafor" in printed[0]
    assert "Cat Jones" not in printed[0]
    assert "Peer Leadership Programme" in printed[0]
    dialog.reject()
