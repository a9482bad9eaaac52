"""Settings → Screen lock: the allowed range is written beside the box, and a number typed
outside it stays in the box with a warning naming the fix (never quietly put back); Save
refuses it; the arrows stay within the range."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from involve_desktop.core.services import idle
from involve_desktop.ui.lock.lock_settings_tab import LockSettingsTab


@pytest.fixture
def tab(qtbot, context, coordinator):
    widget = LockSettingsTab(context, coordinator)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def _type_minutes(qtbot, tab, text: str) -> None:
    box = tab.minutes
    box.setFocus()
    box.selectAll()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Tab)  # leave the box, as a person would
    box.interpretText()


def test_the_range_is_shown_beside_the_box(tab):
    assert tab.range_label.isVisible()
    assert tab.range_label.text() == "(between 2 and 15 minutes)"
    assert "between 2 and 15 minutes" in tab.minutes.accessibleDescription()


def test_typing_1_is_kept_and_named_as_out_of_range_not_put_back(qtbot, tab, context):
    _type_minutes(qtbot, tab, "1")
    assert tab.minutes.value() == 1  # not quietly back to 5
    assert tab.minutes.text() == "1 minutes"
    assert tab.error.isVisible()
    assert "between 2 and 15 minutes — type a number from 2 to 15" in tab.error.text()
    tab.save_button.click()
    assert tab.error.isVisible()
    assert "type a number from 2 to 15" in tab.error.text()
    assert "Saved" not in tab.done.text()
    with context.session() as session:
        assert idle.idle_minutes(session) == 5
    _type_minutes(qtbot, tab, "3")
    assert not tab.error.isVisible()  # fixed: the warning goes
    tab.save_button.click()
    assert "Saved" in tab.done.text()
    with context.session() as session:
        assert idle.idle_minutes(session) == 3


def test_too_many_minutes_are_named_too(qtbot, tab):
    _type_minutes(qtbot, tab, "60")
    assert tab.minutes.value() == 60
    assert "type a number from 2 to 15" in tab.error.text()


def test_the_arrows_stay_within_the_range(qtbot, tab):
    tab.minutes.setValue(15)
    qtbot.keyClick(tab.minutes, Qt.Key.Key_Up)
    assert tab.minutes.value() == 15
    tab.minutes.setValue(2)
    qtbot.keyClick(tab.minutes, Qt.Key.Key_Down)
    assert tab.minutes.value() == 2
    qtbot.keyClick(tab.minutes, Qt.Key.Key_Up)
    assert tab.minutes.value() == 3
    assert not tab.error.isVisible()
