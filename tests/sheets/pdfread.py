"""Reading rendered sheets back with pypdf, the way a test checks what would be printed."""

from __future__ import annotations

import io

from pypdf import PdfReader
from pypdf.generic import DictionaryObject


def reader(pdf: bytes) -> PdfReader:
    """A pypdf reader over PDF bytes."""
    return PdfReader(io.BytesIO(pdf))


def page_lines(pdf: bytes) -> list[list[str]]:
    """Each page's extracted text as stripped, non-empty lines."""
    return [
        [line.strip() for line in page.extract_text().splitlines() if line.strip()]
        for page in reader(pdf).pages
    ]


def all_text(pdf: bytes) -> str:
    """The text of every page joined together."""
    return "\n".join("\n".join(lines) for lines in page_lines(pdf))


def text_sizes(pdf: bytes, page_number: int = 0) -> dict[str, float]:
    """Each piece of text on one page mapped to the font size it is drawn at."""
    return {text: size for text, (size, _y) in text_placements(pdf, page_number).items()}


def text_placements(pdf: bytes, page_number: int = 0) -> dict[str, tuple[float, float]]:
    """Each piece of text on one page mapped to (font size, baseline height in points)."""
    found: dict[str, tuple[float, float]] = {}

    def visit(text: str, cm: list[float], tm: list[float], _font: object, size: float) -> None:
        if text.strip():
            found[text.strip()] = (float(size) * abs(float(tm[3]) or 1.0), float(tm[5]) + cm[5])

    reader(pdf).pages[page_number].extract_text(visitor_text=visit)
    return found


def fonts(pdf: bytes) -> list[DictionaryObject]:
    """Every font dictionary used on any page."""
    found = []
    for page in reader(pdf).pages:
        resources = page["/Resources"].get_object()
        for font in resources.get("/Font", {}).values():
            found.append(font.get_object())
    return found


def is_embedded(font: DictionaryObject) -> bool:
    """Whether a (TrueType) font carries its own glyphs as a FontFile2 stream."""
    descriptor = font.get("/FontDescriptor")
    return descriptor is not None and "/FontFile2" in descriptor.get_object()
