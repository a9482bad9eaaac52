"""A 500-name meeting sign-in sheet against a bare reportlab table of the same rows.

The sheet (``render_meeting_sign_in``: header, details, numbered rows with a tick box,
blank rows, "New here?", Confidential footer) for one meeting with 500 expected people
from the large demo, against a bare ``LongTable`` of the same rows (number, name, two empty
cells) in the same font built by ``SimpleDocTemplate``. Target ≤ 1.5×.
"""

from __future__ import annotations

import io

import pytest
from sqlalchemy import text

from tests.benchmarks import bench

pytestmark = pytest.mark.benchmark

NAMES = 500


def test_sign_in_sheet_against_bare_reportlab(large_copy) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import LongTable, SimpleDocTemplate

    from involve_desktop.core.sheets.fonts import FONT_REGULAR, register_fonts
    from involve_desktop.core.sheets.meeting_sign_in import (
        MeetingSignInSheet,
        SignInMeeting,
        render_meeting_sign_in,
    )

    sessions, _actor, _path = large_copy
    with sessions() as session:
        names = tuple(
            session.execute(
                text("SELECT coalesce(preferred_name, full_name) FROM member ORDER BY sort_name")
            ).scalars()
        )[:NAMES]
    assert len(names) == NAMES
    register_fonts()
    meeting = SignInMeeting("Peer support group", bench.TODAY, "18:00–20:00", "Hub", None, names)
    sheet = MeetingSignInSheet((meeting,), group_name="Riverside Voices")
    rows = [[str(i), name, "", ""] for i, name in enumerate(names, start=1)]

    def bare() -> bytes:
        out = io.BytesIO()
        table = LongTable([["No.", "Name", "Here", "Signature"], *rows], repeatRows=1)
        table.setStyle([("FONT", (0, 0), (-1, -1), FONT_REGULAR, 11)])
        SimpleDocTemplate(out, pagesize=A4).build([table])
        return out.getvalue()

    pdf = render_meeting_sign_in(sheet, printed_on=bench.TODAY)
    assert pdf.startswith(b"%PDF") and pdf.count(b"/Type /Page\n") + pdf.count(b"/Type /Page ") > 5
    ms, bare_ms = bench.paired_ms(
        lambda: render_meeting_sign_in(sheet, printed_on=bench.TODAY), bare, runs=9
    )
    bench.report(f"bare reportlab table of {NAMES} rows", bare_ms)
    bench.report(f"sign-in sheet, {NAMES} names", ms, "bare table", bare_ms, target=1.5)
