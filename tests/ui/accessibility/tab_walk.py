"""Walk the Tab focus chain with key presses and say what is wrong with it.

Starting from the widget that has focus, Tab is pressed (``qtbot.keyClick`` on
``QApplication.focusWidget()``) until focus comes back round. The walk reports widgets that
take Tab focus but are never reached, a Tab that does not move focus (a trap), and, inside
each form, fields reached out of top-to-bottom order.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QRadioButton,
    QWidget,
)


def _owner(widget: QWidget | None, top: QWidget) -> QWidget | None:
    """The control a focused inner part belongs to (a spin box's or combo's line edit).

    A container whose focus is passed on (``setFocusProxy``) is not itself a stop: the
    control it passes focus to is.
    """
    node = widget
    while node is not None and node is not top:
        parent = node.parentWidget()
        if isinstance(parent, QComboBox | QAbstractSpinBox):
            return parent
        if not node.objectName().startswith("qt_"):
            return node
        node = parent
    return widget


def _group_reached(widget: QWidget, reached: list[QWidget]) -> bool:
    """A radio button whose exclusive group Tab stops on once; arrows move inside it."""
    if not isinstance(widget, QRadioButton):
        return False
    group = widget.group()
    if group is not None and group.exclusive():
        return any(button in reached for button in group.buttons())
    siblings = widget.parentWidget().findChildren(QRadioButton) if widget.autoExclusive() else []
    return any(button in reached for button in siblings)


def _has_sections(widget: QWidget | None) -> bool:
    """A date or time box, where Tab first moves through its sections (day, month, year)."""
    if widget is None:
        return False
    return isinstance(widget, QDateTimeEdit)


def tab_takers(top: QWidget) -> list[QWidget]:
    """Every visible, enabled control under ``top`` that Tab should stop on."""
    found = []
    for widget in top.findChildren(QWidget):
        if not (widget.isVisibleTo(top) and widget.isEnabled()):
            continue
        if not widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            continue
        if widget.focusProxy() is not None or widget.objectName().startswith("qt_"):
            continue
        if isinstance(widget.parentWidget(), QComboBox | QAbstractSpinBox):
            continue
        found.append(widget)
    return found


def walk(qtbot, top: QWidget, limit: int = 200) -> list[QWidget | None]:
    """The controls Tab reaches from the current focus, in order, once round."""
    top.activateWindow()
    QApplication.processEvents()
    focused = QApplication.focusWidget()
    if focused is None or not top.isAncestorOf(focused):
        first = next(iter(tab_takers(top)), None)
        if first is None:
            return []
        first.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
    start = _owner(QApplication.focusWidget(), top)
    reached = [start]
    steps_inside = 0
    for _ in range(limit):
        focused = QApplication.focusWidget()
        if focused is None or not (focused is top or top.isAncestorOf(focused)):
            reached.append(None)  # focus left the window: reported as lost
            break
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
        now = _owner(QApplication.focusWidget(), top)
        if now is reached[-1] and _has_sections(now) and steps_inside < now.sectionCount():
            steps_inside += 1
            continue  # Tab steps through a date's day, month and year before moving on
        steps_inside = 0
        if now is start:
            break
        reached.append(now)
    return reached


def problems(qtbot, top: QWidget, allowed_order: set[str] = frozenset()) -> list[str]:
    """What is wrong with Tab in ``top``: unreached controls, traps, forms out of order."""
    expected = tab_takers(top)
    reached = walk(qtbot, top)
    found: list[str] = []
    if None in reached:
        found.append("Tab moves focus out of the window")
        reached = [w for w in reached if w is not None]
    for before, after in zip(reached, reached[1:], strict=False):
        if before is after:
            found.append(f"Tab stays on {describe(before)}")
    missing = [w for w in expected if w not in reached and not _group_reached(w, reached)]
    found += [f"never reached: {describe(w)}" for w in missing]
    for form in top.findChildren(QFormLayout):
        fields = [
            form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            for row in range(form.rowCount())
            if form.itemAt(row, QFormLayout.ItemRole.FieldRole) is not None
        ]
        widgets = [item.widget() for item in fields if item.widget() is not None]
        order = [reached.index(w) for w in widgets if w in reached]
        if order != sorted(order):
            name = form.parentWidget().objectName() or type(form.parentWidget()).__name__
            if name not in allowed_order:
                found.append(f"form {name} out of top-to-bottom order")
    return found


def describe(widget: QWidget) -> str:
    """A widget's type and what a person sees on it, for failure messages."""
    text = widget.text() if isinstance(widget, QAbstractButton) else widget.accessibleName()
    return f"{type(widget).__name__} {text!r}".strip()
