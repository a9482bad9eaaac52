"""Shared helpers for the accessibility walks: the demo group, names, and catching dialogs.

A dialog a button opens is caught by replacing ``QDialog.exec`` for the length of one press:
the dialog is shown (so its widgets are laid out and visible), handed to a check, then
closed as Cancel would — so nothing is saved and the demo data stay as they were. Message
boxes and file pickers asked through Qt's static helpers answer "No"/"Cancel".
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMessageBox,
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
from involve_desktop.ui import dialog_keys
from involve_desktop.ui.context import AppContext

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


@contextmanager
def demo_context(folder) -> Iterator[AppContext]:
    """The standard demo group in ``folder``, as the app opens it with ``--demo``."""
    old = os.environ.get("INVOLVE_DATA_DIR")
    os.environ["INVOLVE_DATA_DIR"] = str(folder)
    opened = startup.open_demo_database(DemoSize.STANDARD)
    try:
        yield AppContext(session_factory(opened.engine), opened.location, demo=True)
    finally:
        opened.close()
        if old is not None:
            os.environ["INVOLVE_DATA_DIR"] = old
        else:
            os.environ.pop("INVOLVE_DATA_DIR", None)


def actor_for(context: AppContext, role: Role):
    """The demo coordinator, or the first demo facilitator, signed in."""
    with context.session() as session:
        coordinator = accounts.sign_in(session, "demo", DEMO_PASSWORD)
        if role is Role.COORDINATOR:
            return coordinator
        facilitator = next(
            a for a in accounts.list_accounts(session, coordinator) if a.role is Role.FACILITATOR
        )
        return accounts.sign_in(session, facilitator.username, DEMO_PASSWORD)


def qt_part(widget: QWidget) -> bool:
    """Qt's own inner parts of a compound widget, named through their owner."""
    parent = widget.parentWidget()
    return (
        widget.objectName().startswith("qt_")
        or isinstance(widget, QHeaderView)
        or (isinstance(widget, QLineEdit) and isinstance(parent, QComboBox | QAbstractSpinBox))
    )


def accessible_name(widget: QWidget) -> str:
    """What a screen reader reads as the widget's name."""
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def where(widget: QWidget, top: QWidget) -> str:
    """A short path from ``widget`` up towards ``top``, for failure messages."""
    chain, node = [], widget
    while node is not None and node is not top:
        chain.append(type(node).__name__ + (f"#{node.objectName()}" if node.objectName() else ""))
        node = node.parentWidget()
    return " < ".join(chain[:4])


def visible_interactive(top: QWidget, root: QWidget | None = None) -> list[QWidget]:
    """Every visible interactive widget under ``root`` (default ``top``)."""
    return [
        w
        for w in (root or top).findChildren(QWidget)
        if isinstance(w, INTERACTIVE) and w.isVisibleTo(top) and not qt_part(w)
    ]


def unnamed(top: QWidget) -> list[str]:
    """Where each visible interactive widget without an accessible name sits."""
    return [where(w, top) for w in visible_interactive(top) if not accessible_name(w)]


def title_of(dialog: QWidget) -> str:
    """A dialog's title, or its class name when it has none."""
    return dialog.windowTitle() or type(dialog).__name__


@contextmanager
def catching_dialogs(qtbot, check: Callable[[QDialog], None]) -> Iterator[list[str]]:
    """While inside, every ``dialog.exec()`` shows the dialog, runs ``check``, then cancels.

    Yields the titles of the dialogs caught. Message boxes asked through the static helpers
    answer No/Cancel, "Discard your changes?" is answered Keep editing, and file and input
    pickers come back empty, so nothing changes.
    """
    caught: list[str] = []
    saved = {
        (QDialog, "exec"): QDialog.exec,
        (QMessageBox, "question"): QMessageBox.question,
        (dialog_keys, "ask_discard"): dialog_keys.ask_discard,
        (QMessageBox, "warning"): QMessageBox.warning,
        (QMessageBox, "information"): QMessageBox.information,
        (QMessageBox, "critical"): QMessageBox.critical,
        (QFileDialog, "getSaveFileName"): QFileDialog.getSaveFileName,
        (QFileDialog, "getOpenFileName"): QFileDialog.getOpenFileName,
        (QFileDialog, "getExistingDirectory"): QFileDialog.getExistingDirectory,
        (QInputDialog, "getText"): QInputDialog.getText,
        (QInputDialog, "getItem"): QInputDialog.getItem,
    }

    def fake_exec(dialog: QDialog) -> int:
        caught.append(title_of(dialog))
        if isinstance(dialog, QMessageBox):
            return QMessageBox.StandardButton.Cancel.value
        dialog.show()
        qtbot.waitExposed(dialog)
        try:
            check(dialog)
        finally:
            dialog.reject()
            dialog.hide()
        return QDialog.DialogCode.Rejected.value

    def no(*_args, **_kwargs):
        return QMessageBox.StandardButton.No

    def keep_editing(_parent) -> bool:  # "Discard your changes?" answered Keep editing
        return False

    QDialog.exec = fake_exec
    QMessageBox.question = staticmethod(no)
    dialog_keys.ask_discard = keep_editing
    QMessageBox.warning = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Cancel)
    QMessageBox.information = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)
    QMessageBox.critical = staticmethod(lambda *a, **k: QMessageBox.StandardButton.Ok)
    QFileDialog.getSaveFileName = staticmethod(lambda *a, **k: ("", ""))
    QFileDialog.getOpenFileName = staticmethod(lambda *a, **k: ("", ""))
    QFileDialog.getExistingDirectory = staticmethod(lambda *a, **k: "")
    QInputDialog.getText = staticmethod(lambda *a, **k: ("", False))
    QInputDialog.getItem = staticmethod(lambda *a, **k: ("", False))
    try:
        yield caught
    finally:
        for (owner, name), value in saved.items():
            setattr(owner, name, value)
        QApplication.processEvents()


def screens(window) -> Iterator[tuple[str, QWidget]]:
    """(where, root widget) for every area of the main window and every tab inside it."""
    for area in window.areas:
        window.show_area(area.key)
        yield area.key, area.widget
        for tabs in area.widget.findChildren(QTabWidget):
            if not tabs.isVisibleTo(window):
                continue
            for index in range(tabs.count()):
                tabs.setCurrentIndex(index)
                yield f"{area.key} / {tabs.tabText(index).replace('&', '')}", tabs.widget(index)


def select_first_rows(window: QWidget, root: QWidget) -> None:
    """Select the first row of every visible list or table, so Edit buttons come alive."""
    for view in root.findChildren(QAbstractItemView):
        if view.isVisibleTo(window) and view.model() is not None and view.model().rowCount():
            if view.currentIndex().isValid():
                continue
            view.setCurrentIndex(view.model().index(0, 0))
    QApplication.processEvents()
