"""Every sortable list's arrow tells the truth about the order its rows are in.

The demo group is opened as a coordinator and as a facilitator; every area and every tab is
shown (and Meetings and Panels in each of their "which" choices, and the two GDPR review
dialogs). For every table or tree whose header can sort and that shows rows, the rows must be
in the order the header's arrow claims — by the indicated column's sort data, in the
indicated direction — or no arrow may be shown at all. Clicking a heading sorts by it A→Z
and moves the arrow there; clicking it again turns both round.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QPoint, QSortFilterProxyModel, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QTableView, QTreeView

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.db.migrate import migrate
from involve_desktop.core.demo.seed import DemoSize, seed_demo
from involve_desktop.core.permissions import Role
from involve_desktop.ui.backups.backups_tab import BackupsTab
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.gdpr.consent_review_dialog import ConsentReviewDialog
from involve_desktop.ui.gdpr.retention_review_dialog import RetentionReviewDialog
from involve_desktop.ui.main_window import MainWindow
from involve_desktop.ui.table_model import (
    SORT_ROLE,
    Column,
    DtoTableModel,
    show_initial_order,
    sorting_proxy,
)
from tests.conftest import TEST_DATABASE_URL, reset_postgres
from tests.ui.accessibility.walk import actor_for, screens

ASC, DESC = Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator[AppContext]:
    """The demo group, seeded once for this module on the test database (PostgreSQL when
    ``INVOLVE_TEST_DATABASE_URL`` is set)."""
    if TEST_DATABASE_URL:
        reset_postgres(TEST_DATABASE_URL)
        url = TEST_DATABASE_URL
    else:
        url = sqlite_url(tmp_path_factory.mktemp("sorting") / "demo.sqlite3")
    engine = create_engine_for(url)
    migrate(engine, paths.migrations_dir(), tmp_path_factory.mktemp("backups"))
    with session_factory(engine)() as session:
        seed_demo(session, DemoSize.STANDARD)
    yield AppContext(session_factory(engine), url, demo=True)
    engine.dispose()


def header_of(view: QAbstractItemView) -> QHeaderView | None:
    """The header whose arrow sorts ``view``'s rows."""
    if isinstance(view, QTableView):
        return view.horizontalHeader()
    if isinstance(view, QTreeView):
        return view.header()
    return None


def sort_role(model: QAbstractItemModel) -> int:
    """The role the rows are compared by: the proxy's sort role, else the shared one."""
    if isinstance(model, QSortFilterProxyModel):
        return model.sortRole()
    return (
        SORT_ROLE if model.index(0, 0).data(SORT_ROLE) is not None else Qt.ItemDataRole.DisplayRole
    )


def less(a: Any, b: Any) -> bool:
    """``a`` sorts before ``b`` as the shared proxy compares them (blanks first)."""
    if a is None or b is None:
        return a is None and b is not None
    try:
        return bool(a < b)
    except TypeError:
        return str(a) < str(b)


def arrow_problem(view: QAbstractItemView) -> str | None:
    """What is wrong with ``view``'s arrow, or None when it matches its rows (or is absent)."""
    header, model = header_of(view), view.model()
    if header is None or model is None or not header.isSortIndicatorShown():
        return None
    column, order = header.sortIndicatorSection(), header.sortIndicatorOrder()
    if not 0 <= column < model.columnCount():
        return None  # no arrow drawn: the rows are in the service's order
    role = sort_role(model)
    keys = [model.index(r, column).data(role) for r in range(model.rowCount())]
    for row, (a, b) in enumerate(zip(keys, keys[1:], strict=False)):
        out_of_order = less(b, a) if order == ASC else less(a, b)
        if out_of_order:
            heading = model.headerData(column, Qt.Orientation.Horizontal)
            way = "A→Z" if order == ASC else "Z→A"
            return f"arrow says {heading!r} {way}, but row {row} {a!r} comes before {b!r}"
    return None


def sortable_views(window, root) -> list[QAbstractItemView]:
    """The visible tables and trees under ``root`` whose headings sort and that show rows."""
    found = []
    for view in root.findChildren(QAbstractItemView):
        header = header_of(view)
        if header is None or not view.isVisibleTo(window) or view.model() is None:
            continue
        if header.isSortIndicatorShown() and view.model().rowCount() > 1:
            found.append(view)
    return found


def where(view: QAbstractItemView, place: str) -> str:
    return f"{place}: {view.accessibleName() or type(view).__name__}"


def walk(window) -> Iterator[tuple[str, Any]]:
    """(where, root) for every screen, Meetings and Panels in each "which" choice too."""
    yield from screens(window)
    for area, combo_name in (("meetings", "show_combo"), ("panels", "period")):
        if area not in [a.key for a in window.areas]:
            continue
        window.show_area(area)
        view = getattr(window, f"{area}_view")
        combo = getattr(view, combo_name)
        for index in range(combo.count()):
            combo.setCurrentIndex(index)
            QApplication.processEvents()
            yield f"{area} / {combo.itemText(index)}", view


@pytest.mark.parametrize("role", [Role.COORDINATOR, Role.FACILITATOR])
def test_every_arrow_matches_its_rows_on_every_screen(qtbot, demo, role):
    window = MainWindow(demo, actor_for(demo, role))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    checked: set[str] = set()
    wrong: dict[str, str] = {}
    for place, root in walk(window):
        qtbot.wait(1)
        for view in sortable_views(window, root):
            checked.add(where(view, place.split(" / ")[0]))
            problem = arrow_problem(view)
            if problem:
                wrong.setdefault(where(view, place), problem)
    window.lock_controller.stop()
    assert not wrong, "\n".join(f"{place}: {problem}" for place, problem in wrong.items())
    assert any(name.startswith("meetings") for name in checked), checked
    if role is Role.COORDINATOR:
        assert len(checked) >= 8, checked


def test_the_review_dialogs_and_backups_arrows_match_their_rows(qtbot, demo):
    coordinator = actor_for(demo, Role.COORDINATOR)
    backups = BackupsTab(demo, coordinator)
    qtbot.addWidget(backups)
    if not backups.server:  # a database file: copies are listed, newest first
        for _ in range(3):
            backups.back_up_now()
        assert backups.table.model().rowCount() >= 3
    tables = [backups.table]
    for dialog in (
        ConsentReviewDialog(demo, coordinator),
        RetentionReviewDialog(demo, coordinator),
    ):
        qtbot.addWidget(dialog)
        dialog.show()
        tables.append(dialog.table)
    for table in tables:
        assert arrow_problem(table) is None, table.accessibleName()
    with_rows = sum(table.model().rowCount() > 1 for table in tables)
    assert with_rows >= (1 if backups.server else 2)  # a server's backups are not listed


def click_heading(qtbot, view: QTableView, column: int) -> None:
    """Click a heading as a person would, with the mouse."""
    header = view.horizontalHeader()
    x = header.sectionViewportPosition(column) + header.sectionSize(column) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))


def test_clicking_headings_sorts_a_to_z_first_then_turns_round(qtbot, demo):
    window = MainWindow(demo, actor_for(demo, Role.COORDINATOR))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_area("meetings")
    tables = [window.meetings_view.group_table, window.meetings_view.meeting_table]
    window.show_area("members")
    tables.append(window.members_view.table)
    for table in tables:
        header = table.horizontalHeader()
        for column in (1, 0):
            click_heading(qtbot, table, column)
            assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, ASC)
            assert arrow_problem(table) is None, table.accessibleName()
            click_heading(qtbot, table, column)
            assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (column, DESC)
            assert arrow_problem(table) is None, table.accessibleName()
    window.lock_controller.stop()


def _table(rows: list[str]) -> QTableView:
    model = DtoTableModel([Column("Name", lambda s: s), Column("Length", lambda s: str(len(s)))])
    model.set_rows(rows)
    view = QTableView()
    view.setModel(sorting_proxy(model, view))
    return view


def shown(view: QTableView) -> list[str]:
    model = view.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_the_first_order_is_shown_by_the_arrow_and_kept_when_rows_are_read_again(qtbot):
    view = _table(["Bea", "Cara", "Abe"])
    qtbot.addWidget(view)
    show_initial_order(view, 0, DESC)
    header = view.horizontalHeader()
    assert shown(view) == ["Cara", "Bea", "Abe"]
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, DESC)
    view.model().sourceModel().set_rows(["Dan", "Abe", "Eve"])
    assert shown(view) == ["Eve", "Dan", "Abe"]
    assert arrow_problem(view) is None


def test_the_services_own_order_shows_no_arrow(qtbot):
    view = _table(["Bea", "Cara", "Abe"])
    qtbot.addWidget(view)
    show_initial_order(view)
    assert shown(view) == ["Bea", "Cara", "Abe"]
    assert view.horizontalHeader().sortIndicatorSection() == -1
    assert view.isSortingEnabled()


def test_the_walk_catches_an_arrow_that_lies(qtbot):
    view = _table(["Bea", "Cara", "Abe"])
    qtbot.addWidget(view)
    show_initial_order(view, 0, ASC)
    view.model().sort(0, DESC)  # rows turned round behind the header's back
    assert arrow_problem(view) is not None


def arrow_points_up(view: QTableView) -> bool:
    """Whether the arrow drawn on the sorted heading is ▲ (its widest row at the bottom)."""
    view.resize(300, 120)
    view.show()
    header = view.horizontalHeader()
    header.resizeSection(0, 260)
    image: QImage = header.grab().toImage()
    background = image.pixelColor(2, image.height() // 2).lightness()
    widths: list[int] = []
    left = header.sectionViewportPosition(0) + header.sectionSize(0) // 2 + 30
    right = header.sectionViewportPosition(0) + header.sectionSize(0) - 2
    for y in range(2, image.height() - 2):
        dark = [
            x for x in range(left, right) if image.pixelColor(x, y).lightness() < background - 60
        ]
        if dark:
            widths.append(len(dark))
    assert len(widths) >= 2, "no arrow drawn"
    return widths[-1] > widths[0]


def test_the_arrow_points_up_for_a_to_z_and_down_for_z_to_a(qtbot):
    view = _table(["Bea", "Cara", "Abe"])
    qtbot.addWidget(view)
    show_initial_order(view, 0, ASC)
    assert shown(view) == ["Abe", "Bea", "Cara"]
    assert arrow_points_up(view)
    show_initial_order(view, 0, DESC)
    assert shown(view) == ["Cara", "Bea", "Abe"]
    assert not arrow_points_up(view)


def test_a_heading_first_clicked_sorts_a_to_z_even_after_a_newest_first_start(qtbot):
    view = _table(["Bea", "Cara", "Abe"])
    qtbot.addWidget(view)
    view.show()
    show_initial_order(view, 0, DESC)
    click_heading(qtbot, view, 1)
    header = view.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (1, ASC)
    assert [view.model().index(r, 1).data() for r in range(3)] == ["3", "3", "4"]
    click_heading(qtbot, view, 1)
    assert shown(view)[0] == "Cara"
    assert arrow_problem(view) is None


def test_meetings_keep_a_chosen_order_across_groups_until_which_meetings_changes(qtbot, demo):
    window = MainWindow(demo, actor_for(demo, Role.COORDINATOR))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    window.show_area("meetings")
    view = window.meetings_view
    header = view.meeting_table.horizontalHeader()
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, ASC)
    click_heading(qtbot, view.meeting_table, 2)  # Topic
    view.group_table.selectRow(1)
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (2, ASC)
    assert view.meeting_table.model().rowCount() > 1
    assert arrow_problem(view.meeting_table) is None
    view.show_combo.setCurrentIndex(view.show_combo.findData("past"))
    assert (header.sortIndicatorSection(), header.sortIndicatorOrder()) == (0, DESC)
    assert arrow_problem(view.meeting_table) is None
    window.lock_controller.stop()
