"""The keyboard focus shows: a 2 px ring in the palette's highlight colour (ui/focus_style.py).

Qt's Fusion style marks focus with a faint line a shade off the highlight. With the app's
style installed (as ``create_application`` does) and its style sheet on top, a focused
button, tick box, line edit or table cell has a ring drawn in the palette's own colours,
in the light palette and in the dark high-contrast one; unfocused, every widget looks
exactly as it did without the style.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QPushButton,
    QStyleFactory,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from involve_desktop import paths
from involve_desktop.ui.focus_style import FocusRingStyle, install_focus_ring
from tests.ui.accessibility.test_large_font_dark import dark_high_contrast

PALETTES = {"light": QPalette, "dark high contrast": dark_high_contrast}


@pytest.fixture
def styled(qapp):
    """Yields a function installing the focus ring (and the app's style sheet); the plain
    style, palette and sheet are put back afterwards."""
    _close_leftover_windows(qapp)
    name, palette, sheet = qapp.style().name(), qapp.palette(), qapp.styleSheet()

    def install() -> FocusRingStyle:
        style = install_focus_ring(qapp)
        qapp.setStyleSheet(paths.resource("style.qss").read_text(encoding="utf-8"))
        return style

    yield install
    qapp.setStyleSheet(sheet)
    if isinstance(qapp.style(), FocusRingStyle) or qapp.style().name() != name:
        qapp.setStyle(QStyleFactory.create(name or "fusion"))
    qapp.setPalette(palette)


def _close_leftover_windows(qapp) -> None:
    """Windows another test left behind are deleted first: changing the whole app's style
    re-polishes every widget, and Qt crashed on one an earlier test had half torn down
    (the sign-in flow's windows after test_first_run_and_login)."""
    for widget in qapp.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()


class Form(QDialog):
    """A button, a tick box, a line edit, a drop-down and a table of selectable rows."""

    def __init__(self) -> None:
        super().__init__()
        self.button = QPushButton("Save")
        self.other = QPushButton("Cancel")
        self.check = QCheckBox("Large print")
        self.line = QLineEdit("First aid")
        self.combo = QComboBox()
        self.combo.addItems(["Active", "Stepping back"])
        self.table = QTableWidget(3, 2)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        for row in range(3):
            for column in range(2):
                self.table.setItem(row, column, QTableWidgetItem(f"Row {row} {column}"))
        layout = QVBoxLayout(self)
        for widget in (self.other, self.check, self.line, self.combo, self.table, self.button):
            layout.addWidget(widget)


def shown_form(qtbot) -> Form:
    form = Form()
    qtbot.addWidget(form)
    form.show()
    qtbot.waitExposed(form)
    form.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is form)
    return form


def focus_on(qtbot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def count(image: QImage, colour: QColor) -> int:
    """How many pixels of ``image`` are exactly ``colour``."""
    wanted = colour.rgb()
    return sum(
        1
        for y in range(image.height())
        for x in range(image.width())
        if image.pixel(x, y) == wanted
    )


def highlight() -> QColor:
    return QApplication.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)


@pytest.mark.parametrize("palette", PALETTES, ids=str)
@pytest.mark.parametrize("which", ["button", "check", "line", "combo"])
def test_a_focused_control_is_ringed_in_the_highlight_colour(qtbot, qapp, styled, palette, which):
    qapp.setPalette(PALETTES[palette]())
    styled()
    form = shown_form(qtbot)
    widget = getattr(form, which)
    focus_on(qtbot, form.other if widget is not form.other else form.check)
    without = count(widget.grab().toImage(), highlight())
    focus_on(qtbot, widget)
    ringed = count(widget.grab().toImage(), highlight())
    # A 2 px ring round the words (tick box) or the edge (the rest), not a stray pixel.
    small_side = min(widget.height(), widget.fontMetrics().height())
    assert ringed - without >= 4 * small_side, (which, palette, without, ringed)


@pytest.mark.parametrize("palette", PALETTES, ids=str)
def test_the_focused_cell_of_a_selected_row_is_ringed_in_the_selection_text_colour(
    qtbot, qapp, styled, palette
):
    qapp.setPalette(PALETTES[palette]())
    styled()
    form = shown_form(qtbot)
    table = form.table
    table.setCurrentCell(1, 0)
    cell = table.visualRect(table.model().index(1, 0))
    text = qapp.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText)

    def ring_pixels() -> int:
        image = table.viewport().grab().toImage().copy(cell)
        return count(image, text) - count(image.copy(cell.adjusted(4, 4, -4, -4)), text)

    focus_on(qtbot, form.check)
    without = ring_pixels()
    focus_on(qtbot, table)
    assert ring_pixels() - without >= 2 * cell.height(), palette


def test_nothing_changes_without_focus(qtbot, qapp, styled):
    qapp.setStyleSheet(paths.resource("style.qss").read_text(encoding="utf-8"))
    form = shown_form(qtbot)
    form.table.setCurrentCell(1, 0)
    focus_on(qtbot, form.other)
    widgets = (form.button, form.check, form.line, form.combo, form.table)
    plain = [widget.grab().toImage() for widget in widgets]
    styled()
    qtbot.wait(10)
    ringed = [widget.grab().toImage() for widget in widgets]
    changed = [type(w).__name__ for w, a, b in zip(widgets, plain, ringed, strict=True) if a != b]
    assert changed == []
