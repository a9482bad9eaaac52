"""The recovery sheet: the encrypted database's recovery key on paper, to keep somewhere safe.

One A4 page: the group, when the key was made, the key in large monospaced groups, what it
is for and how to use it, and a box to write where the sheet is kept. It holds nothing
about any member. It is printed from the recovery key window only (never the catalogue: it
must not be reprinted later from the data — the key is not stored anywhere readable).
"""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from involve_desktop.core.formatting import format_date
from involve_desktop.core.sheets.fonts import FONT_BOLD, FONT_REGULAR, clean_text, register_fonts
from involve_desktop.core.sheets.layout import APP_NAME

KEY_FONT = "Courier-Bold"  # built in; every character distinct at a glance
STEPS = (
    "Start Involve Desktop on the laptop that holds the data.",
    "On the sign-in window choose “Forgot your password? Use the recovery key…”.",
    "Type the key shown above (capitals or small letters, with or without the dashes).",
    "Type the username of a coordinator account and choose a new password for it.",
    "Sign in, then set new passwords for anyone else in Settings → Accounts.",
)
KEEP = (
    "Keep this sheet somewhere locked and away from the laptop — not in the laptop bag.",
    "Anyone with this sheet and a copy of the data can read it: treat it like a key to the office.",
    "If it is lost or may have been seen, a coordinator makes a new one in Settings → "
    "Backups (the old sheet then stops working).",
)


def _wrapped(canvas: Canvas, text: str, x: float, y: float, width: float, size: float) -> float:
    words, line = clean_text(text).split(), ""
    for word in words:
        trial = f"{line} {word}".strip()
        if canvas.stringWidth(trial, FONT_REGULAR, size) > width and line:
            canvas.drawString(x, y, line)
            y -= size * 1.35
            line = word
        else:
            line = trial
    if line:
        canvas.drawString(x, y, line)
        y -= size * 1.35
    return y


def render_recovery_sheet(group_name: str, recovery_key: str, made: date) -> bytes:
    """The recovery sheet as PDF bytes."""
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, pageCompression=1)
    canvas.setTitle(f"Recovery key — {group_name}")
    canvas.setAuthor(APP_NAME)
    width, height = A4
    left, text_width = 22 * mm, width - 44 * mm
    y = height - 28 * mm
    canvas.setFont(FONT_BOLD, 19)
    canvas.drawString(left, y, "Recovery key for the encrypted database")
    y -= 10 * mm
    canvas.setFont(FONT_REGULAR, 12)
    canvas.drawString(left, y, clean_text(f"{group_name} · {APP_NAME} · made {format_date(made)}"))
    y -= 12 * mm
    canvas.setFont(FONT_REGULAR, 11.5)
    y = _wrapped(
        canvas,
        "The data on the laptop is encrypted. Each account's password opens it. If every "
        "coordinator's password is forgotten, this key opens it instead and lets you set a "
        "new password. Without a password or this key, nobody — not even us — can read it.",
        left,
        y,
        text_width,
        11.5,
    )
    y -= 8 * mm
    box_height = 30 * mm
    canvas.setLineWidth(1.5)
    canvas.rect(left, y - box_height, text_width, box_height)
    key_size = 25
    while canvas.stringWidth(recovery_key, KEY_FONT, key_size) > text_width - 10 * mm:
        key_size -= 1
    canvas.setFont(KEY_FONT, key_size)
    canvas.drawCentredString(width / 2, y - box_height / 2 - key_size / 3, recovery_key)
    y -= box_height + 12 * mm
    canvas.setFont(FONT_BOLD, 13)
    canvas.drawString(left, y, "How to use it")
    y -= 7 * mm
    canvas.setFont(FONT_REGULAR, 11.5)
    for number, step in enumerate(STEPS, start=1):
        y = _wrapped(canvas, f"{number}. {step}", left, y, text_width, 11.5)
    y -= 6 * mm
    canvas.setFont(FONT_BOLD, 13)
    canvas.drawString(left, y, "Keeping it safe")
    y -= 7 * mm
    canvas.setFont(FONT_REGULAR, 11.5)
    for line in KEEP:
        y = _wrapped(canvas, f"• {line}", left, y, text_width, 11.5)
    y -= 10 * mm
    canvas.setFont(FONT_REGULAR, 11.5)
    canvas.drawString(left, y, "Kept at: ____________________________________________")
    y -= 9 * mm
    canvas.drawString(left, y, "Put there by: ______________________  on: ______________")
    canvas.setFont(FONT_REGULAR, 9)
    canvas.drawString(left, 14 * mm, "Confidential — a key to the group's data. Do not copy.")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()
