"""Choosing who sits: suggestions, over-reliance from held panels, each person's history."""

from __future__ import annotations

from datetime import date, time

from involve_desktop.core.models.rota import RotaAssignment
from involve_desktop.core.services import (
    involvement,
    members,
    panels,
    panels_people,
    rota_availability,
)
from involve_desktop.core.services.member_dto import MemberStatus
from involve_desktop.core.services.panels_dto import PanelStatus, SeatKind
from tests.core.panels.helpers import TODAY, panel, seat, staff, trained
from tests.core.rota.helpers import shift, site

DAY = date(2026, 3, 10)


def _held(session, actor, day: date, *people: int, post: str = "Support Worker") -> int:
    panel_id = panel(session, actor, post, day)
    staff(session, actor, panel_id, "Jo Manager")
    for member_id in people:
        seat(session, actor, panel_id, member_id)
    panels.mark_held(session, actor, panel_id, today=TODAY)
    return panel_id


def test_suggestions_rank_who_sat_least_recently_and_leave_out_clashes(
    session, coordinator
) -> None:
    t = lambda name, **kw: trained(session, coordinator, name, **kw)  # noqa: E731
    aisha, ben, cat, zara = t("Aisha Khan"), t("Ben Okafor"), t("Cat Jones"), t("Zara Ali")
    dev, eve, finn = t("Dev Patel"), t("Eve Brown"), t("Finn Grey", completed=date(2023, 1, 2))
    gus, hana, ivy = t("Gus Stone"), t("Hana Staff", lived=False), t("Ivy Lee")
    _held(session, coordinator, date(2025, 1, 10), ben)  # over 12 months before
    _held(session, coordinator, date(2025, 11, 4), aisha, zara)
    _held(session, coordinator, date(2026, 2, 2), aisha)
    members.change_status(session, coordinator, gus, MemberStatus.STEPPING_BACK, TODAY, today=TODAY)
    ward = site(session, coordinator)
    on_shift = shift(session, coordinator, ward, DAY, time(9), time(13), no_training_required=True)
    # Dev is on a shift that day (put straight in: he is not a peer supporter here)
    session.add(RotaAssignment(shift_id=on_shift, member_id=dev, assigned_by="test"))
    session.commit()
    rota_availability.add_unavailable(session, coordinator, eve, DAY, DAY)
    other = panel(session, coordinator, "Other post", DAY)
    seat(session, coordinator, other, ivy)
    target = panel(session, coordinator, "Peer Worker", DAY)
    seated = trained(session, coordinator, "Sam Seated")
    seat(session, coordinator, target, seated)

    found = panels_people.suggestions(session, coordinator, target)
    assert [s.member_id for s in found] == [cat, ben, zara, aisha]
    by_name = {s.name: s for s in found}
    assert by_name["Cat Jones"].reason == "Has not sat on a panel yet."
    assert by_name["Ben Okafor"].reason == (
        "Last sat on Fri 10 Jan 2025; 0 panels in the 12 months before."
    )
    assert by_name["Aisha Khan"].reason == (
        "Last sat on Mon 2 Feb 2026; 2 panels in the 12 months before."
    )
    assert by_name["Aisha Khan"].sat_last_12_months == 2
    left_out = {dev, eve, finn, gus, hana, ivy, seated}
    assert not left_out & {s.member_id for s in found}


def test_over_reliance_from_held_panels_against_hand_worked_figures(session, coordinator) -> None:
    t = lambda name: trained(session, coordinator, name)  # noqa: E731
    a, b, c, d, e = t("Aisha"), t("Ben"), t("Cat"), t("Dev"), t("Eve")
    # Held in the last 12 months (to Mon 2 Mar 2026): Aisha 4, Ben 3, Cat 2, Dev 1, Eve 1
    # → 5 people, 11 seats, top three 4 + 3 + 2 = 9 of 11 = 81.8 % → 82 %, above 50 %.
    _held(session, coordinator, date(2025, 3, 3), a, b)  # first day of the 12 months
    _held(session, coordinator, date(2025, 6, 1), a, b, c)
    _held(session, coordinator, date(2025, 9, 1), a, d)
    _held(session, coordinator, date(2026, 1, 5), a, b, c, e)
    _held(session, coordinator, date(2025, 3, 2), a, b, c, d, e)  # a day too early
    not_held = panel(session, coordinator, "Planned", date(2026, 2, 1))
    seat(session, coordinator, not_held, e)  # planned, not held: not counted
    cancelled = panel(session, coordinator, "Off", date(2026, 2, 3))
    seat(session, coordinator, cancelled, e)
    panels.cancel_panel(session, coordinator, cancelled, "Post withdrawn")
    figures = panels_people.over_reliance(session, coordinator, today=TODAY)
    assert (figures.start, figures.end) == (date(2025, 3, 3), TODAY)
    assert (figures.distinct_people, figures.lived_seats, figures.top_seats) == (5, 11, 9)
    assert figures.share_percent == 82 and figures.warning
    assert [(p.name, p.seats) for p in figures.top_people] == [("Aisha", 4), ("Ben", 3), ("Cat", 2)]
    assert figures.explanation.startswith("5 different people sat on panels in the last 12 months")
    assert "took 9 of 11 seats (82 %)" in figures.explanation


def test_history_summary_and_involvement(session, coordinator) -> None:
    aisha, ben = trained(session, coordinator, "Aisha Khan"), trained(session, coordinator, "Ben O")
    first = _held(session, coordinator, date(2025, 6, 1), aisha, post="Peer Worker")
    second = _held(session, coordinator, date(2026, 1, 5), aisha, ben, post="Team Leader")
    coming = panel(session, coordinator, "Advocate", date(2026, 4, 1))
    seat(session, coordinator, coming, aisha)
    history = panels_people.person_panels(session, coordinator, aisha)
    assert [p.panel_id for p in history.panels] == [coming, second, first]
    assert history.held == 2 and history.last_sat == date(2026, 1, 5)
    assert history.panels[0].status is PanelStatus.PLANNED
    assert history.panels[1].kind is SeatKind.LIVED_EXPERIENCE
    items = [i for i in involvement.history(session, coordinator, aisha) if i.area == "Panels"]
    assert [(i.on, i.description) for i in items] == [
        (date(2026, 1, 5), "Recruitment panel: Team Leader (Community Mental Health Team)"),
        (date(2025, 6, 1), "Recruitment panel: Peer Worker (Community Mental Health Team)"),
    ]
    summary = panels_people.participation_summary(
        session, coordinator, date(2025, 4, 1), date(2026, 4, 30)
    )
    assert (summary.panels_held, summary.panels_planned, summary.panels_cancelled) == (2, 1, 0)
    assert [(r.name, r.lived_seats, r.last_sat) for r in summary.rows] == [
        ("Aisha Khan", 2, date(2026, 1, 5)),
        ("Ben O", 1, date(2026, 1, 5)),
    ]
    assert summary.outside_staff_seats == 2 and summary.held_not_meeting_policy == 0
    assert summary.reliance.lived_seats == 3 and summary.reliance.share_percent == 100
    assert "from Tue 1 Apr 2025 to Thu 30 Apr 2026" in summary.reliance.explanation
