"""The embedded Unicode fonts every printed sheet uses (DejaVu Sans regular and bold).

Names are not all ASCII (Siobhán, Zoë, Łukasz, Nguyễn), so sheets never use the PDF base-14
fonts: the TrueType files in ``resources/fonts`` are registered once with reportlab and
embedded (subset) in each PDF.

DejaVu has no Chinese, Japanese or Korean characters, so "陈伟", "佐藤 花子" or "김민준" would
print as empty boxes. Both DejaVu faces are registered as :class:`_WithFallback` fonts: any
character DejaVu lacks and Droid Sans Fallback has is drawn (and measured) in Droid Sans
Fallback instead. Every way a sheet puts text on paper (Paragraphs, table cells, canvas
``drawString``, ``stringWidth``) goes through the font object, so no sheet needs to know.
The fallback file (3.4 MB) is only read the first time such a character is measured or
drawn, and only the characters used are embedded.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable
from itertools import groupby

from reportlab.lib.fonts import addMapping
from reportlab.lib.rl_accel import instanceStringWidthTTF
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from involve_desktop.paths import resource

FONT_REGULAR = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
FONT_FALLBACK = "DroidSansFallback"
"""Chinese, Japanese and Korean characters (Hangul included); bold text uses it too."""

_FILES = {FONT_REGULAR: "DejaVuSans.ttf", FONT_BOLD: "DejaVuSans-Bold.ttf"}
_FALLBACK_FILE = "DroidSansFallback.ttf"
_FALLBACK_SUBSETS = 1 << 16
"""Subset numbers at or above this are the fallback font's (its own number + this)."""
_lock = threading.Lock()
_registered = False
_fallback: TTFont | None = None


def _fallback_font() -> TTFont:
    """Droid Sans Fallback, read and registered the first time a sheet needs it."""
    global _fallback
    with _lock:
        if _fallback is None:
            font = TTFont(FONT_FALLBACK, str(resource("fonts", _FALLBACK_FILE)))
            pdfmetrics.registerFont(font)
            _fallback = font
        return _fallback


def _gap_finder(codes: set[int]) -> Callable[[str], object]:
    """``search`` of a pattern matching any character outside ``codes`` (C speed, unlike a
    Python loop over the text: names are measured thousands of times per sheet)."""
    ordered = sorted(codes)
    ranges: list[tuple[int, int]] = []
    for code in ordered:
        if ranges and code == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], code)
        else:
            ranges.append((code, code))
    inside = "".join(f"\\U{a:08x}-\\U{b:08x}" for a, b in ranges)
    return re.compile(f"[^{inside}]").search


def _as_str(text: str | bytes) -> str:
    """reportlab passes str, but its API also allows UTF-8 bytes."""
    return text if isinstance(text, str) else text.decode("utf-8")


class _WithFallback(TTFont):
    """A DejaVu face that hands the characters it lacks to Droid Sans Fallback.

    ``splitString`` cuts text into runs: DejaVu's runs keep its subsets, the others get the
    fallback's subsets numbered from ``_FALLBACK_SUBSETS`` up, which
    ``getSubsetInternalName`` turns into the fallback's PDF font (embedding it, subset, in
    that document). Widths of the fallback's characters are copied into this face's width
    table once, so ``stringWidth`` measures them without slowing down any other text.
    (reportlab's HarfBuzz shaping is not installed; shaped strings would need more work.)
    """

    _widths_merged = False

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        self._gap = _gap_finder(set(self.face.charToGlyph) | {0xA0})

    def _merge_widths(self) -> TTFont:
        fallback = _fallback_font()
        if not self._widths_merged:
            own, widths = self.face.charToGlyph, self.face.charWidths
            for code, width in fallback.face.charWidths.items():
                if code not in own:
                    widths[code] = width
            self._widths_merged = True
        return fallback

    def stringWidth(self, text, size, encoding="utf8"):  # noqa: N802 (reportlab's name)
        # Text DejaVu covers (nearly all) costs one regex search more than before.
        if not self._widths_merged and self._gap(_as_str(text)):
            self._merge_widths()
        return instanceStringWidthTTF(self, text, size, encoding)

    def splitString(self, text, doc, encoding="utf-8"):  # noqa: N802 (reportlab's name)
        text = _as_str(text)
        if not self._gap(text):
            return TTFont.splitString(self, text, doc, encoding)
        fallback = self._merge_widths()
        own, theirs = self.face.charToGlyph, fallback.face.charToGlyph

        def borrowed(ch: str) -> bool:
            code = ord(ch)
            return code not in own and code in theirs

        results: list[tuple[int, bytes]] = []
        for use_fallback, chars in groupby(text, key=borrowed):
            run = "".join(chars)
            if use_fallback:
                results += [
                    (_FALLBACK_SUBSETS + n, part) for n, part in fallback.splitString(run, doc)
                ]
            else:
                results += TTFont.splitString(self, run, doc, encoding)
        return results

    def getSubsetInternalName(self, subset, doc):  # noqa: N802 (reportlab's name)
        if subset >= _FALLBACK_SUBSETS:
            return _fallback_font().getSubsetInternalName(subset - _FALLBACK_SUBSETS, doc)
        return super().getSubsetInternalName(subset, doc)


def register_fonts() -> None:
    """Register DejaVu Sans (and its bold) with reportlab; safe to call many times."""
    global _registered
    with _lock:
        if _registered:
            return
        for name, file_name in _FILES.items():
            pdfmetrics.registerFont(_WithFallback(name, str(resource("fonts", file_name))))
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
