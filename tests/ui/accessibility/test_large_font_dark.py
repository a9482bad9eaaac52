"""A large system font and a dark high-contrast palette: the window still fits and reads.

The application font is set to 16 pt and a dark, high-contrast palette is applied, with the
app's own style sheet (resources/style.qss). On the demo group at 1366×768, no area may ask
for more room than the screen has, and a field's error label must draw its words in the
palette's text colour, not a fixed dark red that vanishes on a dark background.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication, QLabel

from involve_desktop import paths
from involve_desktop.core.permissions import Role
from involve_desktop.ui.main_window import MainWindow
from involve_desktop.ui.messages import error_label
from tests.ui.accessibility.walk import actor_for, demo_context, screens

SCREEN = (1366, 768)


def dark_high_contrast() -> QPalette:
    """White on black, yellow highlight: as high-contrast desktop themes do."""
    palette = QPalette()
    black, white = QColor("#000000"), QColor("#ffffff")
    for role in (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Button):
        palette.setColor(role, black)
    for role in (
        QPalette.ColorRole.WindowText,
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
    ):
        palette.setColor(role, white)
    palette.setColor(QPalette.ColorRole.AlternateBase, QColor("#1a1a1a"))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#ffff00"))
    palette.setColor(QPalette.ColorRole.HighlightedText, black)
    return palette


@pytest.fixture
def big_dark(qapp):
    """16 pt text, the dark palette and the app's style sheet, put back afterwards."""
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    big = QFont(font)
    big.setPointSize(16)
    qapp.setFont(big)
    qapp.setPalette(dark_high_contrast())
    qapp.setStyleSheet(paths.resource("style.qss").read_text(encoding="utf-8"))
    yield qapp
    qapp.setStyleSheet(sheet)
    qapp.setPalette(palette)
    qapp.setFont(font)


def test_every_area_fits_the_laptop_screen(qtbot, tmp_path, big_dark):
    with demo_context(tmp_path) as context:
        window = MainWindow(context, actor_for(context, Role.COORDINATOR))
        qtbot.addWidget(window)
        window.resize(*SCREEN)
        window.show()
        too_big = {}
        for where, _root in screens(window):
            qtbot.wait(1)
            hint = window.minimumSizeHint()
            if hint.width() > SCREEN[0] or hint.height() > SCREEN[1]:
                too_big[where] = (hint.width(), hint.height())
        window.lock_controller.stop()
    assert too_big == {}


def test_error_labels_use_the_palette_text_colour(qtbot, big_dark):
    label = error_label()
    qtbot.addWidget(label)
    label.setText("Email needs an @ — for example name@example.org")
    label.show()
    QApplication.processEvents()
    drawn = label.grab().toImage()
    colours = {
        drawn.pixelColor(x, y).lightness()
        for x in range(0, drawn.width(), 2)
        for y in range(0, drawn.height(), 2)
    }
    assert max(colours) > 200  # light words on the dark background
    assert isinstance(label, QLabel) and label.font().bold()
