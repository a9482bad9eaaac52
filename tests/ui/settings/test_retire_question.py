"""Settings → Lists: retiring a role or training asks first (Esc and Enter answer No) and
says what still uses it; restoring does not ask. Editing a training says that training already
recorded keeps the expiry date it was given."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from involve_desktop.core.services import reference_lists, rota_patterns
from involve_desktop.core.services.reference_lists import ListEntryUse
from involve_desktop.core.services.rota_dto import PatternInput
from involve_desktop.ui.settings.lists_tab import (
    VALIDITY_NOTE,
    ListEntryDialog,
    ListsTab,
    retire_question,
    use_words,
)
from tests.core.rota.helpers import peer, shift, site

LATER = date.today() + timedelta(days=30)


@pytest.fixture
def tab(qtbot, context, coordinator, session) -> ListsTab:
    """The Lists tab, with Peer support required by one pattern and one coming shift and
    held by two people."""
    ward = site(session, coordinator)
    start = date.today()
    rota_patterns.create_pattern(
        session, coordinator, PatternInput(ward, 2, time(9), time(13), start)
    )
    shift(session, coordinator, ward, LATER)
    for name in ("Aisha Khan", "Ben Okafor"):
        peer(session, coordinator, name, trained_until=None)
    widget = ListsTab(context, coordinator)
    qtbot.addWidget(widget)
    widget.show()
    kind = reference_lists.training_type_id(session, "peer_support")
    widget.select(widget.training_table, widget.training, kind)
    return widget


def _status(tab: ListsTab) -> str:
    return "In use" if tab.selected_training().active else "Retired"


def test_the_words_say_what_uses_it():
    assert use_words(ListEntryUse(3, 12, 16)) == (
        "It is required by 3 rota patterns and 12 coming shifts; 16 people hold it."
    )
    assert (
        use_words(ListEntryUse(0, 1, 0)) == "It is required by 1 coming shift; nobody holds it now."
    )
    assert use_words(ListEntryUse(people=1)) == "1 person holds it."
    assert use_words(ListEntryUse()) == "Nobody holds it now."
    role = retire_question("role", "Volunteer", ListEntryUse(people=3))
    assert role.startswith("Retire “Volunteer”?\n\n3 people hold it.\n\n")
    assert "nobody else can be given it" in role and "shifts" not in role
    assert "runs out" not in role
    training = retire_question("training", "Peer support", ListEntryUse(1, 4, 9))
    # retired training is not offered when recording training: nobody can renew it
    assert "nobody can renew it when theirs runs out" in training
    assert "Everyone who has it keeps it until it runs out" in training


def test_retiring_training_asks_with_the_counts_and_no_keeps_it(qtbot, tab, monkeypatch):
    asked = []

    def answer(parent, title, text, buttons, default):
        asked.append((title, text, default))
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.mouseClick(tab.retire_training_button, Qt.MouseButton.LeftButton)
    title, text, default = asked[0]
    assert title == "Retire training" and default == QMessageBox.StandardButton.No
    assert text.startswith("Retire “Peer support”?")
    assert "It is required by 1 rota pattern and 1 coming shift; 2 people hold it." in text
    assert "New rota shifts require it" in text
    assert "only people who already have it can work those shifts" in text
    assert _status(tab) == "In use"

    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(tab.retire_training_button, Qt.MouseButton.LeftButton)
    assert _status(tab) == "Retired"
    monkeypatch.setattr(QMessageBox, "question", lambda *a: pytest.fail("restoring asked"))
    qtbot.mouseClick(tab.retire_training_button, Qt.MouseButton.LeftButton)
    assert _status(tab) == "In use"


@pytest.mark.parametrize("key", [Qt.Key.Key_Escape, Qt.Key.Key_Return])
def test_esc_or_enter_on_the_question_answers_no(qtbot, tab, key):
    seen = []

    def press_key() -> None:
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, press_key)
            return
        seen.append(box.text())
        QTest.keyClick(box, key)

    QTimer.singleShot(0, press_key)
    tab.retire_training_button.click()
    assert seen and "Peer support" in seen[0]
    assert _status(tab) == "In use"


def test_editing_training_says_recorded_expiry_dates_stay(qtbot, tab, monkeypatch):
    shown = {}

    def look(dialog: ListEntryDialog) -> int:
        dialog.show()
        note = getattr(dialog, "validity_note", None)
        shown[dialog.windowTitle()] = note is not None and note.isVisible() and note.text()
        return 0

    monkeypatch.setattr(ListEntryDialog, "exec", look)
    tab.edit_training()
    tab.add_training()
    assert shown == {"Edit training": VALIDITY_NOTE, "Add training": False}
    assert "keeps the expiry date it was given" in VALIDITY_NOTE
