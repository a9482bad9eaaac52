"""Optimistic locking: two laptops saving the same record never silently overwrite each other.

Two engines on one database stand for two laptops; run on PostgreSQL as well as SQLite
(``INVOLVE_TEST_DATABASE_URL``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, time
from typing import TypeVar

import pytest
from sqlalchemy import Engine

from involve_desktop.core.db.engine import create_engine_for, session_factory
from involve_desktop.core.errors import RecordChanged
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import (
    accounts,
    cohorts_programmes,
    meetings_groups,
    members,
    panels,
    rota_sites,
)
from involve_desktop.core.services.cohorts_dto import ProgrammeInput
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import GroupInput, MeetingInput
from involve_desktop.core.services.meetings_meetings import add_meeting, get_meeting, update_meeting
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.core.services.panels_dto import PanelInput
from involve_desktop.core.services.rota_dto import SiteInput
from involve_desktop.core.services.transaction import transaction
from tests.core.meetings.helpers import group

TODAY = date(2026, 11, 26)
T = TypeVar("T")


class Laptop:
    """Sessions on one engine, one per call, as the GUI opens them (never left open)."""

    def __init__(self, engine: Engine) -> None:
        self.sessions = session_factory(engine)

    def __call__(self, service: Callable[..., T], *args: object, **kwargs: object) -> T:
        with self.sessions() as s:
            return service(s, *args, **kwargs)


@pytest.fixture
def here(engine) -> Laptop:
    """This laptop."""
    return Laptop(engine)


@pytest.fixture
def there(database_url, engine) -> Iterator[Laptop]:
    """Another laptop on the same database: its own engine."""
    second = create_engine_for(database_url)
    yield Laptop(second)
    second.dispose()


@pytest.fixture
def priya(session, coordinator) -> Actor:
    """A second coordinator, signed in on the other laptop."""
    accounts.create_account(
        session, coordinator, "Priya Shah", "priya", "kettle on at the hub", Role.COORDINATOR
    )
    return accounts.sign_in(session, "priya", "kettle on at the hub")


def _member(here: Laptop, actor: Actor) -> int:
    data = MemberInput(full_name="Zoë Adams", date_joined=date(2024, 5, 1), phone="01632 960001")
    return here(members.create_member, actor, data, today=TODAY).id


@pytest.fixture
def both(session, coordinator, priya) -> tuple[Actor, Actor]:
    """Sam (here) and Priya (there); the set-up session is closed so nothing holds a lock."""
    session.close()
    return coordinator, priya


def test_the_second_save_of_a_member_is_refused_naming_who_and_the_first_is_kept(
    here, there, both
) -> None:
    sam, priya = both
    member_id = _member(here, sam)
    mine = here(members.get_member, sam, member_id, today=TODAY)
    theirs = there(members.get_member, priya, member_id, today=TODAY)
    assert mine.version == theirs.version == 1

    there(
        members.update_member,
        priya,
        member_id,
        replace(theirs.to_input(), phone="01632 960222"),
        today=TODAY,
        expected_version=theirs.version,
    )
    with pytest.raises(RecordChanged) as refused:
        here(
            members.update_member,
            sam,
            member_id,
            replace(mine.to_input(), pronouns="she/her"),
            today=TODAY,
            expected_version=mine.version,
        )
    message = refused.value.message
    assert message.startswith("Priya Shah saved changes to Zoë Adams's details at ")
    assert message.endswith("while you were editing. Nothing of yours has been saved yet.")
    assert refused.value.current_version == 2

    stored = here(members.get_member, sam, member_id, today=TODAY)
    assert (stored.phone, stored.pronouns, stored.version) == ("01632 960222", None, 2)


def test_each_save_bumps_the_version_and_no_expected_version_means_no_check(here, both) -> None:
    sam, _ = both
    member_id = _member(here, sam)
    data = here(members.get_member, sam, member_id, today=TODAY).to_input()
    first = here(
        members.update_member, sam, member_id, replace(data, pronouns="she/her"), expected_version=1
    )
    assert first.version == 2
    second = here(members.update_member, sam, member_id, replace(data, pronouns="they"))
    assert (second.version, second.pronouns) == (3, "they")  # CLI and older callers: no check
    with pytest.raises(RecordChanged):
        here(members.update_member, sam, member_id, data, expected_version=2)


def test_save_mine_over_theirs_saves_against_the_new_version(here, there, both) -> None:
    sam, priya = both
    member_id = _member(here, sam)
    theirs = MemberInput(full_name="Zoë Adams", date_joined=date(2024, 5, 1), phone="01632 960333")
    there(members.update_member, priya, member_id, theirs, expected_version=1)
    mine = replace(theirs, phone="01632 960444")
    with pytest.raises(RecordChanged) as refused:
        here(members.update_member, sam, member_id, mine, expected_version=1)
    saved = here(
        members.update_member, sam, member_id, mine, expected_version=refused.value.current_version
    )
    assert (saved.phone, saved.version) == ("01632 960444", 3)


def test_a_panel_saved_on_two_laptops(here, there, both) -> None:
    sam, priya = both
    data = PanelInput(
        "Peer Support Worker",
        date(2026, 12, 10),
        start_time=time(10),
        end_time=time(13),
        venue="Riverside Voices office",
    )
    panel = here(panels.create_panel, sam, data)
    there(
        panels.update_panel,
        priya,
        panel.id,
        replace(data, candidates=5),
        today=TODAY,
        expected_version=panel.version,
    )
    with pytest.raises(RecordChanged) as refused:
        here(
            panels.update_panel,
            sam,
            panel.id,
            replace(data, venue="Oak Street Centre"),
            today=TODAY,
            expected_version=panel.version,
        )
    assert "Priya Shah saved changes to the Peer Support Worker panel" in refused.value.message
    stored = here(panels.get_panel, sam, panel.id)
    assert (stored.candidates, stored.venue, stored.version) == (5, "Riverside Voices office", 2)


def test_a_meeting_saved_on_two_laptops(here, there, both) -> None:
    sam, priya = both
    group_id = here(group, sam)
    meeting = here(add_meeting, sam, group_id, MeetingInput(date(2026, 3, 3)))
    there(
        update_meeting,
        priya,
        meeting.id,
        MeetingInput(meeting.day, topic="Winter plans"),
        today=TODAY,
        expected_version=meeting.version,
    )
    with pytest.raises(RecordChanged) as refused:
        here(
            update_meeting,
            sam,
            meeting.id,
            MeetingInput(meeting.day, topic="Summer trip"),
            today=TODAY,
            expected_version=meeting.version,
        )
    assert refused.value.message.startswith(
        "Priya Shah saved changes to the Tuesday Peer Support meeting on Tue 3 Mar 2026"
    )
    stored = here(get_meeting, sam, meeting.id)
    assert (stored.topic, stored.version) == ("Winter plans", 2)


def test_group_site_and_programme_refuse_an_old_version(session, coordinator) -> None:
    group_id = group(session, coordinator)
    info = meetings_groups.get_group(session, coordinator, group_id).group
    data = GroupInput(info.name, info.kind, "New venue", info.open_membership)
    meetings_groups.update_group(session, coordinator, group_id, data, expected_version=1)
    with pytest.raises(RecordChanged, match="the group Tuesday Peer Support"):
        meetings_groups.update_group(session, coordinator, group_id, data, expected_version=1)

    site = rota_sites.create_site(session, coordinator, SiteInput("Ward 4"))
    rota_sites.update_site(session, coordinator, site.id, SiteInput("Ward 4 day room"))
    with pytest.raises(RecordChanged, match="^You saved changes to the site Ward 4 day room at"):
        rota_sites.update_site(
            session, coordinator, site.id, SiteInput("Ward 5"), expected_version=site.version
        )

    programme = cohorts_programmes.create_programme(
        session, coordinator, ProgrammeInput("Peer Leadership", planned_sessions=6)
    )
    cohorts_programmes.update_programme(
        session, coordinator, programme.id, ProgrammeInput("Peer Leadership", planned_sessions=8)
    )
    with pytest.raises(RecordChanged, match="the programme Peer Leadership"):
        cohorts_programmes.update_programme(
            session,
            coordinator,
            programme.id,
            ProgrammeInput("Peer Leadership", planned_sessions=4),
            expected_version=programme.version,
        )


def test_a_save_racing_at_the_same_instant_becomes_record_changed(here, there, both) -> None:
    sam, _ = both
    member_id = _member(here, sam)
    with there.sessions() as other:
        stale = other.get(Member, member_id)  # read on the other laptop, kept in its session
        assert stale is not None
        other.commit()  # its read ends; the object keeps version 1
        here(
            members.update_member,
            sam,
            member_id,
            MemberInput(
                full_name="Zoë Adams",
                date_joined=date(2024, 5, 1),
                pronouns="she/her",
                phone="01632 960001",
            ),
        )
        with pytest.raises(RecordChanged, match="at the same moment"), transaction(other):
            stale.phone = "01632 960999"  # UPDATE … WHERE version = 1 matches no row
    stored = here(members.get_member, sam, member_id, today=TODAY)
    assert (stored.pronouns, stored.phone, stored.version) == ("she/her", "01632 960001", 2)
