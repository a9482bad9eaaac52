"""Involvement records written straight to the tables, for the spread and report tests."""

from __future__ import annotations

from datetime import date, time

from sqlalchemy.orm import Session

from involve_desktop.core.models.meetings import Meeting, MeetingAttendance, MeetingGroup
from involve_desktop.core.models.panels import Panel, PanelSeat
from involve_desktop.core.models.people import Member
from involve_desktop.core.models.rota import RotaAssignment, RotaShift, RotaSite

NAMES = ("Zelda Quickfoot", "Yusuf Brightwater", "Xanthe Oddlington", "Wilhelmina Starling")


def members(session: Session, names: tuple[str, ...] = NAMES) -> list[int]:
    """Members with unusual names (so a test can look for them in a PDF)."""
    rows = [
        Member(full_name=n, sort_name=n, date_joined=date(2024, 1, 1), lived_experience=True)
        for n in names
    ]
    session.add_all(rows)
    session.flush()
    return [r.id for r in rows]


def shift(session: Session, day: date, *people: int, absent: tuple[int, ...] = ()) -> None:
    """A shift on ``day``; ``absent`` people are marked "did not attend"."""
    site = session.query(RotaSite).first()
    if site is None:
        site = RotaSite(name="Ward 3")
        session.add(site)
        session.flush()
    row = RotaShift(site_id=site.id, day=day, start_time=time(10), end_time=time(14))
    session.add(row)
    session.flush()
    for member in people:
        session.add(RotaAssignment(shift_id=row.id, member_id=member, assigned_by="test"))
    for member in absent:
        session.add(
            RotaAssignment(
                shift_id=row.id, member_id=member, assigned_by="test", attendance="did_not_attend"
            )
        )
    session.flush()


def panel(session: Session, day: date, *people: int, status: str = "held") -> None:
    """A panel with a lived-experience seat for each of ``people`` and one staff seat."""
    row = Panel(post_title="Peer worker", day=day, status=status)
    session.add(row)
    session.flush()
    for member in people:
        session.add(
            PanelSeat(panel_id=row.id, kind="lived_experience", member_id=member, added_by="t")
        )
    session.add(PanelSeat(panel_id=row.id, kind="staff", outside_name="A Manager", added_by="t"))
    session.flush()


def meeting(
    session: Session, day: date, *present: int, cohort: bool = False, apologies: int | None = None
) -> None:
    """A meeting of a peer group (or a cohort's group) with ``present`` people."""
    kind = "leadership_cohort" if cohort else "peer_support"
    group = session.query(MeetingGroup).filter_by(kind=kind).first()
    if group is None:
        group = MeetingGroup(name=f"Group {kind}", kind=kind)
        session.add(group)
        session.flush()
    row = Meeting(group_id=group.id, day=day, start_time=time(18), end_time=time(20))
    session.add(row)
    session.flush()
    for member in present:
        session.add(MeetingAttendance(meeting_id=row.id, member_id=member, state="present"))
    if apologies is not None:
        session.add(MeetingAttendance(meeting_id=row.id, member_id=apologies, state="apologies"))
    session.flush()
