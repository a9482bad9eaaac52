"""The spread tab: quarters chosen, readings, the quarter × kind table and the charts."""

from __future__ import annotations

import io
from datetime import date

from pypdf import PdfReader

from involve_desktop.ui.involvement.spread_tab import SpreadTab
from involve_desktop.ui.print_preview import PrintPreviewDialog
from tests.core.spread import seed
from tests.ui.rota.scripting import scripted

TODAY = date(2026, 6, 30)


def _seeded(session) -> None:
    a, b, c, _d = seed.members(session)
    for day in (date(2026, 4, 2), date(2026, 4, 9), date(2026, 4, 16)):
        seed.panel(session, day, a)
    seed.panel(session, date(2026, 5, 1), b)
    seed.meeting(session, date(2026, 1, 20), c)
    seed.meeting(session, date(2026, 5, 20), a, b, c)
    session.commit()


def test_shows_readings_table_and_charts(qtbot, context, session, coordinator) -> None:
    _seeded(session)
    tab = SpreadTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    tab.resize(1200, 640)
    tab.refresh()
    assert (
        tab.from_box.currentText() == "Jul–Sep 2025" and tab.to_box.currentText() == "Apr–Jun 2026"
    )
    text = tab.readings.text()
    assert "Panels:</b> All 4 lived-experience panel seats were taken by just 2 people." in text
    # The table: 4 quarters × 6 kinds; filter to panels.
    assert tab.model.rowCount() == 24
    tab.kind_box.setCurrentText("Panels")
    rows = [
        [tab.proxy.index(r, c).data() for c in range(tab.proxy.columnCount())]
        for r in range(tab.proxy.rowCount())
    ]
    assert rows[-1][:5] == ["Apr–Jun 2026", "Panels", "2", "2", "0"]  # a and b both new
    # c first came in Jan–Mar: returning in Apr–Jun; a and b are new there.
    assert "Apr–Jun 2026: New 2, Returning 1" in tab.people_chart.describe()
    assert "Top 3 took 100 %" in tab.share_chart.describe()
    tab.show()
    qtbot.waitExposed(tab)
    tab.people_chart.grab()  # paints without error


def test_quarters_with_nobody_involved_say_so_instead_of_zero_bars(
    qtbot, context, session, coordinator
) -> None:
    _seeded(session)
    tab = SpreadTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    tab.resize(1200, 640)
    tab.from_box.setCurrentText("Jul–Sep 2025")
    tab.to_box.setCurrentText("Oct–Dec 2025")  # nothing was recorded before January
    for chart in (tab.people_chart, tab.share_chart):
        assert chart.is_empty()
        assert chart.describe().endswith("No involvement recorded in these quarters yet.")
    tab.show()
    qtbot.waitExposed(tab)
    tab.grab().save("/tmp/lead/spread_empty.png")
    tab.to_box.setCurrentText("Apr–Jun 2026")
    assert not tab.people_chart.is_empty()


def test_narrowing_the_range(qtbot, context, session, coordinator) -> None:
    _seeded(session)
    tab = SpreadTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.from_box.setCurrentText("Jan–Mar 2026")
    tab.to_box.setCurrentText("Jan–Mar 2026")
    assert tab.model.rowCount() == 6
    assert "Jan–Mar 2026" in tab.readings.text()


def test_ctrl_p_previews_the_annual_report(qtbot, context, session, coordinator, monkeypatch):
    _seeded(session)
    printed: list[str] = []

    def read(d: PrintPreviewDialog) -> None:
        printed.append("".join(p.extract_text() for p in PdfReader(io.BytesIO(d._pdf)).pages))

    scripted(monkeypatch, PrintPreviewDialog, read)
    tab = SpreadTab(context, coordinator, today=TODAY)
    qtbot.addWidget(tab)
    tab.refresh()
    tab.print_sheet()
    assert printed and "Annual involvement report" in printed[0]
    assert "Zelda" not in printed[0]
