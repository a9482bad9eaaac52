"""Gathering the spread from seeded rota, panel, meeting and cohort records."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts
from involve_desktop.core.services.involvement_spread import (
    InvolvementKind,
    involvement_spread,
    quarter_of,
    quarters_between,
)
from tests.core.spread import seed

Q1, Q2 = quarter_of(date(2026, 1, 1)), quarter_of(date(2026, 4, 1))
TODAY = date(2026, 6, 30)


@pytest.fixture
def people(session, coordinator) -> list[int]:
    a, b, c, d = seed.members(session)
    # Q1 2026: a works 2 shifts (b marked did not attend on one), a and b sit on a panel,
    # a planned panel does not count, c attends a peer meeting, d a cohort session.
    seed.shift(session, date(2026, 1, 5), a, absent=(b,))
    seed.shift(session, date(2026, 2, 5), a)
    seed.panel(session, date(2026, 2, 10), a, b)
    seed.panel(session, date(2026, 3, 10), c, status="planned")
    seed.meeting(session, date(2026, 3, 1), c, apologies=b)
    seed.meeting(session, date(2026, 3, 2), d, cohort=True)
    # Q2 2026: a again (returning), b's first shift worked (b sat on a panel in Q1: returning
    # to involvement, but new to the rota); a shift after "today" does not count yet.
    seed.shift(session, date(2026, 4, 7), a, b)
    seed.shift(session, date(2026, 7, 7), c)
    session.commit()
    return [a, b, c, d]


def test_quarters() -> None:
    assert Q1.label == "Jan–Mar 2026" and Q2.short_label == "Q2 2026"
    assert [q.label for q in quarters_between(date(2026, 4, 1), date(2027, 3, 31))] == [
        "Apr–Jun 2026",
        "Jul–Sep 2026",
        "Oct–Dec 2026",
        "Jan–Mar 2027",
    ]


def test_counts_each_kind_per_quarter(session, coordinator, people) -> None:
    result = involvement_spread(session, coordinator, Q1.start, Q2.end, today=TODAY)
    assert result.quarters == (Q1, Q2)
    rota = result.row(Q1, InvolvementKind.ROTA).figures
    assert (rota.people, rota.total) == (1, 2)  # did-not-attend is not a shift worked
    panels = result.row(Q1, InvolvementKind.PANELS).figures
    assert (panels.people, panels.total) == (2, 2)  # the planned panel is left out
    meetings = result.row(Q1, InvolvementKind.MEETINGS).figures
    assert (meetings.people, meetings.total) == (1, 1)  # apologies are not attendance
    cohorts = result.row(Q1, InvolvementKind.COHORTS).figures
    assert (cohorts.people, cohorts.total) == (1, 1)  # cohort sessions kept apart
    everything = result.row(Q1, InvolvementKind.ALL).figures
    assert (everything.people, everything.total) == (4, 6)
    assert result.row(Q1, InvolvementKind.ALL).reading == (
        "83 % of all involvement (5 of 6) came from 3 of the 4 people involved."
    )
    q2 = result.row(Q2, InvolvementKind.ROTA).figures
    assert (q2.people, q2.total) == (2, 2)  # the July shift is after today


def test_newcomers_and_returning(session, coordinator, people) -> None:
    result = involvement_spread(session, coordinator, Q1.start, Q2.end, today=TODAY)
    first = result.row(Q1, InvolvementKind.ALL)
    assert (first.newcomers, first.returning) == (4, 0)
    second = result.row(Q2, InvolvementKind.ROTA)
    assert (second.newcomers, second.returning) == (1, 1)  # b's first shift worked
    assert result.row(Q2, InvolvementKind.ALL).newcomers == 0  # b was involved in Q1
    # Seen from Q2 alone, people first involved in Q1 are still returning.
    only_q2 = involvement_spread(session, coordinator, Q2.start, Q2.end, today=TODAY)
    assert only_q2.row(Q2, InvolvementKind.ALL).returning == 2
    assert only_q2.whole[-1].newcomers == 0


def test_whole_period_and_top_share(session, coordinator, people) -> None:
    result = involvement_spread(session, coordinator, Q1.start, Q2.end, today=TODAY)
    whole = {row.kind: row for row in result.whole}
    rota = whole[InvolvementKind.ROTA].figures
    assert (rota.people, rota.total, rota.most) == (2, 4, 3)
    assert whole[InvolvementKind.ALL].figures.top_share == 4  # ceil(10 % of 4) = 1: a's 4


def test_coordinators_only(session, coordinator, people) -> None:
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    fran = accounts.sign_in(session, "fran", "tuesday group")
    with pytest.raises(PermissionDenied):
        involvement_spread(session, fran, Q1.start, Q2.end, today=TODAY)


def test_new_people_in_each_kind_add_up_over_the_quarters(session, coordinator, people) -> None:
    """A funder adding up a row's "New" over the quarters gets the period's figure: a works
    shifts from Q1 and comes to a first cohort session in Q2, so a is new to cohorts in Q2
    (before, the cohort row said 2 new over the period but only 1 over the quarters)."""
    a, _b, _c, _d = people
    seed.meeting(session, date(2026, 5, 2), a, cohort=True)
    session.commit()
    result = involvement_spread(session, coordinator, Q1.start, Q2.end, today=TODAY)
    whole = {row.kind: row for row in result.whole}
    for kind in InvolvementKind:
        per_quarter = sum(result.row(q, kind).newcomers for q in result.quarters)
        assert per_quarter == whole[kind].newcomers, kind
    assert result.row(Q2, InvolvementKind.COHORTS).newcomers == 1  # a's first session
    assert whole[InvolvementKind.ALL].newcomers == 4


def test_nothing_after_today_counts(session, coordinator, people) -> None:
    """Attendance typed in ahead, or a panel marked held ahead, is not involvement yet."""
    a, b, c, d = people
    seed.meeting(session, date(2026, 6, 20), a, b, c, d)  # "present" typed in ahead
    seed.panel(session, date(2026, 6, 25), d)
    session.commit()
    early = involvement_spread(session, coordinator, Q2.start, Q2.end, today=date(2026, 6, 10))
    assert early.row(Q2, InvolvementKind.MEETINGS).figures.people == 0
    assert early.row(Q2, InvolvementKind.PANELS).figures.people == 0
    later = involvement_spread(session, coordinator, Q2.start, Q2.end, today=TODAY)
    assert later.row(Q2, InvolvementKind.MEETINGS).figures.people == 4
    assert later.row(Q2, InvolvementKind.PANELS).newcomers == 1  # d's first panel seat
