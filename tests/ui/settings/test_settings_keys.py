"""Settings by keyboard. On Group, Accounts, Lists, Panels and Your account every button and
every labelled field carries an Alt letter, and pressing it clicks the button or puts the
cursor in the field; those tabs' own letters open them. Enter in Your account's password
boxes and in Panels' number boxes saves, once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QWidget,
)

from involve_desktop.core.demo.seed import DEMO_PASSWORD
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, panels_policy
from involve_desktop.ui.main_window import MainWindow
from tests.ui.accessibility.keys import focused, mnemonic, press
from tests.ui.accessibility.walk import actor_for, demo_context, qt_part, select_first_rows

TABS = ("group_tab", "accounts_tab", "lists_tab", "panels_tab", "own_account_tab")
# Gro&up and Bac&kups: G is the Go menu's, R and P are buttons' and fields' on other tabs,
# and O is Screen lock's. Audit log has none (see settings_view.py).
TAB_LETTERS = {
    "group_tab": "u",
    "backups_tab": "k",
    "accounts_tab": "t",
    "lists_tab": "i",
    "panels_tab": "n",
    "lock_tab": "o",
    "privacy_tab": "v",
    "own_account_tab": "y",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo group, made once for this module (the keys change nothing that matters)."""
    with demo_context(tmp_path_factory.mktemp("settings_keys")) as context:
        yield context


@pytest.fixture
def window(qtbot, demo, monkeypatch):
    """The coordinator's window on Settings; dialogs a button opens close at once and
    questions answer No, so pressing every button changes nothing."""
    monkeypatch.setattr(QDialog, "exec", lambda dialog: QDialog.DialogCode.Rejected)
    no = QMessageBox.StandardButton.No
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: no)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    main = MainWindow(demo, actor_for(demo, Role.COORDINATOR))
    qtbot.addWidget(main)
    main.resize(1366, 768)
    main.show()
    qtbot.waitExposed(main)
    main.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    main.show_area("settings")
    yield main
    main.lock_controller.stop()


def _letter(text: str) -> str:
    """The underlined letter of ``text`` ("" if none)."""
    key = QKeySequence.mnemonic(text)
    return "" if key.isEmpty() else key.toString().removeprefix("Alt+").lower()


def _open(qtbot, window, name: str) -> QWidget:
    view = window.settings_view
    tab = getattr(view, name)
    view.tabs.setCurrentWidget(tab)
    qtbot.waitUntil(tab.isVisible)
    select_first_rows(window, tab)  # buttons that need a choice come alive
    return tab


def _buttons(tab: QWidget) -> list[QAbstractButton]:
    return [b for b in tab.findChildren(QAbstractButton) if b.isVisible() and not qt_part(b)]


def _fields(tab: QWidget) -> list[QWidget]:
    kinds = (QLineEdit, QAbstractSpinBox, QComboBox)
    return [
        w
        for w in tab.findChildren(QWidget)
        if isinstance(w, kinds) and w.isVisible() and not qt_part(w)
    ]


def _label_of(tab: QWidget, field: QWidget) -> QLabel | None:
    for label in tab.findChildren(QLabel):
        buddy = label.buddy()
        if buddy is not None and (buddy is field or buddy.focusProxy() is field):
            return label
    return None


@pytest.mark.parametrize("name", TABS)
def test_every_button_and_labelled_field_has_an_alt_letter_that_works(qtbot, window, name):
    tab = _open(qtbot, window, name)
    buttons = _buttons(tab)
    assert buttons and not [b.text() for b in buttons if not _letter(b.text())]
    fields = _fields(tab)
    labels = {field: _label_of(tab, field) for field in fields}
    unlabelled = [f.accessibleName() for f, label in labels.items() if label is None]
    assert not unlabelled, f"fields with no label pointing at them: {unlabelled}"
    assert not [lab.text() for lab in labels.values() if not _letter(lab.text())]

    for button in buttons:
        if not button.isEnabled():
            continue
        clicks: list[bool] = []
        button.clicked.connect(lambda *_a, seen=clicks: seen.append(True))
        mnemonic(qtbot, _letter(button.text()))
        qtbot.waitUntil(lambda seen=clicks: bool(seen), timeout=1000)
    for field, label in labels.items():
        mnemonic(qtbot, _letter(label.text()))
        assert focused() is field, f"Alt letter of {label.text()!r} did not reach its field"


@pytest.mark.parametrize("name", TAB_LETTERS)
def test_the_tab_letter_opens_the_tab(qtbot, window, name):
    view = window.settings_view
    tab = getattr(view, name)
    assert _letter(view.tabs.tabText(view.tabs.indexOf(tab))) == TAB_LETTERS[name]
    view.tabs.setCurrentWidget(view.own_account_tab)
    view.tabs.setFocus()
    mnemonic(qtbot, TAB_LETTERS[name])
    assert view.tabs.currentWidget() is tab


def _type_into(qtbot, box: QWidget, text: str) -> None:
    box.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is box)
    press(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(box, text)


def test_enter_in_a_password_box_changes_the_password_once(qtbot, window, demo, monkeypatch):
    tab = _open(qtbot, window, "own_account_tab")
    calls = []
    real = accounts.change_own_password
    monkeypatch.setattr(
        accounts, "change_own_password", lambda *a, **k: calls.append(a) or real(*a, **k)
    )
    _type_into(qtbot, tab.current, "not my password")
    _type_into(qtbot, tab.new, "a brand new passphrase")
    _type_into(qtbot, tab.again, "a brand new passphrase")
    qtbot.keyClick(tab.again, Qt.Key.Key_Return)
    assert len(calls) == 1 and not tab.done.text()  # wrong current password: said, not saved
    assert tab.new.text() == "a brand new passphrase"  # what was typed is kept

    _type_into(qtbot, tab.current, DEMO_PASSWORD)
    qtbot.keyClick(tab.current, Qt.Key.Key_Enter)  # the number pad's Enter too
    assert len(calls) == 2 and "changed" in tab.done.text()
    with demo.session() as session:
        assert accounts.sign_in(session, "demo", "a brand new passphrase").username == "demo"
        real(session, window.actor, "a brand new passphrase", DEMO_PASSWORD, again=DEMO_PASSWORD)


@pytest.mark.parametrize("box", ["threshold", "min_lived"])
def test_enter_in_a_panels_number_box_saves_once(qtbot, window, demo, monkeypatch, box):
    tab = _open(qtbot, window, "panels_tab")
    calls = []
    real = panels_policy.save_policy
    monkeypatch.setattr(
        panels_policy, "save_policy", lambda *a, **k: calls.append(a) or real(*a, **k)
    )
    spin = getattr(tab, box)
    new = spin.value() + 1
    _type_into(qtbot, spin, str(new))
    qtbot.keyClick(focused(), Qt.Key.Key_Return)
    assert len(calls) == 1 and tab.saved_label.text() == "✓ Saved."
    with demo.session() as session:
        policy = panels_policy.get_policy(session, window.actor)
    assert (policy.reliance_threshold if box == "threshold" else policy.min_lived) == new


@pytest.mark.parametrize("how", ["enter", "save_button"])
def test_a_number_out_of_range_is_said_not_quietly_undone(qtbot, window, demo, monkeypatch, how):
    """Qt puts the last good number back: the tab says so beside the box instead of saving
    the old value and saying "Saved"."""
    tab = _open(qtbot, window, "panels_tab")
    calls = []
    monkeypatch.setattr(panels_policy, "save_policy", lambda *a, **k: calls.append(a))
    _type_into(qtbot, tab.threshold, "5")
    if how == "enter":
        qtbot.keyClick(focused(), Qt.Key.Key_Return)
    else:
        tab.save_button.setFocus()  # focus leaves the box, as a click on Save does
        tab.save_button.click()
    assert calls == [] and tab.saved_label.text() == ""
    message = tab.labels["reliance_threshold"].text()
    assert "“5” is outside what this box takes: type a number from 10 to 100." in message
    assert tab.labels["reliance_threshold"].isVisibleTo(tab)
