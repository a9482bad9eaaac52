"""The Leadership spectrum tab: the dated list with the stage reached, the comparison over
time, the checklist dialog with its live stage line, finishing refused without a member
with lived experience, Esc asking, Delete for drafts, and Ctrl+P's sheet."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader
from PySide6.QtCore import Qt

from involve_desktop.core.services import members, spectrum
from involve_desktop.core.services.member_dto import MemberInput, Restricted
from involve_desktop.core.services.spectrum_dto import (
    AnswerInput,
    AssessmentInput,
    AssessmentStatus,
)
from involve_desktop.core.services.spectrum_statements import Answer, Stage, statements_of
from involve_desktop.ui.involvement.spectrum_dialog import SpectrumDialog
from involve_desktop.ui.involvement.spectrum_tab import SpectrumTab
from involve_desktop.ui.print_preview import PrintPreviewDialog
from tests.ui.cohorts.conftest import answered_questions, told  # noqa: F401 - fixtures
from tests.ui.rota.scripting import scripted

TODAY = date(2026, 6, 1)
G = statements_of(Stage.GOOD_INVOLVEMENT)


def _seed(session, coordinator) -> dict[str, int]:
    ids = {
        "Zoë": members.create_member(
            session,
            coordinator,
            MemberInput(full_name="Zoë Okafor", restricted=Restricted(lived_experience=True)),
        ).id,
        "Ben": members.create_member(session, coordinator, MemberInput(full_name="Ben Mills")).id,
    }
    for day, answers in (
        (date(2025, 1, 15), ()),
        (date(2026, 1, 15), tuple(AnswerInput(s.key, Answer.YES) for s in G)),
    ):
        info = spectrum.create_assessment(
            session,
            coordinator,
            AssessmentInput(day, answers=answers, member_ids=(ids["Zoë"],)),
            today=TODAY,
        )
        spectrum.finish_assessment(session, coordinator, info.id)
    return ids


def _rows(view) -> list[list[str]]:
    model = view.model()
    return [
        [model.index(r, c).data() for c in range(model.columnCount())]
        for r in range(model.rowCount())
    ]


def test_list_and_comparison_show_stages_and_ticks_in_words(qtbot, context, session, coordinator):
    _seed(session, coordinator)
    tab = SpectrumTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    tab.refresh()
    rows = _rows(tab.table)
    assert [r[0] for r in rows] == ["Thu 15 Jan 2026", "Wed 15 Jan 2025"]  # newest first
    assert [r[2] for r in rows] == ["Good involvement", "Beginnings"]
    assert rows[0][3].startswith("7 still needed for Service user led")
    table = tab.comparison
    assert table.columnCount() == 3
    assert "Beginnings" in table.horizontalHeaderItem(1).text()
    good_row = next(
        r for r in range(table.rowCount()) if table.item(r, 0).text().endswith(G[0].text)
    )
    assert [table.item(good_row, c).text() for c in (1, 2)] == ["—", "✓ Yes"]


def test_new_assessment_live_stage_then_finish_refused_then_allowed(
    qtbot, monkeypatch, context, session, coordinator
):
    ids = _seed(session, coordinator)
    tab = SpectrumTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    tab.refresh()
    seen: list[str] = []

    def fill(d: SpectrumDialog) -> None:
        d.led_by.setText("The members' council")
        seen.append(d.stage_line.text())
        good = d.checklists[1]
        for row in good.rows:
            row.set_answer(Answer.YES)
        good.rows[2].set_answer(Answer.PARTLY)
        good.rows[2].comment.setText("Only the leaflet group so far")
        seen.append(d.stage_line.text())
        good.rows[2].set_answer(Answer.YES)
        seen.append(d.stage_line.text())
        d.people.filter_edit.setText("Ben")  # no recorded lived experience
        d.people._tick_first_shown()
        d.others.setPlainText("Priya Rao, trustee")
        d.save_and_finish()
        seen.append(d.labels["member_ids"].text())
        seen.append(str(d.tabs.currentIndex()))
        d.people.filter_edit.setText("Zoë")
        d.people._tick_first_shown()
        d.save_and_finish()

    scripted(monkeypatch, SpectrumDialog, fill)
    tab.add_new()
    assert "Stage reached: Beginnings" in seen[0]
    assert "Stage reached: Beginnings" in seen[1] and "(partly)" in seen[1]
    assert "Stage reached: Good involvement" in seen[2] and "Service user led" in seen[2]
    assert "members with lived experience took part" in seen[3]
    assert seen[3].endswith("It is saved as a draft.")
    assert seen[4] == "3"  # the Who took part tab is brought forward
    made = spectrum.list_assessments(session, coordinator)[0]
    assert made.day == TODAY and made.status is AssessmentStatus.FINISHED  # one, finished
    assert len(spectrum.list_assessments(session, coordinator)) == 3
    info = spectrum.get_assessment(session, coordinator, made.id)
    assert info.stage is Stage.GOOD_INVOLVEMENT
    assert info.answer_for(G[2].key).comment == "Only the leaflet group so far"
    assert {p.name for p in info.participants} == {"Ben Mills", "Zoë Okafor", "Priya Rao"}
    assert {p.member_id for p in info.participants if p.is_member} == {ids["Ben"], ids["Zoë"]}
    assert _rows(tab.table)[0][1] == "Finished"


def test_ticks_are_typed_from_the_keyboard(qtbot, context, session, coordinator):
    dialog = SpectrumDialog(context, coordinator, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    good = dialog.checklists[1]
    for index, row in enumerate(good.rows):
        row.tick.setFocus()
        qtbot.keyClicks(row.tick, "p" if index == 0 else "y")
    assert good.rows[0].answer() is Answer.PARTLY
    assert all(row.answer() is Answer.YES for row in good.rows[1:])
    assert "Stage reached: Beginnings" in dialog.stage_line.text()
    assert "(partly)" in dialog.stage_line.text()
    good.rows[0].set_answer(Answer.YES)
    assert "Stage reached: Good involvement" in dialog.stage_line.text()
    led = dialog.checklists[2].rows[0]
    qtbot.keyClicks(led.tick, "n")
    assert led.answer() is Answer.NO
    # Enter on a tick goes to the next statement; it does not save and close half-way.
    qtbot.keyClick(led.tick, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.result() == 0
    assert dialog.focusWidget() is dialog.checklists[2].rows[1].tick


def test_esc_asks_before_losing_typing(qtbot, context, session, coordinator, answered_questions):  # noqa: F811
    dialog = SpectrumDialog(context, coordinator, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert answered_questions == []  # nothing typed: closes without asking
    dialog = SpectrumDialog(context, coordinator, None, today=TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.checklists[0].rows[0].set_answer(Answer.YES)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert len(answered_questions) == 1 and "not saved" in answered_questions[0]


def test_drafts_can_be_deleted_finished_ones_cannot(
    qtbot,
    context,
    session,
    coordinator,
    answered_questions,  # noqa: F811
    told,  # noqa: F811
):
    _seed(session, coordinator)
    draft = spectrum.create_assessment(
        session, coordinator, AssessmentInput(date(2026, 5, 1), led_by="Jo"), today=TODAY
    )
    tab = SpectrumTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.table.selectRow(1)  # 15 Jan 2026, finished
    assert not tab.delete_button.isEnabled()
    tab.delete_chosen()
    assert "only drafts" in told[0]
    tab.table.selectRow(0)
    assert tab.chosen().id == draft.id and tab.delete_button.isEnabled()
    tab.delete_chosen()
    assert "Delete the draft" in answered_questions[0]
    assert [
        r.id for r in spectrum.list_assessments(session, coordinator)
    ] != [] and draft.id not in [r.id for r in spectrum.list_assessments(session, coordinator)]


def test_ctrl_p_prints_the_chosen_assessment(qtbot, monkeypatch, context, session, coordinator):
    _seed(session, coordinator)
    tab = SpectrumTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    tab.refresh()
    printed: list[str] = []

    def read(d: PrintPreviewDialog) -> None:
        printed.append("".join(p.extract_text() for p in PdfReader(io.BytesIO(d._pdf)).pages))

    scripted(monkeypatch, PrintPreviewDialog, read)
    assert tab.print_text
    tab.table.selectRow(1)
    tab.print_sheet()
    text = " ".join(printed[0].split())
    assert "Self-assessment of Wed 15 Jan 2025" in text
    assert "Stage reached: Beginnings" in text
