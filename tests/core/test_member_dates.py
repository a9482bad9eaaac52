"""Members' dates: the status history stays in date order, date joined is a believable date
(on a form and in an import), and the list's consent review date is the one in force."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import member_records, members
from involve_desktop.core.services.member_dto import (
    ConsentHow,
    MemberFilter,
    MemberInput,
    MemberStatus,
)
from involve_desktop.core.services.member_import import (
    guess_mapping,
    parse_uk_date,
    preview_import,
    read_table,
)
from involve_desktop.core.services.member_search import list_members

TODAY = date(2026, 11, 26)


def add(session, actor, joined=date(2024, 5, 1), name="Zoë Adams"):
    data = MemberInput(full_name=name, date_joined=joined)
    return members.create_member(session, actor, data, today=TODAY)


def step(session, actor, member_id, status, day):
    return members.change_status(session, actor, member_id, status, day, today=TODAY)


def edit_joined(session, actor, member_id, joined):
    detail = members.get_member(session, actor, member_id, today=TODAY)
    data = MemberInput(full_name=detail.full_name, date_joined=joined)
    return members.update_member(session, actor, member_id, data, today=TODAY)


def test_a_status_change_before_the_latest_one_is_refused(session, coordinator):
    m = add(session, coordinator)
    step(session, coordinator, m.id, MemberStatus.STEPPING_BACK, date(2026, 11, 1))
    with pytest.raises(ValidationError) as err:
        step(session, coordinator, m.id, MemberStatus.LEFT, date(2025, 6, 1))
    assert err.value.field == "effective_on"
    assert err.value.message.startswith(
        "Left on must be on or after Sun 1 Nov 2026, when they started stepping back"
    )
    detail = members.get_member(session, coordinator, m.id, today=TODAY)
    assert detail.status is MemberStatus.STEPPING_BACK and detail.left_on is None
    # The same day, or later, is fine: the history stays in date order.
    detail = step(session, coordinator, m.id, MemberStatus.LEFT, date(2026, 11, 1))
    assert [h.effective_on for h in detail.history] == [
        date(2024, 5, 1),
        date(2026, 11, 1),
        date(2026, 11, 1),
    ]


def test_coming_back_before_leaving_is_refused(session, coordinator):
    m = add(session, coordinator)
    step(session, coordinator, m.id, MemberStatus.LEFT, date(2026, 3, 2))
    with pytest.raises(ValidationError, match=r"Back from must be on or after Mon 2 Mar 2026"):
        step(session, coordinator, m.id, MemberStatus.ACTIVE, date(2026, 3, 1))


def test_date_joined_after_a_status_change_is_refused(session, coordinator):
    m = add(session, coordinator)
    step(session, coordinator, m.id, MemberStatus.STEPPING_BACK, date(2025, 6, 1))
    step(session, coordinator, m.id, MemberStatus.LEFT, date(2026, 11, 1))
    with pytest.raises(ValidationError) as err:
        edit_joined(session, coordinator, m.id, date(2025, 7, 1))
    assert err.value.field == "date_joined"
    assert err.value.message.startswith(
        "Date joined must be on or before Sun 1 Jun 2025, when they started stepping back"
    )
    assert members.get_member(session, coordinator, m.id).date_joined == date(2024, 5, 1)


def test_the_joined_history_line_follows_a_changed_date_joined(session, coordinator):
    m = add(session, coordinator)
    step(session, coordinator, m.id, MemberStatus.STEPPING_BACK, date(2025, 6, 1))
    detail = edit_joined(session, coordinator, m.id, date(2023, 9, 4))
    assert detail.date_joined == date(2023, 9, 4)
    joined, stepped = detail.history
    assert (joined.reason, joined.effective_on) == ("Joined", date(2023, 9, 4))
    assert stepped.effective_on == date(2025, 6, 1)  # later lines keep their dates
    # On the day of the first change is still in order.
    detail = edit_joined(session, coordinator, m.id, date(2025, 6, 1))
    assert detail.history[0].effective_on == date(2025, 6, 1)


@pytest.mark.parametrize("joined", [date(1850, 1, 1), date(1900, 1, 1)])
def test_a_date_joined_long_ago_is_refused_as_a_typing_slip(session, coordinator, joined):
    with pytest.raises(ValidationError) as err:
        add(session, coordinator, joined=joined)
    assert err.value.field == "date_joined"
    assert "looks like a typing slip" in err.value.message
    assert format_date(joined) in err.value.message  # "Sat 1 Jan 1900", as dates are shown


def test_a_date_joined_decades_ago_is_kept(session, coordinator):
    assert add(session, coordinator, joined=date(1985, 4, 3)).date_joined == date(1985, 4, 3)


def test_the_import_preview_refuses_a_date_joined_long_ago_row_by_row(
    session, coordinator, tmp_path: Path
):
    path = tmp_path / "members.csv"
    path.write_text(
        "Full name,Date joined\nAda Long,01/01/1850\nBea Short,03/04/2021\nCy Old,01/01/27\n",
        encoding="utf-8",
    )
    table = read_table(path)
    preview = preview_import(session, coordinator, table, guess_mapping(table.headers), today=TODAY)
    assert [r.line for r in preview.ready] == [3]
    problems = {p.line: (p.field, p.reason) for p in preview.problems}
    assert set(problems) == {2, 4}
    assert problems[2][0] == "Date joined" and "Tue 1 Jan 1850" in problems[2][1]
    assert "Sat 1 Jan 1927" in problems[4][1]  # the reading is shown, so the slip is clear


@pytest.mark.parametrize(
    "typed,read",
    [
        ("3/4/21", date(2021, 4, 3)),
        ("26/11/26", date(2026, 11, 26)),  # today
        ("27/11/26", date(1926, 11, 27)),  # tomorrow in 2026: within the last 100 years
        ("01/01/27", date(1927, 1, 1)),
        ("3 Dec 99", date(1999, 12, 3)),
    ],
)
def test_two_digit_years_are_read_within_the_last_hundred_years(typed, read):
    assert parse_uk_date(typed, TODAY) == read


def test_the_list_shows_the_review_date_of_the_consent_in_force(session, coordinator):
    m = add(session, coordinator)
    for given, review in ((date(2025, 3, 1), date(2028, 3, 1)), (date(2026, 6, 1), None)):
        member_records.record_consent(
            session,
            coordinator,
            m.id,
            given,
            ConsentHow.WRITTEN,
            keeping_records=True,
            review_on=review,
            today=TODAY,
        )
    member_records.record_consent(
        session,
        coordinator,
        m.id,
        date(2026, 6, 1),
        ConsentHow.VERBAL,
        keeping_records=True,
        review_on=date(2026, 12, 1),
        today=TODAY,
    )  # the same day as the one before, entered later: this one is in force
    rows = list_members(session, coordinator, today=TODAY).rows
    assert [r.consent_review_on for r in rows] == [date(2026, 12, 1)]
    due = list_members(session, coordinator, MemberFilter(consent_due=True), today=TODAY)
    assert [r.id for r in due.rows] == [m.id]  # the filter and the date agree
