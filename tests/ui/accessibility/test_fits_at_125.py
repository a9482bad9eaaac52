"""At 125 % (1366×768 with text a quarter larger) Meetings, Cohorts and Panels fit sideways.

The application font is made 1.25× larger and the window is the laptop's 1366×768, as
QT_SCALE_FACTOR=1.25 makes it. On the demo group the lists of Cohorts, Panels and Meetings
must need no scrolling sideways (the long columns are cut with "…", their text in the
tooltip), no area may ask for more width than it is given, and Meetings gives its groups
list the rows it has instead of four.
"""

from __future__ import annotations

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QTableView

from involve_desktop.core.permissions import Role
from involve_desktop.ui.main_window import MainWindow
from tests.core.meetings.helpers import group
from tests.ui.accessibility.walk import actor_for, demo_context

SCREEN = (1366, 768)


@pytest.fixture
def larger_text(qapp):
    """The application font a quarter larger, put back afterwards."""
    font = qapp.font()
    big = QFont(font)
    big.setPointSizeF(font.pointSizeF() * 1.25)
    qapp.setFont(big)
    yield qapp
    qapp.setFont(font)


@pytest.fixture
def window(qtbot, tmp_path, larger_text):
    """The demo coordinator's main window at the laptop's size."""
    with demo_context(tmp_path) as context:
        main = MainWindow(context, actor_for(context, Role.COORDINATOR))
        qtbot.addWidget(main)
        main.resize(*SCREEN)
        main.show()
        qtbot.waitExposed(main)
        yield main
        main.lock_controller.stop()


def sideways(table: QTableView) -> int:
    """How far the table would scroll sideways (0: every column is in view)."""
    return table.horizontalScrollBar().maximum()


def test_cohorts_and_panels_lists_need_no_sideways_scrolling(qtbot, window):
    too_wide = {}
    for key, tables in (
        ("cohorts", lambda: [window.cohorts_view.table]),
        ("panels", lambda: [window.panels_view.table]),
        ("meetings", lambda: [window.meetings_view.group_table]),
    ):
        window.show_area(key)
        qtbot.wait(5)
        view = window.area_view(key)
        for table in tables():
            assert table.isVisible() and table.model().rowCount() > 0, key
            if sideways(table):
                too_wide[f"{key} / {table.accessibleName()}"] = sideways(table)
        if view.minimumSizeHint().width() > view.width():
            too_wide[key] = (view.minimumSizeHint().width(), view.width())
    assert too_wide == {}


def test_panels_show_team_where_and_candidates(qtbot, window):
    window.show_area("panels")
    qtbot.wait(5)
    table = window.panels_view.table
    header = table.horizontalHeader()
    right = table.viewport().width()
    for column in range(header.count()):
        title = table.model().headerData(column, header.orientation())
        start = header.sectionViewportPosition(column)
        assert 0 <= start < right, title  # starts in view
        assert header.sectionSize(column) >= table.fontMetrics().averageCharWidth() * 4, title


def rows_in_view(table: QTableView) -> float:
    """How many rows the table's height shows."""
    return table.viewport().height() / table.verticalHeader().defaultSectionSize()


def test_meetings_gives_the_height_to_what_has_rows(qtbot, window):
    with window.context.session() as session:  # a group with many groups, as the large demo
        for n in range(12):
            group(session, window.actor, f"Extra Group {n:02d}")
    window.show_area("meetings")
    qtbot.wait(5)
    view = window.meetings_view
    assert sideways(view.meeting_table) == 0
    assert view.group_table.model().rowCount() == 16
    assert rows_in_view(view.group_table) >= 7  # was 4
    meetings = view.meeting_table.model().rowCount()
    assert meetings > 0 and rows_in_view(view.meeting_table) >= meetings + 1


def test_meetings_with_few_groups_leaves_the_room_to_the_meetings(qtbot, window):
    window.show_area("meetings")
    qtbot.wait(5)
    view = window.meetings_view
    groups = view.group_table.model().rowCount()
    assert groups == 4
    assert groups <= rows_in_view(view.group_table) < groups + 2  # not eight
    assert rows_in_view(view.meeting_table) > rows_in_view(view.group_table)


def test_cohorts_alumni_actions_need_no_sideways_scrolling(qtbot, window):
    window.show_area("cohorts")
    view = window.cohorts_view
    view.tabs.setCurrentWidget(view.alumni)
    qtbot.wait(5)
    assert view.alumni.table.model().rowCount() > 0
    assert sideways(view.alumni.table) == 0
