"""Peer supporters: choosing another person with unsaved weekly times or limits asks
"Discard your changes?"; the auto-fill, make-shifts and peer supporters dialogs give every
button its own Alt letter, and Ctrl+Z still undoes an auto-fill."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog

from involve_desktop.core.services import rota_availability, rota_shifts, rota_sites
from involve_desktop.ui import dialog_keys
from involve_desktop.ui.rota.autofill_dialog import AutofillDialog
from involve_desktop.ui.rota.availability_dialog import AvailabilityDialog
from involve_desktop.ui.rota.setup_generate import GenerateDialog
from involve_desktop.ui.rota.setup_pattern import PatternDialog
from tests.core.rota.helpers import peer, shift, site
from tests.ui.accessibility.keys import CTRL, mnemonic, press
from tests.ui.accessibility.mnemonics import clashes
from tests.ui.typing import type_text


def shown(qtbot, dialog: QDialog) -> QDialog:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=3000)
    return dialog


@pytest.fixture
def people(session, coordinator) -> tuple[int, int]:
    """Aisha and Ben, peer supporters without limits."""
    return peer(session, coordinator, "Aisha Khan"), peer(session, coordinator, "Ben Jones")


@pytest.fixture
def asked(monkeypatch) -> list:
    """Answers to "Discard your changes?" put in ``asked[0]`` (a list); askings counted in
    ``asked[1]``."""
    state: list = [[], []]

    def answer(parent) -> bool:
        state[1].append(parent)
        return state[0].pop(0)

    monkeypatch.setattr(dialog_keys, "ask_discard", answer)
    return state


def test_keep_editing_keeps_the_person_and_their_typed_limits(
    qtbot, context, coordinator, people, asked
):
    aisha, _ben = people
    dialog = shown(qtbot, AvailabilityDialog(context, coordinator, aisha))
    type_text(qtbot, dialog.max_shifts, "2")
    asked[0].append(False)  # Keep editing
    dialog.person.setCurrentIndex(1)
    assert len(asked[1]) == 1
    assert dialog.member_id() == aisha and dialog.person.currentText() == "Aisha Khan"
    assert dialog.max_shifts.text() == "2"
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    with context.session() as session:
        assert rota_availability.availability(session, coordinator, aisha).max_shifts_per_week == 2


def test_discard_shows_the_other_person(qtbot, context, coordinator, people, asked):
    aisha, ben = people
    dialog = shown(qtbot, AvailabilityDialog(context, coordinator, aisha))
    type_text(qtbot, dialog.max_hours, "30")
    asked[0].append(True)  # Discard changes
    dialog.person.setCurrentIndex(1)
    assert dialog.member_id() == ben and dialog.max_hours.text() == ""
    with context.session() as session:
        assert (
            rota_availability.availability(session, coordinator, aisha).max_hours_per_month is None
        )
    assert not dialog.has_unsaved_edits()
    dialog.person.setCurrentIndex(0)  # nothing typed for Ben: no question
    assert dialog.member_id() == aisha and len(asked[1]) == 1


def letters_missing(dialog: QDialog) -> list[str]:
    """Visible buttons without an Alt letter (Close and Cancel aside: Esc does those)."""
    return [
        b.text()
        for b in dialog.findChildren(QAbstractButton)
        if b.isVisible()
        and b.text()
        and "&" not in b.text()
        and b.text() not in ("Close", "Cancel")
    ]


def test_peer_supporters_dialog_letters(qtbot, context, coordinator, people):
    dialog = shown(qtbot, AvailabilityDialog(context, coordinator, people[0], print_sheet=print))
    assert letters_missing(dialog) == [] and clashes(dialog) == {}


def test_make_shifts_and_auto_fill_letters_and_ctrl_z(qtbot, context, coordinator, session):
    day = date.today() + timedelta(days=7)
    ward = site(session, coordinator, "Ward 4")
    shift(session, coordinator, ward, day, time(9), time(13))
    peer(session, coordinator, "Aisha Khan")
    peer(session, coordinator, "Ben Jones")
    generate = shown(qtbot, GenerateDialog(context, coordinator, day, day))
    assert letters_missing(generate) == [] and clashes(generate) == {}
    generate.hide()
    dialog = shown(qtbot, AutofillDialog(context, coordinator, day, day))
    assert letters_missing(dialog) == [] and clashes(dialog) == {}
    dialog.end.setFocus()
    mnemonic(qtbot, "p")  # &Propose
    assert dialog.proposed.rowCount() == 2
    mnemonic(qtbot, "f")  # &Fill these shifts
    assert dialog.undo_button.isVisible()
    assert letters_missing(dialog) == [] and clashes(dialog) == {}

    def on() -> int:
        with context.session() as s:
            return sum(len(v.assignees) for v in rota_shifts.shift_views(s, coordinator, day, day))

    assert on() == 2
    dialog.proposed.setFocus()  # a date box would take Ctrl+Z as its own undo
    press(qtbot, Qt.Key.Key_Z, CTRL)
    qtbot.waitUntil(lambda: on() == 0, timeout=2000)
    assert not dialog.undo_button.isEnabled()


def test_weekly_shift_dialog_letters(qtbot, context, coordinator, session):
    ward_id = site(session, coordinator, "Ward 4")
    info = next(s for s in rota_sites.list_sites(session, coordinator) if s.id == ward_id)
    dialog = shown(qtbot, PatternDialog(context, coordinator, info))
    assert letters_missing(dialog) == [] and clashes(dialog) == {}
    dialog.weekday.setFocus()
    mnemonic(qtbot, "b")  # Runs on &bank holidays
    assert dialog.bank_holidays.isChecked()
