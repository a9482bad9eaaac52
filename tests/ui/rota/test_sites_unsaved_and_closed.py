"""Set up sites: changing site (or Add site) with unsaved typing asks "Discard your
changes?"; closing a day that has shifts asks whether to cancel them, naming who to tell;
every button and tab has its own Alt letter."""

from __future__ import annotations

from datetime import date, time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from involve_desktop.core.services import rota_assign, rota_shifts, rota_sites
from involve_desktop.ui import dialog_keys
from involve_desktop.ui.rota.setup_dialogs import SitesDialog
from involve_desktop.ui.rota.setup_widgets import to_qdate
from tests.core.rota.helpers import peer, shift, site
from tests.ui.accessibility.keys import CTRL, mnemonic, press
from tests.ui.accessibility.mnemonics import clashes, offered

MON = date(2026, 11, 30)


@pytest.fixture
def sites(session, coordinator) -> dict[str, int]:
    """Hub and Ward 4 (listed in that order)."""
    return {"hub": site(session, coordinator, "Hub"), "ward": site(session, coordinator, "Ward 4")}


@pytest.fixture
def answers(monkeypatch) -> list:
    """The "Discard your changes?" answers to give (True: Discard); records each asking."""
    given: list = []
    asked: list = []

    def answer(parent) -> bool:
        asked.append(parent)
        return given.pop(0)

    monkeypatch.setattr(dialog_keys, "ask_discard", answer)
    given.append(asked)  # the last item is the record, read by tests as answers[-1]
    return given


def open_dialog(qtbot, context, actor) -> SitesDialog:
    dialog = SitesDialog(context, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    return dialog


def type_note(qtbot, dialog: SitesDialog, text: str) -> None:
    dialog.form.accessibility_notes.setFocus()
    qtbot.keyClicks(dialog.form.accessibility_notes, text)


def click_row(qtbot, dialog: SitesDialog, row: int) -> None:
    rect = dialog.site_list.visualItemRect(dialog.site_list.item(row))
    qtbot.mouseClick(dialog.site_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_keep_editing_keeps_the_site_and_the_note(qtbot, context, coordinator, sites, answers):
    dialog = open_dialog(qtbot, context, coordinator)
    assert dialog.current_site().name == "Hub"
    type_note(qtbot, dialog, "Step-free via the side door")
    answers.insert(0, False)  # Keep editing
    click_row(qtbot, dialog, 1)
    assert len(answers[-1]) == 1
    assert dialog.site_list.currentRow() == 0 and dialog.current_site().name == "Hub"
    qtbot.wait(10)  # the click's own selection comes after the question: Hub stays chosen
    assert [index.row() for index in dialog.site_list.selectedIndexes()] == [0]
    assert dialog.form.accessibility_notes.toPlainText() == "Step-free via the side door"
    assert dialog.heading.text() == "<b>Hub</b>"
    answers.insert(0, False)  # Add site (Ctrl+N) asks too
    press(qtbot, Qt.Key.Key_N, CTRL)
    qtbot.wait(150)  # a button's shortcut clicks it as a mouse would: released 100 ms later
    assert len(answers[-1]) == 2
    assert dialog.current_site().name == "Hub"
    assert dialog.form.accessibility_notes.toPlainText() == "Step-free via the side door"


def test_discard_shows_the_other_site(qtbot, context, coordinator, sites, answers):
    dialog = open_dialog(qtbot, context, coordinator)
    type_note(qtbot, dialog, "Lift at the back")
    answers.insert(0, True)  # Discard changes
    click_row(qtbot, dialog, 1)
    assert dialog.current_site().name == "Ward 4"
    assert dialog.form.accessibility_notes.toPlainText() == ""
    assert dialog.heading.text() == "<b>Ward 4</b>"
    with context.session() as session:
        hub = rota_sites.list_sites(session, coordinator)[0]
    assert hub.accessibility_notes is None
    assert not dialog.has_unsaved_edits()


def test_no_question_without_typing_or_after_saving(qtbot, context, coordinator, sites, answers):
    dialog = open_dialog(qtbot, context, coordinator)
    click_row(qtbot, dialog, 1)
    assert dialog.current_site().name == "Ward 4"
    type_note(qtbot, dialog, "Ring the bell")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    click_row(qtbot, dialog, 0)
    assert dialog.current_site().name == "Hub"
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.current_site() is None and dialog.heading.text() == "<b>New site</b>"
    assert answers[-1] == []  # never asked


@pytest.fixture
def ward_monday(session, coordinator, sites) -> dict[str, int]:
    """Ward 4 on Mon 30 Nov 2026: two shifts with people on, one empty."""
    ward = sites["ward"]
    ids = {
        "morning": shift(session, coordinator, ward, day=MON),
        "afternoon": shift(session, coordinator, ward, day=MON, start=time(14), end=time(18)),
        "evening": shift(session, coordinator, ward, day=MON, start=time(18), end=time(22)),
    }
    rota_assign.assign(
        session, coordinator, ids["morning"], peer(session, coordinator, "Aisha Khan")
    )
    rota_assign.assign(
        session, coordinator, ids["afternoon"], peer(session, coordinator, "Ben Morris")
    )
    return ids


def close_monday(qtbot, context, coordinator, monkeypatch, answer) -> tuple[SitesDialog, list]:
    asked = []

    def question(parent, title, text, *args):
        asked.append(text)
        return answer

    monkeypatch.setattr(QMessageBox, "question", question)
    dialog = open_dialog(qtbot, context, coordinator)
    dialog.site_list.setCurrentRow(1)
    dialog.tabs.setCurrentIndex(2)
    dialog.closed_day.setDate(to_qdate(MON))
    dialog.closed_note.setText("Ward refurbishment")
    qtbot.mouseClick(dialog.add_closed_button, Qt.MouseButton.LeftButton)
    return dialog, asked


def test_closing_a_day_with_shifts_asks_and_no_leaves_it_open(
    qtbot, context, coordinator, ward_monday, monkeypatch, session
):
    dialog, asked = close_monday(
        qtbot, context, coordinator, monkeypatch, QMessageBox.StandardButton.No
    )
    assert len(asked) == 1
    assert asked[0].startswith(
        "Ward 4 has 3 shifts on Mon 30 Nov 2026 (2 with people on them). "
        "Cancel them and close the day?"
    )
    assert "Let them know: Aisha Khan, Ben Morris." in asked[0]
    assert dialog.closed_list.count() == 0
    assert dialog.closed_note.text() == "Ward refurbishment"  # kept to try again
    view = rota_shifts.shift_view(session, coordinator, ward_monday["morning"])
    assert not view.slot.cancelled


def test_closing_a_day_with_shifts_and_yes_cancels_them(
    qtbot, context, coordinator, ward_monday, monkeypatch, session
):
    dialog, asked = close_monday(
        qtbot, context, coordinator, monkeypatch, QMessageBox.StandardButton.Yes
    )
    assert len(asked) == 1
    assert [dialog.closed_list.item(0).text()] == ["Mon 30 Nov 2026 — Ward refurbishment"]
    for shift_id in ward_monday.values():
        view = rota_shifts.shift_view(session, coordinator, shift_id)
        assert (view.slot.cancelled, view.cancelled_reason) == (True, "Ward refurbishment")


def test_closing_a_day_without_shifts_asks_nothing(qtbot, context, coordinator, sites, monkeypatch):
    dialog, asked = close_monday(qtbot, context, coordinator, monkeypatch, None)
    assert asked == []
    assert dialog.closed_list.count() == 1


def test_every_button_and_tab_has_its_own_alt_letter(qtbot, context, coordinator, sites):
    dialog = open_dialog(qtbot, context, coordinator)
    dialog.pattern_table.selectRow(0)
    expected = {
        0: {"A": "Add site", "R": "Archive", "S": "Save site"},
        1: {"E": "Add weekly shift", "H": "Change…"},
        2: {"L": "Add closed day", "O": "Open again"},
    }
    for index, letters in expected.items():
        dialog.tabs.setCurrentIndex(index)
        found = offered(dialog)
        assert clashes(dialog) == {}
        for tab_letter in ("D", "W", "Y"):  # Details, Weekly shifts, Closed days
            assert f"Alt+{tab_letter}" in found
        for letter, text in letters.items():
            carriers = found.get(f"Alt+{letter}", [])
            assert any(text in what.replace("&", "") for what in carriers), letter


def test_alt_letters_do_what_they_say(qtbot, context, coordinator, sites):
    dialog = open_dialog(qtbot, context, coordinator)
    dialog.site_list.setFocus()
    mnemonic(qtbot, "y")  # Closed da&ys
    assert dialog.tabs.currentIndex() == 2
    mnemonic(qtbot, "w")  # &Weekly shifts
    assert dialog.tabs.currentIndex() == 1
    mnemonic(qtbot, "a")  # &Add site
    assert dialog.current_site() is None and dialog.tabs.currentIndex() == 0
