"""The embedded Unicode fonts every printed sheet uses (DejaVu Sans regular and bold).

Names are not all ASCII (Siobhán, Zoë, Łukasz, Nguyễn), so sheets never use the PDF base-14
fonts: the TrueType files in ``resources/fonts`` are registered once with reportlab and
embedded (subset) in each PDF.
"""

from __future__ import annotations

import threading
import unicodedata

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from involve_desktop.paths import resource

FONT_REGULAR = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"

_FILES = {FONT_REGULAR: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register DejaVu Sans (and its bold) with reportlab; safe to call many times."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, file_name in _FILES.items():
            pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file_name))))
        # Let <b> inside Paragraph text pick the bold face.
        addMapping(FONT_REGULAR, 0, 0, FONT_REGULAR)
        addMapping(FONT_REGULAR, 1, 0, FONT_BOLD)
        addMapping(FONT_REGULAR, 0, 1, FONT_REGULAR)
        addMapping(FONT_REGULAR, 1, 1, FONT_BOLD)
        _registered = True


def clean_text(text: str | None) -> str:
    """Text ready to print: NFC-composed (so "ễ" is one glyph), whitespace runs made single.

    Control characters and line breaks become spaces; ``None`` becomes ``""``.
    """
    if not text:
        return ""
    composed = unicodedata.normalize("NFC", text)
    spaced = "".join(" " if unicodedata.category(ch)[0] == "C" else ch for ch in composed)
    return " ".join(spaced.split())


def text_width(text: str, font: str, size: float) -> float:
    """Width in points of ``text`` set in a registered font at ``size``."""
    register_fonts()
    return pdfmetrics.stringWidth(text, font, size)


def fit_text(text: str, font: str, size: float, min_size: float, width: float) -> tuple[str, float]:
    """Shrink ``text`` towards ``min_size`` to fit ``width``, then cut it with an ellipsis.

    Returns the text to draw and the size to draw it at.
    """
    current = size
    while current > min_size and text_width(text, font, current) > width:
        current = max(min_size, current - 0.5)
    if text_width(text, font, current) <= width:
        return text, current
    cut = text
    while cut and text_width(cut + "…", font, current) > width:
        cut = cut[:-1]
    return cut.rstrip() + "…", current
