"""Two laptops typing in the same meeting, and two laptops booking the same person at once.

Each "laptop" is its own engine and session on the same database, as two copies of the app
on one PostgreSQL server are (run with ``INVOLVE_TEST_DATABASE_URL`` for the real thing).
Saves "at the same instant" run the second laptop in a thread while the first is inside its
transaction: on PostgreSQL the second waits for the first's row lock, then sees its work; on
SQLite (one laptop's own file) the second writer simply goes first and the first is told.
"""

from __future__ import annotations

import threading
import time as clock
from collections.abc import Callable, Iterator
from datetime import date

import pytest
from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from involve_desktop.core.db.engine import create_engine_for, is_sqlite, session_factory
from involve_desktop.core.errors import RecordChanged
from involve_desktop.core.models.rota import RotaAssignment
from involve_desktop.core.services import audit, meetings_attendance, meetings_walk_in, rota_assign
from involve_desktop.core.services.meetings_attendance import (
    AttendanceClash,
    attendance_sheet,
    current_states,
    set_attendance,
)
from involve_desktop.core.services.meetings_dto import AttendanceState, MeetingInput
from involve_desktop.core.services.meetings_meetings import add_meeting
from involve_desktop.core.services.rota_rules import RotaRefused
from tests.core.cohorts.helpers import cohort, enrolled, plan, programme
from tests.core.meetings.helpers import TODAY, group, person
from tests.core.rota.helpers import peer, shift, site

P, A = AttendanceState.PRESENT, AttendanceState.APOLOGIES
DAY = date(2026, 2, 24)  # the Tuesday before TODAY


@pytest.fixture
def laptops(database_url: str, engine) -> Iterator[tuple[sessionmaker, sessionmaker]]:
    """Two laptops: each its own engine (connections) on the same database."""
    first, second = create_engine_for(database_url), create_engine_for(database_url)
    yield session_factory(first), session_factory(second)
    first.dispose()
    second.dispose()


@pytest.fixture
def meeting(session: Session, coordinator) -> dict[str, int]:
    """A past meeting of a closed group of Ali, Bea and Zoë."""
    from involve_desktop.core.services import meetings_groups

    g = group(session, coordinator, open_membership=False)
    people = {name: person(session, coordinator, name) for name in ("Ali Khan", "Bea Jones")}
    people["Zoë Adams"] = person(session, coordinator, "Zoë Adams")
    meetings_groups.set_group_members(session, coordinator, g, set(people.values()))
    people["meeting"] = add_meeting(session, coordinator, g, MeetingInput(DAY)).id
    session.commit()
    return people


def opened(factory: sessionmaker, actor, meeting_id: int) -> dict[int, AttendanceState | None]:
    """What the attendance screen shows (and keeps) when opened on a laptop."""
    with factory() as s:
        return {r.member_id: r.state for r in attendance_sheet(s, actor, meeting_id).rows}


def stored(factory: sessionmaker, meeting_id: int) -> dict[int, AttendanceState]:
    with factory() as s:
        return current_states(s, meeting_id)


def save(factory, actor, meeting_id, marks, loaded) -> None:
    with factory() as s:
        set_attendance(s, actor, meeting_id, marks, loaded=loaded, today=TODAY)


def test_a_tick_saved_on_the_other_laptop_is_kept(laptops, coordinator, meeting) -> None:
    a, b = laptops
    m, ali, zoe = meeting["meeting"], meeting["Ali Khan"], meeting["Zoë Adams"]
    on_a, on_b = opened(a, coordinator, m), opened(b, coordinator, m)
    save(b, coordinator, m, on_b | {ali: P}, on_b)
    save(a, coordinator, m, on_a | {zoe: P}, on_a)  # A never saw Ali's tick
    assert stored(a, m) == {ali: P, zoe: P}
    with a() as s:
        entries = audit.list_entries(s, coordinator, "meeting_attendance", m)
    assert [e.action for e in entries].count("update") == 1  # A's save: only Zoë changed


def test_clearing_and_changing_on_both_laptops_merge(laptops, coordinator, meeting) -> None:
    a, b = laptops
    m, ali, bea, zoe = (meeting[k] for k in ("meeting", "Ali Khan", "Bea Jones", "Zoë Adams"))
    save(a, coordinator, m, {ali: P, bea: P, zoe: P}, {})
    on_a, on_b = opened(a, coordinator, m), opened(b, coordinator, m)
    save(b, coordinator, m, on_b | {bea: A}, on_b)  # Bea sent apologies after all
    save(a, coordinator, m, on_a | {zoe: None}, on_a)  # Zoë ticked by mistake
    assert stored(a, m) == {ali: P, bea: A}


def test_the_same_mark_on_both_laptops_is_no_clash(laptops, coordinator, meeting) -> None:
    a, b = laptops
    m, ali = meeting["meeting"], meeting["Ali Khan"]
    on_a, on_b = opened(a, coordinator, m), opened(b, coordinator, m)
    save(b, coordinator, m, on_b | {ali: P}, on_b)
    save(a, coordinator, m, on_a | {ali: P}, on_a)
    assert stored(a, m) == {ali: P}


def test_someone_marked_differently_on_both_is_refused_then_saved_over(
    laptops, coordinator, meeting
) -> None:
    a, b = laptops
    m, ali, zoe = meeting["meeting"], meeting["Ali Khan"], meeting["Zoë Adams"]
    on_a, on_b = opened(a, coordinator, m), opened(b, coordinator, m)
    save(b, coordinator, m, on_b | {ali: A}, on_b)
    mine = on_a | {ali: P, zoe: P}
    with pytest.raises(AttendanceClash) as refused:
        save(a, coordinator, m, mine, on_a)
    clash = refused.value
    assert isinstance(clash, RecordChanged)  # the edit dialogs' conflict, same three choices
    assert clash.message == (
        "Attendance for this meeting was changed on another laptop while you were typing, "
        "and this person was marked differently there: Ali Khan: apologies there, present "
        "here. Nothing of yours has been saved yet."
    )
    assert (clash.theirs, clash.mine) == ({ali: A}, {ali: P})
    assert stored(a, m) == {ali: A}  # nothing of A's saved, not even Zoë
    save(a, coordinator, m, mine, on_a | clash.theirs)  # "save mine over theirs"
    assert stored(a, m) == {ali: P, zoe: P}


def test_without_what_was_loaded_the_list_replaces_what_is_stored(
    session, coordinator, meeting
) -> None:
    """The demo seeders and scripts save a whole list: it is the list, as before."""
    m, ali, zoe = meeting["meeting"], meeting["Ali Khan"], meeting["Zoë Adams"]
    set_attendance(session, coordinator, m, {ali: P}, today=TODAY)
    set_attendance(session, coordinator, m, {zoe: P}, today=TODAY)
    assert current_states(session, m) == {zoe: P}


def test_a_walk_in_recorded_on_one_laptop_stays_when_the_other_saves(
    laptops, coordinator, meeting
) -> None:
    a, b = laptops
    m, zoe = meeting["meeting"], meeting["Zoë Adams"]
    on_a = opened(a, coordinator, m)
    with b() as s:
        jo = person(s, coordinator, "Jo Smith")
        meetings_walk_in.add_walk_in(s, coordinator, m, jo, today=TODAY)
    save(a, coordinator, m, on_a | {zoe: P}, on_a)
    assert stored(a, m) == {jo: P, zoe: P}


class Meanwhile:
    """``work(session)`` on another laptop in a thread (it may have to wait for a lock)."""

    def __init__(self, factory: sessionmaker, work: Callable[[Session], object]) -> None:
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, args=(factory, work), daemon=True)
        self.thread.start()

    def _run(self, factory: sessionmaker, work: Callable[[Session], object]) -> None:
        try:
            with factory() as s:
                work(s)
        except BaseException as error:  # noqa: BLE001 - reported by the test
            self.error = error

    def waiting_for_a_lock(self, session: Session) -> bool:
        """On PostgreSQL: wait until the thread is blocked on a row lock (True) or done."""
        if is_sqlite(session.get_bind()):
            self.thread.join(30)
            return False
        deadline = clock.monotonic() + 30
        query = text(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        while self.thread.is_alive() and clock.monotonic() < deadline:
            # pg_stat_activity is read once per transaction: end it, or a look taken before
            # the thread blocked is all this loop ever sees (it then waits out the deadline)
            session.rollback()
            if session.execute(query).scalar():
                return True
            clock.sleep(0.02)
        return False

    def finish(self) -> BaseException | None:
        self.thread.join(30)
        assert not self.thread.is_alive()
        return self.error


def test_two_saves_at_the_same_instant_both_keep_their_ticks(
    session, laptops, coordinator, meeting, monkeypatch
) -> None:
    a, b = laptops
    m, ali, zoe = meeting["meeting"], meeting["Ali Khan"], meeting["Zoë Adams"]
    on_a, on_b = opened(a, coordinator, m), opened(b, coordinator, m)
    real, seen = meetings_attendance.merged, {}

    def merging_while_b_saves(session, *args):
        if not seen:  # A holds the meeting's lock: B saves Ali now
            seen["b"] = Meanwhile(
                b,
                lambda s: set_attendance(
                    s, coordinator, m, on_b | {ali: P}, loaded=on_b, today=TODAY
                ),
            )
            with a() as watcher:
                seen["blocked"] = seen["b"].waiting_for_a_lock(watcher)
        return real(session, *args)

    monkeypatch.setattr(meetings_attendance, "merged", merging_while_b_saves)
    try:
        save(a, coordinator, m, on_a | {zoe: P}, on_a)
        a_error = None
    except RecordChanged as error:  # SQLite: B wrote first, A's read is out of date: told so
        a_error = error
    assert seen["b"].finish() is None
    if is_sqlite(session.get_bind()):
        assert a_error is not None and stored(a, m) == {ali: P}  # A was told, not lost
    else:
        assert seen["blocked"]  # B waited for A's save to finish…
        assert stored(a, m) == {ali: P, zoe: P}  # …then kept A's tick and added its own


def test_the_same_person_booked_at_once_on_two_sites_is_refused(
    session, laptops, coordinator, monkeypatch
) -> None:
    a, b = laptops
    ward4, ward5 = site(session, coordinator, "Ward 4"), site(session, coordinator, "Ward 5")
    first, second = shift(session, coordinator, ward4), shift(session, coordinator, ward5)
    zoe = peer(session, coordinator, "Zoë Adams")
    session.commit()
    real, seen = rota_assign.load_world, {}

    def checking_while_b_books(*args, **kwargs):
        world = real(*args, **kwargs)  # A has read Zoë's shifts: none yet
        if not seen:  # A holds Zoë's row: B books her on the other ward now
            seen["b"] = Meanwhile(b, lambda s: rota_assign.assign(s, coordinator, second, zoe))
            with a() as watcher:
                seen["blocked"] = seen["b"].waiting_for_a_lock(watcher)
        return world

    monkeypatch.setattr(rota_assign, "load_world", checking_while_b_books)
    try:
        with a() as s:
            rota_assign.assign(s, coordinator, first, zoe)
        a_error = None
    except RecordChanged as error:  # SQLite: B wrote first, A's read is out of date: told so
        a_error = error
    b_error = seen["b"].finish()
    with a() as s:
        rows = s.scalars(select(RotaAssignment).where(RotaAssignment.member_id == zoe)).all()
    assert len(rows) == 1  # never both
    if is_sqlite(session.get_bind()):
        assert a_error is not None and b_error is None
    else:
        assert seen["blocked"] and a_error is None
        assert isinstance(b_error, RotaRefused)
        assert "Zoë Adams" in str(b_error) and rows[0].shift_id == first


def test_cohort_session_ticks_from_two_laptops_both_count(laptops, coordinator, session) -> None:
    from involve_desktop.core.services import cohorts_progress

    c = cohort(session, coordinator, programme(session, coordinator))
    sessions = plan(session, coordinator, c)
    ben, cat = person(session, coordinator, "Ben Okafor"), person(session, coordinator, "Cat Jones")
    for m in (ben, cat):
        enrolled(session, coordinator, c, m)
    session.commit()
    a, b = laptops
    first = sessions[0].meeting.id
    on_a, on_b = opened(a, coordinator, first), opened(b, coordinator, first)
    save(b, coordinator, first, on_b | {ben: P}, on_b)
    save(a, coordinator, first, on_a | {cat: P}, on_a)
    with a() as s:
        people = cohorts_progress.progress(s, coordinator, c, today=sessions[0].meeting.day).people
    assert sorted(p.attended for p in people) == [1, 1]
