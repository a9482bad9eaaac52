"""Members at 10,000: the list, a search keystroke and the table model, against bare baselines.

Run on demand: ``uv run pytest -m benchmark -s tests/benchmarks``. Each figure is the median
of several runs, reported in milliseconds and as a ratio to a bare baseline measured in the
same process on the same database:

- (a) ``list_members`` with no filter, (b) one per search keystroke ("ja", "jam", "jame"),
  both against (c), a bare SQL query of the same columns (``SELECT id, full_name, … FROM
  member … ORDER BY sort_name``) run on the driver connection;
- the Qt side: ``DtoTableModel.set_rows`` of the rows (absolute: it only copies the list)
  and the members model (which sorts in Python), then painting a table view holding them
  against painting an empty one;
- the contact list sheet of every active member against a bare reportlab table of the same
  text.

No timing thresholds (they would flake); only a generous sanity bound on the list.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session, sessionmaker

from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.demo.seed import DEMO_PASSWORD, DEMO_USERNAME
from involve_desktop.core.services import accounts
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberFilter
from involve_desktop.core.services.member_search import list_members
from tests.benchmarks import bench
from tests.benchmarks.bench import median_ms, report

pytestmark = pytest.mark.benchmark

TODAY = bench.TODAY
SEARCHES = ("ja", "jam", "jame")
BARE_SQL = (
    "SELECT id, full_name, preferred_name, email, phone, status, date_joined, sort_name "
    "FROM member WHERE status IN ('active', 'stepping_back') ORDER BY sort_name, id"
)
BARE_SEARCH_SQL = (
    "SELECT id, full_name, preferred_name, email, phone, status, date_joined, sort_name "
    "FROM member WHERE status IN ('active', 'stepping_back') AND search_text LIKE ? "
    "ORDER BY sort_name, id"
)


@pytest.fixture(scope="module")
def large(
    large_file: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[tuple[sessionmaker, Actor]]:
    """A copy of the large demo file (10,000 members) and the demo coordinator signed in."""
    path = bench.copy_of(large_file, tmp_path_factory.mktemp("bench"))
    engine = create_engine_for(sqlite_url(path))
    sessions = session_factory(engine)
    with sessions() as session:
        actor = accounts.sign_in(session, DEMO_USERNAME, DEMO_PASSWORD)
    yield sessions, actor
    engine.dispose()


def bare_rows(sessions: sessionmaker, sql: str, *params: Any) -> list:
    """The same columns through the driver connection: no ORM, no permission check."""
    with sessions() as session:
        return session.connection().exec_driver_sql(sql, params or ()).all()


def listed(sessions: sessionmaker, actor: Actor, search: str = "") -> Any:
    """``list_members`` in a fresh short-lived session, as the members screen calls it."""
    session: Session
    with sessions() as session:
        return list_members(session, actor, MemberFilter(search=search), today=TODAY)


def test_list_and_search_against_bare_sql(large) -> None:
    sessions, actor = large
    everyone = listed(sessions, actor)
    assert everyone.total_matching == len(bare_rows(sessions, BARE_SQL)) > 5_000
    bare = median_ms(lambda: bare_rows(sessions, BARE_SQL))
    report("(c) bare SQL, same rows and columns", bare)
    full = median_ms(lambda: listed(sessions, actor))
    report("(a) list_members, no filter", full, "(c)", bare)
    assert full < 5_000  # sanity only: five seconds would be unusable, not slow
    for term in SEARCHES:
        found = listed(sessions, actor, term)
        like = f"%{term}%"
        assert found.total_matching == len(bare_rows(sessions, BARE_SEARCH_SQL, like))
        ms = median_ms(lambda term=term: listed(sessions, actor, term))
        report(f"(b) search {term!r} ({found.total_matching} rows)", ms, "(c)", bare)
        bare_like = median_ms(lambda like=like: bare_rows(sessions, BARE_SEARCH_SQL, like))
        report(f"    bare SQL with LIKE {like!r}", bare_like)
        report("    (b) against its own bare LIKE", ms, "LIKE", bare_like)


def test_table_model_against_an_empty_model(large, qapp) -> None:
    from PySide6.QtWidgets import QTableView

    from involve_desktop.ui.table_model import Column, DtoTableModel

    sessions, actor = large
    rows = listed(sessions, actor).rows
    columns = [
        Column("Name", lambda m: m.display_name),
        Column("Status", lambda m: m.status.label),
        Column("Roles", lambda m: ", ".join(m.roles)),
        Column("Email", lambda m: m.email or ""),
        Column("Phone", lambda m: m.phone or ""),
    ]
    model = DtoTableModel(columns)
    base_ms = median_ms(lambda: model.set_rows(rows))
    report(f"Qt: DtoTableModel.set_rows({len(rows):,})", base_ms)
    try:
        from involve_desktop.ui.members.members_table_model import MembersTableModel
    except ImportError:  # the members screen is built elsewhere; skip if not there yet
        MembersTableModel = None  # noqa: N806
    if MembersTableModel is not None:
        members_model = MembersTableModel()
        ms = median_ms(lambda: members_model.set_rows(rows))
        report(f"Qt: MembersTableModel.set_rows({len(rows):,}), sorts", ms)

    view = QTableView()
    view.resize(1000, 600)
    view.setModel(model)
    view.show()
    model.set_rows([])
    blank = median_ms(lambda: view.grab())
    report("Qt: paint an empty table view (bare)", blank)
    model.set_rows(rows)
    painted = median_ms(view.grab)
    report(f"Qt: paint the view with {len(rows):,} rows set", painted, "bare view", blank)
    assert model.rowCount() < len(rows)  # shown a batch at a time
    view.close()


def test_contact_list_sheet_against_bare_reportlab(large) -> None:
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.platypus import LongTable, SimpleDocTemplate

    from involve_desktop.core.sheets.catalogue import SheetData, SheetParams, get_sheet
    from involve_desktop.core.sheets.fonts import FONT_REGULAR, register_fonts
    from involve_desktop.core.sheets.options import SheetOptions

    sessions, actor = large
    register_fonts()
    spec = get_sheet("contact-list")
    data = SheetData(sessions, actor)
    with sessions() as session:
        sheet = spec.load(session, actor, SheetParams(), TODAY)  # type: ignore[misc]
    texts = [[r.name, r.pronouns or "", r.phone or "", r.email or ""] for r in sheet.rows]

    def bare() -> bytes:
        out = io.BytesIO()
        table = LongTable(texts, repeatRows=0)
        table.setStyle([("FONT", (0, 0), (-1, -1), FONT_REGULAR, 11)])
        SimpleDocTemplate(out, pagesize=A4).build([table])
        return out.getvalue()

    bare_ms = median_ms(bare, runs=1)
    report(f"bare reportlab table of {len(texts):,} rows", bare_ms)
    ms = median_ms(lambda: spec.render(SheetParams(), SheetOptions(), data, today=TODAY), runs=1)
    report("contact list sheet, every active member", ms, "bare", bare_ms)
