"""A keyboard focus ring you can see: 2 px in the palette's highlight colour, app-wide.

Qt's Fusion style (what Linux gets) marks the focused button, tick box, list row or table
cell with a faint 1 px line a shade off the background, and only after a Tab press; a
keyboard-only user loses their place. :class:`FocusRingStyle` wraps the platform style and,
only on the widget that has focus, draws a 2 px ring in the palette's *Highlight* colour
(so it follows dark and high-contrast palettes):

* around a focused push button, drop-down, spin box or line edit (drawn over its own edge);
* wherever the style draws its focus frame (``PE_FrameFocusRect``): round a tick box's or
  radio button's words, a tab's title, the current cell of a list or table (in a selected
  row, whose background is already the highlight, the ring takes the *HighlightedText*
  colour so it still shows).

Nothing changes for a widget without focus. :func:`install_focus_ring` puts it on the
application before the style sheet (``resources/style.qss``), which draws on top of it.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionComplex,
    QWidget,
)

RING_WIDTH = 2
# A push button's edge is already a line in the highlight's shade when it is the default
# button (Enter presses it), so its ring is one pixel thicker to tell focus apart.
BUTTON_RING_WIDTH = 3

_Control = QStyle.ControlElement
_Complex = QStyle.ComplexControl
_Primitive = QStyle.PrimitiveElement
# Controls whose whole outline becomes the ring when they have focus.
_RINGED_CONTROLS = {_Control.CE_PushButton}
_RINGED_COMPLEX = {_Complex.CC_ComboBox, _Complex.CC_SpinBox}


def _on_selection(option: QStyleOption) -> bool:
    """Whether the ring falls on a selected list row or table cell (drawn in the highlight)."""
    flags = QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_Item
    return option.state & flags == flags


def ring_colour(option: QStyleOption) -> QColor:
    """The ring's colour: the palette's highlight, or the highlighted-text colour on a
    selected row (whose background is already the highlight)."""
    role = (
        QPalette.ColorRole.HighlightedText
        if _on_selection(option)
        else QPalette.ColorRole.Highlight
    )
    group = (
        QPalette.ColorGroup.Active
        if option.state & QStyle.StateFlag.State_Enabled
        else QPalette.ColorGroup.Disabled
    )
    return option.palette.color(group, role)


def draw_ring(
    painter: QPainter, rect: QRect, colour: QColor, width: int = RING_WIDTH, radius: float = 0
) -> None:
    """A line ``width`` pixels thick just inside ``rect``."""
    if rect.width() <= width * 2 or rect.height() <= width * 2:
        return
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(colour)
    outer = QPainterPath()
    outer.addRoundedRect(QRectF(rect), radius, radius)
    inner = QPainterPath()
    inner.addRoundedRect(QRectF(rect.adjusted(width, width, -width, -width)), radius, radius)
    painter.drawPath(outer.subtracted(inner))
    painter.restore()


def _has_focus(option: QStyleOption) -> bool:
    return bool(option.state & QStyle.StateFlag.State_HasFocus)


class FocusRingStyle(QProxyStyle):
    """The platform style with a 2 px highlight-coloured ring on the focused widget."""

    def drawPrimitive(  # noqa: N802 - Qt's name
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """The focus frame becomes the ring; a line edit's frame gets the ring on top."""
        if element == _Primitive.PE_FrameFocusRect:
            # Asked for only where focus is (Fusion's own draws nothing after a mouse click).
            rect = option.rect
            if _on_selection(option):
                # Inside the selected row's own colour, so the ring reads as a ring.
                rect = rect.adjusted(1, 1, -1, -1)
            draw_ring(painter, rect, ring_colour(option))
            return
        super().drawPrimitive(element, option, painter, widget)
        if (
            element == _Primitive.PE_FrameLineEdit
            and _has_focus(option)
            and not _inside_a_box(widget)
        ):
            draw_ring(painter, option.rect, ring_colour(option), radius=2)

    def drawControl(  # noqa: N802 - Qt's name
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """A focused push button: its own look, then the ring over its edge."""
        super().drawControl(element, option, painter, widget)
        if element in _RINGED_CONTROLS and _has_focus(option):
            draw_ring(painter, option.rect, ring_colour(option), BUTTON_RING_WIDTH, radius=2)

    def drawComplexControl(  # noqa: N802 - Qt's name
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        """A focused drop-down or spin box: its own look, then the ring over its edge."""
        super().drawComplexControl(control, option, painter, widget)
        if control in _RINGED_COMPLEX and _has_focus(option):
            draw_ring(painter, option.rect, ring_colour(option), radius=2)


def _inside_a_box(widget: QWidget | None) -> bool:
    """Whether ``widget`` is the line edit inside a drop-down or spin box (ringed whole)."""
    parent = widget.parentWidget() if widget is not None else None
    return isinstance(parent, QComboBox | QAbstractSpinBox)


def install_focus_ring(app: QApplication) -> FocusRingStyle:
    """Wrap ``app``'s current style in :class:`FocusRingStyle` (once); returns it. Call it
    before setting the style sheet."""
    current = app.style()
    if isinstance(current, FocusRingStyle):
        return current
    # Under a style sheet ``style()`` is the sheet's own wrapper, which has no name.
    style = FocusRingStyle(current.name()) if current.name() else FocusRingStyle()
    app.setStyle(style)
    return style
