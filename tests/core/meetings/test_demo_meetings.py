"""The meetings demo: four groups incl. a council, six months of attendance, alike each run."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.db.migrate import migrate
from involve_desktop.core.demo import meetings as demo_meetings
from involve_desktop.core.demo.members import seed_members
from involve_desktop.core.demo.seed import AREA_SEEDERS, DEMO_PASSWORD, seed_demo
from involve_desktop.core.models.accounts import Account
from involve_desktop.core.services import accounts
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_attendance import attendance_sheet
from involve_desktop.core.services.meetings_council import council_composition
from involve_desktop.core.services.meetings_dto import GroupKind
from involve_desktop.core.services.meetings_groups import list_groups
from involve_desktop.core.services.meetings_meetings import list_meetings
from involve_desktop.core.services.meetings_summary import group_summary

TODAY = date(2026, 11, 26)
SIX_MONTHS_AGO = date(2026, 5, 26)


def _attendance(session: Session, actor: Actor) -> list[tuple]:
    return [
        (m.group_name, m.day, m.cancelled, row.name, row.state)
        for m in list_meetings(session, actor)
        for row in attendance_sheet(session, actor, m.id).rows
    ]


def test_the_meetings_seeder_runs_after_the_members_seeder() -> None:
    assert AREA_SEEDERS.index(demo_meetings.seed_meetings) > AREA_SEEDERS.index(seed_members)


def test_demo_has_four_groups_with_their_schedules(session: Session) -> None:
    actor = seed_demo(session, today=TODAY)
    groups = {g.kind: g for g in list_groups(session, actor)}
    assert set(groups) == {
        GroupKind.MANAGEMENT_COUNCIL,
        GroupKind.PEER_SUPPORT,
        GroupKind.FORUM,
        GroupKind.WORKSHOP,
    }
    assert groups[GroupKind.PEER_SUPPORT].description == "Every Tuesday 14:00–16:00"
    assert groups[GroupKind.FORUM].description == "Every other Thursday 10:00–12:00"
    assert groups[GroupKind.WORKSHOP].description == "First Monday of the month 18:00–20:00"
    assert groups[GroupKind.MANAGEMENT_COUNCIL].description == (
        "Last Wednesday of the month 18:00–20:00"
    )
    assert groups[GroupKind.PEER_SUPPORT].open_membership
    assert not groups[GroupKind.MANAGEMENT_COUNCIL].open_membership


def test_demo_council_is_mostly_lived_experience_but_not_at_one_meeting(session: Session) -> None:
    actor = seed_demo(session, today=TODAY)
    council = next(g for g in list_groups(session, actor) if g.is_council)
    result = council_composition(session, actor, council.id, SIX_MONTHS_AGO, TODAY, today=TODAY)
    assert len(result.meetings) >= 5
    assert result.meetings_without_majority == 1
    assert result.majority and result.warning is not None


def test_demo_meetings_have_realistic_attendance(session: Session) -> None:
    actor = seed_demo(session, today=TODAY)
    meetings = list_meetings(session, actor)
    past = [m for m in meetings if m.day < TODAY]
    future = [m for m in meetings if m.day > TODAY]
    cancelled = [m for m in meetings if m.cancelled]
    assert [m.cancelled_reason for m in cancelled] == [demo_meetings.CANCELLED_REASON]
    assert all(m.attendance_recorded for m in past if not m.cancelled)
    assert sum(m.apologies for m in past) >= 10
    assert max(m.day for m in future) > date(2027, 1, 1)  # the next two months are there
    assert not any(m.attendance_recorded or m.present for m in future)
    workshop = [m for m in past if m.group_kind is GroupKind.WORKSHOP]
    assert workshop and all(m.topic for m in workshop)
    peer = next(g for g in list_groups(session, actor) if g.kind is GroupKind.PEER_SUPPORT)
    summary = group_summary(session, actor, peer.id, date(2026, 8, 1), TODAY, today=TODAY)
    assert summary.newcomers >= 2 and summary.meetings_cancelled <= 1
    assert 3 < (summary.average_attendance or 0) < 12


def test_demo_facilitators_run_some_groups(session: Session) -> None:
    seed_demo(session, today=TODAY)
    names = session.scalars(
        select(Account.username).where(Account.role == "facilitator").order_by(Account.id)
    ).all()
    first, second = (accounts.sign_in(session, name, DEMO_PASSWORD) for name in names)
    assert {g.kind for g in list_groups(session, first)} == {
        GroupKind.PEER_SUPPORT,
        GroupKind.FORUM,
    }
    assert [g.kind for g in list_groups(session, second)] == [GroupKind.WORKSHOP]


def test_demo_meetings_are_the_same_every_run(session: Session, tmp_path) -> None:
    actor = seed_demo(session, today=TODAY)
    other = create_engine_for(sqlite_url(tmp_path / "again.sqlite3"))
    migrate(other, paths.migrations_dir(), tmp_path)
    with session_factory(other)() as second:
        again = seed_demo(second, today=TODAY)
        assert _attendance(second, again) == _attendance(session, actor)
    other.dispose()
