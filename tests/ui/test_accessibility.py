"""Every screen is usable with a screen reader and the keyboard: a walk through the window.

For the demo group, as a coordinator and as a facilitator, every area and every tab inside
it is shown, and every visible interactive widget (buttons, boxes, lists, tables) must have
an accessible name — from its text, its buddy label or ``setAccessibleName`` — as a
screen reader would read it. Qt's own parts of a compound widget (a spin box's line edit,
a table's header and corner button, an editable combo's line edit) are named through their
owner and are skipped. A widget without a name is reported with where it was found.
"""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QWidget

from involve_desktop.core.permissions import Role
from involve_desktop.ui.main_window import MainWindow
from tests.ui.accessibility.walk import accessible_name as _name
from tests.ui.accessibility.walk import actor_for, demo_context, screens
from tests.ui.accessibility.walk import visible_interactive as _visible_interactive


def _where(widget: QWidget) -> str:
    chain, node = [], widget
    while node is not None and not isinstance(node, MainWindow):
        chain.append(type(node).__name__ + (f"#{node.objectName()}" if node.objectName() else ""))
        node = node.parentWidget()
    return " < ".join(chain[:4])


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo group, made once for this module."""
    with demo_context(tmp_path_factory.mktemp("a11y")) as context:
        yield context


def _actor(context, role: Role):
    return actor_for(context, role)


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.FACILITATOR])
def test_every_widget_on_every_screen_has_a_name(qtbot, demo, role):
    window = MainWindow(demo, _actor(demo, role))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    unnamed: dict[str, str] = {}
    count = 0
    for where, root in screens(window):
        count += 1
        qtbot.wait(1)
        for widget in _visible_interactive(window, root):
            if not _name(widget):
                unnamed.setdefault(_where(widget), where)
    assert count >= (10 if role is Role.COORDINATOR else 5)
    assert unnamed == {}, "widgets without an accessible name"


def test_the_walk_finds_a_nameless_button(qtbot, demo):
    from PySide6.QtWidgets import QToolButton

    window = MainWindow(demo, _actor(demo, Role.COORDINATOR))
    qtbot.addWidget(window)
    window.show()
    planted = QToolButton(window.members_view)  # no text, no name
    planted.show()
    window.show_area("members")
    found = [w for w in _visible_interactive(window, window.members_view) if not _name(w)]
    assert found == [planted]
    planted.setText("Planted")
    assert _name(planted) == "Planted"
