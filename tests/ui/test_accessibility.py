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
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QSlider,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from involve_desktop import startup
from involve_desktop.core.db.engine import session_factory
from involve_desktop.core.demo.seed import DEMO_PASSWORD, DemoSize
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.main_window import MainWindow

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QTextEdit,
    QPlainTextEdit,
    QSlider,
)


def _qt_part(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    return (
        widget.objectName().startswith("qt_")
        or isinstance(widget, QHeaderView)
        or (isinstance(widget, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox))
    )


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def _where(widget: QWidget) -> str:
    chain, node = [], widget
    while node is not None and not isinstance(node, MainWindow):
        chain.append(type(node).__name__ + (f"#{node.objectName()}" if node.objectName() else ""))
        node = node.parentWidget()
    return " < ".join(chain[:4])


def _visible_interactive(window: MainWindow, root: QWidget) -> list[QWidget]:
    return [
        w
        for w in root.findChildren(QWidget)
        if isinstance(w, INTERACTIVE) and w.isVisibleTo(window) and not _qt_part(w)
    ]


def _screens(window: MainWindow):
    """(where, root widget) for every area and every tab inside it."""
    for area in window.areas:
        window.show_area(area.key)
        yield area.key, area.widget
        for tabs in area.widget.findChildren(QTabWidget):
            if not tabs.isVisibleTo(window):
                continue
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                yield f"{area.key} / {tabs.tabText(index).replace('&', '')}", tabs.widget(index)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo group, made once for this module."""
    import os

    folder = tmp_path_factory.mktemp("a11y")
    old = os.environ.get("INVOLVE_DATA_DIR")
    os.environ["INVOLVE_DATA_DIR"] = str(folder)
    opened = startup.open_demo_database(DemoSize.STANDARD)
    yield AppContext(session_factory(opened.engine), opened.location, demo=True)
    opened.close()
    if old is not None:
        os.environ["INVOLVE_DATA_DIR"] = old


def _actor(context: AppContext, role: Role):
    with context.session() as session:
        coordinator = accounts.sign_in(session, "demo", DEMO_PASSWORD)
        if role is Role.COORDINATOR:
            return coordinator
        facilitator = next(
            a for a in accounts.list_accounts(session, coordinator) if a.role is Role.FACILITATOR
        )
        return accounts.sign_in(session, facilitator.username, DEMO_PASSWORD)


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.FACILITATOR])
def test_every_widget_on_every_screen_has_a_name(qtbot, demo, role):
    window = MainWindow(demo, _actor(demo, role))
    qtbot.addWidget(window)
    window.resize(1280, 720)
    window.show()
    unnamed: dict[str, str] = {}
    screens = 0
    for where, root in _screens(window):
        screens += 1
        qtbot.wait(1)
        for widget in _visible_interactive(window, root):
            if not _name(widget):
                unnamed.setdefault(_where(widget), where)
    assert screens >= (10 if role is Role.COORDINATOR else 5)
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
