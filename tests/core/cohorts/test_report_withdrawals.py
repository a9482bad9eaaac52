"""The annual report counts withdrawals as the Cohorts list does: someone who withdrew and
came back (and graduated) is not also counted as having withdrawn."""

from __future__ import annotations

from datetime import date

from involve_desktop.core.services import cohorts_cohorts, cohorts_enrolment, cohorts_progress
from involve_desktop.core.services.involvement_report import year_containing
from involve_desktop.core.services.involvement_report_figures import report_figures
from tests.core.cohorts.helpers import attend, cohort, enrolled, person, plan, programme

DAY = date(2026, 1, 6)  # the one session


def test_someone_who_came_back_and_graduated_is_not_counted_as_withdrawn(
    session, coordinator
) -> None:
    c = cohort(session, coordinator, programme(session, coordinator, sessions=1))
    sessions = plan(session, coordinator, c, 1)
    back, gone = person(session, coordinator, "Aisha Khan"), person(session, coordinator, "Ben")
    place = enrolled(session, coordinator, c, back)
    cohorts_enrolment.withdraw(
        session, coordinator, place, on=date(2026, 1, 2), reason="Moving house; back soon"
    )
    cohorts_enrolment.apply(session, coordinator, c, back, on=date(2026, 1, 3))
    cohorts_enrolment.offer(session, coordinator, place, on=date(2026, 1, 3))
    cohorts_enrolment.enrol(session, coordinator, place, on=date(2026, 1, 4))
    left = enrolled(session, coordinator, c, gone)
    cohorts_enrolment.withdraw(session, coordinator, left, on=date(2026, 1, 5))
    attend(session, coordinator, sessions, {1: {back}}, DAY)
    assert cohorts_progress.graduate(session, coordinator, c, [back], DAY, today=DAY).graduated
    listed = cohorts_cohorts.get_cohort(session, coordinator, c)
    assert (listed.completed, listed.withdrawn) == (1, 1)
    figures = report_figures(session, coordinator, year_containing(DAY), today=date(2026, 3, 31))
    assert (figures.cohorts.graduated, figures.cohorts.withdrawn) == (1, 1)
