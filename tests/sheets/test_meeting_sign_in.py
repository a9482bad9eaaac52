"""Meeting sign-in sheets, read back from the PDF as the facilitator would read the paper."""

from __future__ import annotations

from datetime import date

import pytest
from reportlab.lib.units import mm

from involve_desktop.core.db.engine import session_factory
from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.services import meetings_groups, meetings_meetings
from involve_desktop.core.services.meetings_dto import MeetingInput
from involve_desktop.core.services.meetings_generate import generate_meetings
from involve_desktop.core.sheets.catalogue import SheetData, SheetParams, get_sheet
from involve_desktop.core.sheets.layout import CONFIDENTIAL_TEXT
from involve_desktop.core.sheets.meeting_data import meeting_sign_in_pdf
from involve_desktop.core.sheets.meeting_sign_in import NEW_HERE_TITLE, WELCOME
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetInputError, SheetOptions
from tests.core.meetings.helpers import TODAY, group, person
from tests.sheets.member_helpers import FORBIDDEN_WORDS, facilitator, give_role
from tests.sheets.pdfread import all_text, fonts, is_embedded, page_lines, text_placements

# The order people go by: Aisha, Łukasz (with L), Nguyễn, Shiv (Siobhán's preferred), Zoë.
IN_ORDER = ["Aisha Khan", "Łukasz Nowak", "Nguyễn Văn An", "Shiv Ó Briain", "Zoë Adams"]


@pytest.fixture
def tuesday(session, coordinator) -> dict[str, int]:
    """A closed group of five, 4 weekly meetings from 3 Mar 2026, and one person who is not
    in the group."""
    g = group(session, coordinator, open_membership=False)
    ids = [
        person(session, coordinator, "Zoë Adams", lived=True),
        person(session, coordinator, "Siobhán Ó Briain", preferred="Shiv"),
        person(session, coordinator, "Łukasz Nowak", lived=False),
        person(session, coordinator, "Aisha Khan", lived=True),
        person(session, coordinator, "Nguyễn Văn An"),
    ]
    give_role(session, coordinator, ids[3], "peer_supporter", date(2025, 1, 6))
    give_role(session, coordinator, ids[0], "council_member", date(2025, 1, 6))
    person(session, coordinator, "Not Inthegroup")
    meetings_groups.set_group_members(session, coordinator, g, ids, today=TODAY)
    generate_meetings(session, coordinator, TODAY, date(2026, 3, 29), group_id=g, today=TODAY)
    first = meetings_meetings.list_meetings(session, coordinator, g)[0]
    meetings_meetings.update_meeting(
        session,
        coordinator,
        first.id,
        MeetingInput(first.day, topic="Planning the summer trip"),
        today=TODAY,
    )
    return {"group": g, "first": first.id}


def one(session, actor, meeting_id, options=None, **kw) -> bytes:
    return meeting_sign_in_pdf(session, actor, [meeting_id], options, today=TODAY, **kw)


def numbers(lines: list[str]) -> list[int]:
    return [int(line) for line in lines if line.isdigit()]


def test_expected_people_in_order_then_blank_rows(session, coordinator, tuesday) -> None:
    pdf = one(session, coordinator, tuesday["first"], SheetOptions(privacy=PrivacyMode.FULL))
    (lines,) = page_lines(pdf)
    assert lines[0] == "Riverside Voices"
    assert {"Sign-in sheet", "Tuesday Peer Support", WELCOME} <= set(lines)
    for words in ("Tue 3 Mar 2026", "14:00–16:00", "Oak Street Community Centre"):
        assert words in lines
    assert "Planning the summer trip" in lines
    assert {"No.", "Name", "Here", "Signature"} <= set(lines)
    assert [line for line in lines if line in IN_ORDER] == IN_ORDER
    assert numbers(lines) == list(range(1, 5 + 8 + 1))  # five names, eight empty rows
    assert "Not Inthegroup" not in all_text(pdf)
    assert CONFIDENTIAL_TEXT in lines
    assert any(line.startswith(NEW_HERE_TITLE) for line in lines)
    assert {"Name", "How to contact you (optional)", "OK to keep"} <= set(lines)


def test_nothing_says_why_anyone_comes(session, coordinator, tuesday) -> None:
    text = all_text(one(session, coordinator, tuesday["first"])).casefold()
    for words in (*FORBIDDEN_WORDS, "peer supporter", "council member", "role"):
        assert words not in text, words


@pytest.mark.parametrize(
    ("privacy", "shown", "hidden"),
    [
        (PrivacyMode.FULL, "Aisha Khan", None),
        (PrivacyMode.FIRST_INITIAL, "Aisha K.", "Khan"),
        (PrivacyMode.INITIALS, "A. K.", "Aisha"),
    ],
)
def test_names_follow_the_privacy_mode(session, coordinator, tuesday, privacy, shown, hidden):
    text = all_text(one(session, coordinator, tuesday["first"], SheetOptions(privacy=privacy)))
    assert shown in text
    if hidden:
        assert hidden not in text


def test_empty_rows_and_the_new_here_box_are_options(session, coordinator, tuesday) -> None:
    pdf = one(session, coordinator, tuesday["first"], blank_rows=0, new_here=False)
    (lines,) = page_lines(pdf)
    assert numbers(lines) == [1, 2, 3, 4, 5]
    assert NEW_HERE_TITLE not in all_text(pdf)
    with pytest.raises(SheetInputError) as error:
        one(session, coordinator, tuesday["first"], blank_rows=61)
    assert error.value.field == "rows"


def test_a_list_that_runs_on_says_which_meeting_it_continues(session, coordinator, tuesday):
    pdf = one(session, coordinator, tuesday["first"], blank_rows=30, new_here=False)
    pages = page_lines(pdf)
    assert len(pages) == 2
    continued = "Tuesday Peer Support — Tue 3 Mar 2026, 14:00–16:00 (continued)"
    assert continued not in pages[0]
    assert continued in pages[1]
    assert numbers(pages[0]) + numbers(pages[1]) == list(range(1, 5 + 30 + 1))
    assert "No." in pages[1]  # the column headings again


def test_rows_are_tall_enough_to_write_in(session, coordinator, tuesday) -> None:
    for large, body in ((False, 11), (True, 16)):
        pdf = one(session, coordinator, tuesday["first"], SheetOptions(large_print=large))
        placed = text_placements(pdf)
        assert placed["1"][1] - placed["2"][1] >= 9 * mm
        assert round(placed["Aisha K."][0]) == body


def test_names_that_are_not_ascii_print_in_the_embedded_font(session, coordinator, tuesday):
    pdf = one(session, coordinator, tuesday["first"], SheetOptions(privacy=PrivacyMode.FULL))
    text = all_text(pdf)
    for name in ("Nguyễn Văn An", "Łukasz Nowak", "Zoë Adams", "Shiv Ó Briain"):
        assert name in text
    assert all("DejaVuSans" in str(f["/BaseFont"]) and is_embedded(f) for f in fonts(pdf))


def test_a_month_of_sheets_in_one_go_from_the_catalogue(engine, coordinator, tuesday) -> None:
    spec = get_sheet("meeting-sign-in")
    pdf = spec.render(
        SheetParams(
            group_name="Riverside Voices", meeting="tuesday peer support", week="2026-03-02"
        ),
        SheetOptions(),
        SheetData(session_factory(engine), coordinator),
        today=TODAY,
    )
    pages = page_lines(pdf)
    assert len(pages) == 4  # one meeting per page, each starting on its own page
    days = ["Tue 3 Mar 2026", "Tue 10 Mar 2026", "Tue 17 Mar 2026", "Tue 24 Mar 2026"]
    for page, day in zip(pages, days, strict=True):
        assert day in page and "Tuesday Peer Support" in page
        assert [line for line in page if line in {"Aisha K.", "Zoë A."}] == ["Aisha K.", "Zoë A."]
        assert f"Page {pages.index(page) + 1} of 4" in page


def test_catalogue_names_the_group_and_period_fields(engine, coordinator, tuesday) -> None:
    spec = get_sheet("meeting-sign-in")
    data = SheetData(session_factory(engine), coordinator)
    with pytest.raises(SheetInputError) as error:
        spec.render(SheetParams(meeting="Thursday group"), SheetOptions(), data, today=TODAY)
    assert error.value.field == "meeting" and "Tuesday Peer Support" in error.value.message
    with pytest.raises(SheetInputError) as error:
        spec.render(
            SheetParams(meeting="Tuesday Peer Support", week="2026-06-01", weeks=1),
            SheetOptions(),
            data,
            today=TODAY,
        )
    assert error.value.field == "week"


def test_facilitators_print_only_for_their_own_groups(engine, session, coordinator, tuesday):
    fran = facilitator(session, coordinator)
    with pytest.raises(PermissionDenied):
        one(session, fran, tuesday["first"])
    meetings_groups.set_group_accounts(session, coordinator, tuesday["group"], [fran.account_id])
    assert "Aisha K." in all_text(one(session, fran, tuesday["first"]))
    assert get_sheet("meeting-sign-in").allowed_for(fran)


def test_a_cancelled_meeting_has_no_sheet(session, coordinator, tuesday) -> None:
    meetings_meetings.cancel_meeting(session, coordinator, tuesday["first"], "Venue flooded")
    with pytest.raises(SheetInputError, match="cancelled"):
        one(session, coordinator, tuesday["first"])
