"""The import's commit writes members with bulk INSERTs: the same rows as one by one.

``commit_import`` sends the members, their "Joined" history and their audit entries as a
few bulk INSERTs instead of one ORM object each. These tests check it writes exactly what
the one-by-one path (``members.new_member`` flushed, ``audit.record`` per member) writes,
that ids come back in line order (also across PostgreSQL's batches), and that a failure
on the last line leaves nothing behind.
"""

from __future__ import annotations

import gc
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, inspect, select
from sqlalchemy.exc import IntegrityError

from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.base import utcnow
from involve_desktop.core.models.people import Member, StatusChange
from involve_desktop.core.services import audit, member_import, members, members_rows
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.core.services.member_import import (
    ImportMode,
    commit_import,
    guess_mapping,
    preview_import,
    read_table,
)

TODAY = date(2026, 11, 26)
FIXTURES = Path(__file__).parent.parent / "fixtures"
# Filled in by the database (or by the ORM/Core defaults at insert time), so they differ
# between two writes of the same member; every other column must be equal.
GENERATED = {"id", "member_id", "created_at", "updated_at", "recorded_at", "at", "entity_id"}


def _columns(row: Any) -> dict[str, Any]:
    mapper = inspect(type(row))
    return {c.key: getattr(row, c.key) for c in mapper.column_attrs if c.key not in GENERATED}


def _written(session, member_ids: list[int]) -> list[tuple[dict, list[dict], dict, dict]]:
    """Each member's columns, its history, its "create" audit entry and that entry's ids."""
    session.expire_all()
    found = []
    for member_id in member_ids:
        member = session.get(Member, member_id)
        history = session.scalars(
            select(StatusChange).where(StatusChange.member_id == member_id)
        ).all()
        entry = session.scalars(
            select(AuditEntry).where(
                AuditEntry.entity == "member",
                AuditEntry.entity_id == member_id,
                AuditEntry.action == "create",
            )
        ).one()
        found.append(
            (
                _columns(member),
                [_columns(h) for h in history],
                _columns(entry),
                {"entity_id": entry.entity_id, "changes_keys": list(entry.changes)},
            )
        )
    return found


def _one_by_one(session, actor, preview) -> list[tuple[dict, list[dict], dict, dict]]:
    """What the commit wrote before bulk INSERTs (the ORM unit of work), then rolled back."""
    chosen, _skipped = member_import.import_plan(preview, include_duplicates=False)
    rows = [(r.line, member_import._row_values(r.data, TODAY)) for r in chosen]
    created = [members.new_member(values, actor) for _line, values in rows]
    session.add_all(created)
    session.flush()
    for (line, values), member in zip(rows, created, strict=True):
        changes = members.audit_values(values)
        changes |= {"imported from": preview.file_name, "row": line}
        audit.record(session, actor, "create", "member", member.id, changes)
    session.flush()
    written = _written(session, [m.id for m in created])
    session.rollback()
    return written


def _preview(session, actor, path: Path):
    table = read_table(path)
    return preview_import(session, actor, table, guess_mapping(table.headers), today=TODAY)


def _counts(session) -> tuple[int, int, int]:
    return tuple(
        session.scalar(select(func.count()).select_from(model))
        for model in (Member, StatusChange, AuditEntry)
    )


@pytest.mark.parametrize("returning", [True, False], ids=["bulk", "no RETURNING"])
def test_bulk_commit_writes_the_same_rows_as_one_by_one(
    session, coordinator, monkeypatch, returning
):
    if not returning:  # as on SQLite before 3.35: the ORM path, one INSERT per member
        dialect = session.get_bind().dialect
        monkeypatch.setattr(dialect, "insert_executemany_returning_sort_by_parameter_order", False)
    preview = _preview(session, coordinator, FIXTURES / "messy_members.csv")
    expected = _one_by_one(session, coordinator, preview)
    assert session.scalar(select(func.count()).select_from(Member)) == 0  # rolled back

    started = utcnow()
    result = commit_import(session, coordinator, preview, ImportMode.SKIP_PROBLEMS, today=TODAY)
    written = _written(session, list(result.member_ids))

    assert len(written) == len(expected) == 5  # the ready lines (no one is here yet)
    for got, want in zip(written, expected, strict=True):
        assert got[0] == want[0]  # every member column, version and derived search columns
        assert got[1] == want[1]  # the "Joined" history
        assert got[2] == want[2]  # the audit entry: account, action, entity, changes
        assert got[3]["changes_keys"] == want[3]["changes_keys"]  # same shape, same order
    zoe = session.get(Member, result.member_ids[0])
    assert zoe.version == 1  # as the ORM's version counter starts it
    assert zoe.sort_name == "zo adams" and "zoe@example.org" in zoe.search_text
    assert zoe.lived_experience is None and zoe.notes == "Likes mornings"
    for when in (zoe.created_at, zoe.updated_at, zoe.status_changes[0].recorded_at):
        assert started - timedelta(seconds=1) <= when <= utcnow()
    entry = session.scalars(
        select(AuditEntry).where(
            AuditEntry.entity == "member",
            AuditEntry.entity_id == zoe.id,
            AuditEntry.action == "create",
        )
    ).one()
    assert entry.account_id == coordinator.account_id
    assert entry.account_name == coordinator.display_name
    assert entry.changes["row"] == 2 and entry.changes["imported from"] == "messy_members.csv"
    assert entry.changes["date_joined"] == "2021-04-03"
    assert entry.changes["notes"] == members.RESTRICTED_CHANGED
    assert isinstance(entry.at, datetime)


def test_a_member_added_by_hand_matches_an_imported_one(session, coordinator, tmp_path):
    path = tmp_path / "one.csv"
    path.write_text(
        "Name,Known as,Email,Phone,Date joined\n"
        "Siobhán Ó Briain,Shiv,shiv@example.org,07700 900004,01/02/2024\n",
        encoding="utf-8",
    )
    by_hand = members.create_member(
        session,
        coordinator,
        MemberInput(
            "Siobhán Ó Briain",
            preferred_name="Shiv",
            email="shiv@example.org",
            phone="07700 900004",
            date_joined=date(2024, 2, 1),
        ),
        today=TODAY,
    )
    preview = _preview(session, coordinator, path)
    result = commit_import(
        session,
        coordinator,
        preview,
        ImportMode.SKIP_PROBLEMS,
        include_duplicates=True,
        today=TODAY,
    )
    (hand, imported) = _written(session, [by_hand.id, result.member_ids[0]])
    assert imported[0] == hand[0] and imported[1] == hand[1]
    extra = {"imported from": "one.csv", "row": 2}
    assert imported[2]["changes"] == hand[2]["changes"] | extra


def test_failing_last_row_in_the_bulk_insert_leaves_nothing(session, coordinator, monkeypatch):
    preview = _preview(session, coordinator, FIXTURES / "messy_members.csv")
    before = _counts(session)
    real = members_rows.new_member_row
    last = sum(1 for r in preview.ready)  # SKIP_PROBLEMS imports the ready lines

    calls: list[int] = []

    def last_has_no_name(values):
        calls.append(1)
        row = real(values)
        if len(calls) == last:
            row["full_name"] = None  # NOT NULL: the database refuses the last row
        return row

    monkeypatch.setattr(members_rows, "new_member_row", last_has_no_name)
    with pytest.raises(IntegrityError):
        commit_import(session, coordinator, preview, ImportMode.SKIP_PROBLEMS, today=TODAY)
    assert len(calls) == last
    assert _counts(session) == before


def test_failing_last_audit_row_leaves_nothing(session, coordinator, monkeypatch):
    preview = _preview(session, coordinator, FIXTURES / "messy_members.csv")
    before = _counts(session)
    real = members.audit_values
    calls: list[int] = []

    def fail_on_last(values):
        calls.append(1)
        if len(calls) == len(preview.ready):
            raise RuntimeError("disk full")
        return real(values)

    monkeypatch.setattr(members, "audit_values", fail_on_last)
    with pytest.raises(RuntimeError):
        commit_import(session, coordinator, preview, ImportMode.SKIP_PROBLEMS, today=TODAY)
    assert _counts(session) == before


def test_ids_come_back_in_line_order_across_batches(session, coordinator, tmp_path):
    """1,500 lines: more than one batch of PostgreSQL's insertmanyvalues (1,000 rows)."""
    path = tmp_path / "many.csv"
    lines = ["Name,Email"] + [f"Person {n:04d},p{n}@example.org" for n in range(1500)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    preview = _preview(session, coordinator, path)
    result = commit_import(session, coordinator, preview, ImportMode.ALL_OR_NOTHING, today=TODAY)

    assert result.imported == 1500 and len(set(result.member_ids)) == 1500
    names = dict(session.execute(select(Member.id, Member.full_name)).all())
    assert [names[i] for i in result.member_ids] == [f"Person {n:04d}" for n in range(1500)]
    history = dict(session.execute(select(StatusChange.member_id, StatusChange.reason)).all())
    assert set(history) == set(result.member_ids) and set(history.values()) == {"Joined"}
    trail = {
        e.entity_id: e.changes
        for e in session.scalars(
            select(AuditEntry).where(AuditEntry.action == "create", AuditEntry.entity == "member")
        )
    }
    for line, member_id in enumerate(result.member_ids, start=2):
        assert trail[member_id]["row"] == line
        assert trail[member_id]["full_name"] == names[member_id]
    versions = set(session.scalars(select(Member.version)))
    assert versions == {1}
    # The new ids are ordinary rows: the ORM edits them (and bumps the version) as usual.
    first = members.get_member(session, coordinator, result.member_ids[0], today=TODAY)
    edited = members.update_member(
        session,
        coordinator,
        first.id,
        MemberInput(first.full_name, email="new@example.org"),
        today=TODAY,
        expected_version=1,
    )
    assert edited.version == 2


def test_the_garbage_collector_is_back_on_after_an_import_that_failed(
    session, coordinator, monkeypatch
):
    preview = _preview(session, coordinator, FIXTURES / "messy_members.csv")
    assert gc.isenabled()

    def broken(values):
        assert not gc.isenabled()  # paused while the rows are built
        raise RuntimeError("disk full")

    monkeypatch.setattr(members_rows, "new_member_row", broken)
    with pytest.raises(RuntimeError):
        commit_import(session, coordinator, preview, ImportMode.SKIP_PROBLEMS, today=TODAY)
    assert gc.isenabled()
    gc.disable()  # an app that keeps it off itself is left as it was
    try:
        _preview(session, coordinator, FIXTURES / "messy_members.csv")
        assert not gc.isenabled()
    finally:
        gc.enable()
