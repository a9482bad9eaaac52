"""Two windows (or a window and a sheet being made) saving at the same instant on the
SQLite file: the one whose read is older than the other's save cannot write (SQLite gives
"database is locked" at once, however long it would wait). It gets a clear message and
loses nothing already saved, and a sheet's audit line is written after its read ends."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from involve_desktop.core.db.engine import session_factory
from involve_desktop.core.errors import RecordChanged
from involve_desktop.core.models.people import Member
from involve_desktop.core.services import organisation
from involve_desktop.core.services.transaction import transaction
from involve_desktop.core.sheets.catalogue import SheetParams
from involve_desktop.core.sheets.member_data import load_contact_list
from tests.conftest import TEST_DATABASE_URL

sqlite_only = pytest.mark.skipif(bool(TEST_DATABASE_URL), reason="SQLite's own locking")


@sqlite_only
def test_a_write_on_an_old_read_says_so_clearly(engine, session, coordinator) -> None:
    make = session_factory(engine)
    with make() as first, make() as second:
        first.execute(select(Member.id)).all()  # the first window has read…
        organisation.rename_group(second, coordinator, "Saved By The Other Window")
        with pytest.raises(RecordChanged, match="at the same moment"), transaction(first):
            organisation.rename_group(first, coordinator, "Typed Here")
    with make() as fresh:
        assert organisation.group_name(fresh) == "Saved By The Other Window"


@sqlite_only
def test_a_sheet_made_while_another_window_saves_still_prints(
    engine, session, coordinator, monkeypatch
) -> None:
    make = session_factory(engine)
    with make() as sheet_session, make() as other:
        from involve_desktop.core.sheets import member_data

        real = member_data._latest_consents

        def meanwhile(*args, **kwargs):
            found = real(*args, **kwargs)  # the sheet has read; the lock writes its line
            organisation.rename_group(other, coordinator, "Locked Meanwhile")
            return found

        monkeypatch.setattr(member_data, "_latest_consents", meanwhile)
        sheet = load_contact_list(sheet_session, coordinator, SheetParams(), date(2026, 3, 2))
    assert sheet.rows == ()
