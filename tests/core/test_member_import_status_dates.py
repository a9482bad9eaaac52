"""Importing members' Left on and Check in by dates: the export's own file brought back into
a fresh database keeps when people left (so the retention review is the same) and when
those stepping back are due a check-in; dates that do not fit the status are problem rows.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.db.migrate import migrate
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.people import Member, StatusChange
from involve_desktop.core.services import accounts, gdpr_review, members
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberFilter, MemberInput, MemberStatus
from involve_desktop.core.services.member_export import export_members
from involve_desktop.core.services.member_import import (
    ImportField,
    ImportMode,
    ImportPreview,
    commit_import,
    guess_mapping,
    mapping_problems,
    preview_import,
    read_table,
)
from tests.conftest import COORDINATOR_PASSWORD, TEST_DATABASE_URL, reset_postgres

TODAY = date(2026, 11, 28)
EVERYONE = MemberFilter(statuses=frozenset(MemberStatus))


def _person(
    session: Session,
    actor: Actor,
    name: str,
    joined: date,
    status: MemberStatus | None = None,
    on: date | None = None,
    check_in_on: date | None = None,
) -> int:
    member_id = members.create_member(
        session, actor, MemberInput(name, date_joined=joined), today=TODAY
    ).id
    if status is not None and on is not None:
        members.change_status(
            session, actor, member_id, status, on, check_in_on=check_in_on, today=TODAY
        )
    return member_id


def _state(session: Session) -> dict[str, tuple[str, date | None, date | None]]:
    """Each member's status, left on and check in by, by name."""
    return {
        m.full_name: (m.status, m.left_on, m.check_in_on) for m in session.scalars(select(Member))
    }


def _candidates(session: Session, actor: Actor) -> list[tuple[str, date]]:
    found = gdpr_review.retention_candidates(session, actor, years=6, today=TODAY)
    return [(c.name, c.left_on) for c in found]


def _preview(session: Session, actor: Actor, path: Path) -> ImportPreview:
    table = read_table(path)
    return preview_import(session, actor, table, guess_mapping(table.headers), today=TODAY)


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_round_trip_into_a_fresh_database_keeps_when_people_left_and_check_ins(
    session, coordinator, tmp_path, fmt
):
    """Before, everyone who left came back as "left today" and fell out of the retention
    review; someone stepping back lost their check-in date."""
    _person(session, coordinator, "Ann Active", date(2015, 1, 5))
    _person(
        session,
        coordinator,
        "Ben Overdue",
        date(2016, 2, 1),
        MemberStatus.STEPPING_BACK,
        date(2025, 1, 10),
        check_in_on=date(2025, 3, 1),  # a check-in now overdue
    )
    _person(
        session,
        coordinator,
        "Bea Back",
        date(2016, 2, 1),
        MemberStatus.STEPPING_BACK,
        date(2026, 10, 1),
        check_in_on=date(2027, 1, 15),
    )
    _person(session, coordinator, "Cal Back", date(2017, 3, 3), MemberStatus.STEPPING_BACK, TODAY)
    _person(
        session, coordinator, "Lou Left", date(2010, 3, 1), MemberStatus.LEFT, date(2018, 5, 31)
    )
    _person(
        session, coordinator, "Lee Left", date(2012, 4, 2), MemberStatus.LEFT, date(2019, 6, 30)
    )
    _person(session, coordinator, "Liz Left", date(2020, 5, 4), MemberStatus.LEFT, date(2025, 4, 1))
    path = tmp_path / f"members.{fmt}"
    export_members(session, coordinator, EVERYONE, path, fmt, TODAY)
    before = _state(session)
    candidates = _candidates(session, coordinator)
    assert [name for name, _left in candidates] == ["Lou Left", "Lee Left"]
    session.close()

    if TEST_DATABASE_URL:
        reset_postgres(TEST_DATABASE_URL)
        url = TEST_DATABASE_URL
    else:
        url = sqlite_url(tmp_path / "fresh.sqlite3")
    fresh_engine = create_engine_for(url)
    try:
        migrate(fresh_engine, paths.migrations_dir(), paths.backups_dir())
        with session_factory(fresh_engine)() as fresh:
            actor = accounts.set_up_group(
                fresh, "Riverside Voices", "Sam Coordinator", "sam", COORDINATOR_PASSWORD
            )
            preview = _preview(fresh, actor, path)
            assert ImportField.LEFT_ON in preview.mapping
            assert ImportField.CHECK_IN_ON in preview.mapping
            assert not preview.problems
            commit_import(fresh, actor, preview, ImportMode.ALL_OR_NOTHING, today=TODAY)

            assert _state(fresh) == before
            assert _candidates(fresh, actor) == candidates
            history = {
                (name, change.status): (change.effective_on, change.check_in_on)
                for change, name in fresh.execute(
                    select(StatusChange, Member.full_name).join(Member)
                ).all()
                if change.status != "active"
            }
            assert history[("Lou Left", "left")] == (date(2018, 5, 31), None)
            assert history[("Ben Overdue", "stepping_back")] == (TODAY, date(2025, 3, 1))
            assert history[("Cal Back", "stepping_back")] == (TODAY, None)
    finally:
        fresh_engine.dispose()


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "people.csv"
    path.write_bytes(text.encode("utf-8-sig"))
    return path


def test_dates_that_do_not_fit_the_status_are_problem_rows_naming_the_fix(
    session, coordinator, tmp_path
):
    path = _write(
        tmp_path,
        "Name,Date joined,Status,Left on,Check in by\n"
        "Ann Active,01/01/2020,Active,01/06/2024,\n"  # 2: left on, but not Left
        "Ben Back,01/01/2020,Left,,01/02/2025\n"  # 3: check-in, but not Stepping back
        "Lou Left,01/01/2020,Left,01/12/2026,\n"  # 4: after today
        "Lee Left,03/04/2021,Left,02/04/2021,\n"  # 5: before they joined
        "Bea Back,03/04/2021,Stepping back,,01/01/2021\n"  # 6: check-in before joining
        "Sid Back,03/04/2021,Stepping back,,01/01/2022\n"  # 7: overdue: fine
        "Liz Left,03/04/2021,Left,,\n"  # 8: blank: the import day
        "Tom Left,,Left,01/01/2026,\n",  # 9: no date joined is today: before it
    )
    preview = _preview(session, coordinator, path)
    problems = {p.line: p for p in preview.problems}

    assert sorted(problems) == [2, 3, 4, 5, 6, 9]
    assert problems[2].field == "Left on" and problems[2].value == "01/06/2024"
    assert "Status is Left" in problems[2].reason and "clear Left on" in problems[2].reason
    assert problems[3].field == "Check in by"
    assert "Status is Stepping back" in problems[3].reason
    assert problems[4].field == "Left on" and "after today" in problems[4].reason
    assert "Tue 1 Dec 2026" in problems[4].reason and "Sat 28 Nov 2026" in problems[4].reason
    assert problems[5].field == "Left on"
    assert "Fri 2 Apr 2021" in problems[5].reason and "Sat 3 Apr 2021" in problems[5].reason
    assert problems[6].field == "Check in by" and "before they joined" in problems[6].reason
    assert "before they joined (Sat 28 Nov 2026)" in problems[9].reason
    ready = {r.data.full_name: r for r in preview.ready if r.data}
    assert ready["Sid Back"].check_in_on == date(2022, 1, 1)
    assert ready["Liz Left"].left_on is None

    commit_import(session, coordinator, preview, ImportMode.SKIP_PROBLEMS, today=TODAY)
    state = _state(session)
    assert state["Sid Back"] == ("stepping_back", None, date(2022, 1, 1))
    assert state["Liz Left"] == ("left", TODAY, None)


def test_an_unreadable_status_gives_its_own_problem_only(session, coordinator, tmp_path):
    path = _write(tmp_path, "Name,Status,Left on\nLou Left,Gone,01/06/2024\n")
    [problem] = _preview(session, coordinator, path).problems
    assert problem.field == "Status"


def test_status_dates_need_the_status_column_and_the_right_to_change_it():
    headers = ("Name", "Left on", "Check in by")
    mapping = (ImportField.FULL_NAME, ImportField.LEFT_ON, ImportField.CHECK_IN_ON)
    problems = mapping_problems(headers, mapping, may_import_restricted=False)
    assert len(problems) == 2
    assert "“Left on”" in problems[0] and "Status" in problems[0]
    assert "Don't import" in problems[0]

    with_status = (*headers, "Status")
    mapped = (*mapping, ImportField.STATUS)
    assert mapping_problems(with_status, mapped, may_import_restricted=False) == []
    refused = mapping_problems(
        with_status, mapped, may_import_restricted=False, may_set_status=False
    )
    assert any("“Check in by”" in p and "cannot change" in p for p in refused)


@pytest.mark.parametrize(
    "heading,field",
    [
        ("Left on", ImportField.LEFT_ON),
        ("Date left", ImportField.LEFT_ON),
        ("Leaving date", ImportField.LEFT_ON),
        ("left date", ImportField.LEFT_ON),
        ("Check in by", ImportField.CHECK_IN_ON),
        ("Check-in", ImportField.CHECK_IN_ON),
        ("Check-in date", ImportField.CHECK_IN_ON),
    ],
)
def test_headings_for_the_status_dates_are_recognised(heading, field):
    assert guess_mapping(["Name", "Status", heading])[2] is field


def test_each_member_gets_their_own_dates_and_the_audit_names_them(session, coordinator, tmp_path):
    rows = "".join(f"Person {n},01/01/2000,Left,{n + 1:02d}/01/2010,\n" for n in range(20))
    path = _write(
        tmp_path,
        "Name,Date joined,Status,Left on,Check in by\n"
        + rows
        + "Bea Back,01/01/2000,Stepping back,,15/01/2027\n",
    )
    done = commit_import(
        session,
        coordinator,
        _preview(session, coordinator, path),
        ImportMode.ALL_OR_NOTHING,
        today=TODAY,
    )
    state = _state(session)
    assert all(state[f"Person {n}"][1] == date(2010, 1, n + 1) for n in range(20))
    entries = {
        e.entity_id: e.changes
        for e in session.scalars(select(AuditEntry).where(AuditEntry.action == "create"))
    }
    assert entries[done.member_ids[0]]["left on"] == "2010-01-01"
    assert entries[done.member_ids[-1]]["check in by"] == "2027-01-15"


def test_the_mapping_step_gets_the_accounts_own_refusals(coordinator, monkeypatch):
    """``mapping_problems_for`` judges the account as preview and import do, so the
    mapping step can name a Status column the account may not change."""
    from involve_desktop.core.permissions import ROLE_PERMISSIONS, Permission
    from involve_desktop.core.services.member_import import mapping_problems_for

    headers = ("Name", "Status", "Check in by")
    mapping = (ImportField.FULL_NAME, ImportField.STATUS, ImportField.CHECK_IN_ON)
    assert mapping_problems_for(coordinator, headers, mapping) == []
    role = coordinator.role
    monkeypatch.setitem(
        ROLE_PERMISSIONS, role, ROLE_PERMISSIONS[role] - {Permission.MANAGE_MEMBER_RECORDS}
    )
    problems = mapping_problems_for(coordinator, headers, mapping)
    assert len(problems) == 2
    assert "“Status” holds each person's status" in problems[0]
    assert "“Check in by”" in problems[1] and "cannot change" in problems[1]


def test_an_import_on_another_day_than_its_check_is_refused(session, coordinator, tmp_path):
    """The rows were judged against the preview's today: checked on the 28th, 'Left on 28/11'
    with a blank Date joined was fine; imported on the 29th it would have left the day
    before joining. Nothing is saved; checking again (that day) lets it in."""
    from involve_desktop.core.services.member_import import ImportRefused

    path = _write(tmp_path, "Name,Status,Left on\nLou Left,Left,28/11/2026\n")
    preview = _preview(session, coordinator, path)
    assert preview.day == TODAY and preview.ready
    tomorrow = date(2026, 11, 29)
    with pytest.raises(ImportRefused, match="checked on Sat 28 Nov 2026") as refused:
        commit_import(session, coordinator, preview, ImportMode.ALL_OR_NOTHING, today=tomorrow)
    assert "check the preview again" in refused.value.message
    session.rollback()
    assert session.scalars(select(Member)).all() == []
    table = read_table(path)
    again = preview_import(
        session, coordinator, table, guess_mapping(table.headers), today=tomorrow
    )
    assert [p.field for p in again.problems] == ["Left on"]  # before they joined (today)
