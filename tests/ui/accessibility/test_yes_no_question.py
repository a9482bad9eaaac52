"""The yes/no questions asked before removing, replacing, archiving or restoring something
(``messages.ask``): Enter and Esc both say No, so a stray key never does the harm; a
question whose Yes is the usual next step can make Yes the default."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from involve_desktop.ui.messages import ask
from tests.ui.accessibility.test_discard_question import when_asked


@pytest.mark.parametrize(
    ("key", "yes_by_default", "expected"),
    [
        (Qt.Key.Key_Return, False, False),
        (Qt.Key.Key_Escape, False, False),
        (Qt.Key.Key_Return, True, True),
        (Qt.Key.Key_Escape, True, False),
        (Qt.Key.Key_Y, False, True),  # the letter on the button says Yes
    ],
)
def test_keys_answer_a_yes_no_question(qtbot, key, yes_by_default, expected) -> None:
    seen = when_asked(qtbot, key)
    answer = ask(None, "Remove rate", "Remove the rate?", yes_by_default=yes_by_default)
    assert seen[:1] == ["Remove rate"], seen
    assert not any(word.startswith("still open") for word in seen), seen
    assert answer is expected
