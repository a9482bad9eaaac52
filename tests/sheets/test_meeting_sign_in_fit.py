"""The meeting sign-in sheet keeps "New here?" with the last names when it fits, and says
who it lists (found by a screen review: 32 names, page 2 ending with room to spare and the
box alone on page 3; a group of "24 members" printing 32 names with no word why)."""

from __future__ import annotations

from datetime import date, time

from involve_desktop.core.services import meetings_attendance, meetings_groups
from involve_desktop.core.services import meetings_meetings as meetings
from involve_desktop.core.services.meetings_dto import AttendanceState, MeetingInput
from involve_desktop.core.sheets.meeting_data import meeting_sign_in_pdf
from involve_desktop.core.sheets.meeting_sign_in import (
    NEW_HERE_TITLE,
    MeetingSignInSheet,
    SignInMeeting,
    render_meeting_sign_in,
)
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetOptions
from tests.core.meetings.helpers import TODAY, group, person
from tests.sheets.pdfread import all_text, page_lines

FORUM = "Riverside Voices Forum"


def sheet_of(count: int, blank_rows: int = 8) -> bytes:
    names = tuple(f"Person{i:02d} Walker" for i in range(1, count + 1))
    meeting = SignInMeeting(FORUM, date(2026, 11, 26), "10:00–12:00", "Library", None, names)
    sheet = MeetingSignInSheet((meeting,), blank_rows, True, "Riverside Voices")
    return render_meeting_sign_in(sheet, printed_on=date(2026, 11, 27))


def rows(lines: list[str]) -> list[int]:
    return [int(line) for line in lines if line.isdigit()]


def test_new_here_stays_with_the_last_names_when_it_fits() -> None:
    pages = page_lines(sheet_of(32))
    assert len(pages) == 2  # not a third page just for the box
    last = pages[-1]
    assert NEW_HERE_TITLE in " ".join(last)
    assert "Person32 W." in last  # with the last names
    numbered = rows(pages[0]) + rows(last)
    assert numbered[:32] == list(range(1, 33))
    assert len(numbered) >= 32 + 4  # at most half of the 8 empty rows gave way


def test_a_short_list_keeps_every_empty_row_when_there_is_room() -> None:
    (page,) = page_lines(sheet_of(5))
    assert rows(page) == list(range(1, 5 + 8 + 1))
    assert NEW_HERE_TITLE in " ".join(page)


def test_the_box_takes_a_page_of_its_own_only_when_it_truly_does_not_fit() -> None:
    pages = page_lines(sheet_of(36))
    assert len(pages) == 3
    assert rows(pages[0]) + rows(pages[1]) == list(range(1, 36 + 8 + 1))  # every empty row
    assert NEW_HERE_TITLE in " ".join(pages[2]) and rows(pages[2]) == []
    # a loose page still says which meeting it belongs to
    assert f"{FORUM} — Thu 26 Nov 2026, 10:00–12:00 (continued)" in pages[2]


def test_two_names_that_would_read_the_same_are_told_apart_on_the_sheet() -> None:
    names = ("Callum Brown", "Callum Burgess", "Joan Walker")
    meeting = SignInMeeting(FORUM, date(2026, 11, 26), "10:00–12:00", names=names)
    pdf = render_meeting_sign_in(MeetingSignInSheet((meeting,)), printed_on=date(2026, 11, 27))
    text = all_text(pdf)
    assert "Callum Br." in text and "Callum Bu." in text and "Joan W." in text
    full = render_meeting_sign_in(
        MeetingSignInSheet((meeting,)), SheetOptions(privacy=PrivacyMode.INITIALS)
    )
    assert "C. B." in all_text(full)  # initials stay initials


def test_the_sheet_says_who_it_lists(session, coordinator) -> None:
    forum = group(session, coordinator, name=FORUM, open_membership=True)
    ann, bob = person(session, coordinator, "Ann Lee"), person(session, coordinator, "Bob Roy")
    visitor = person(session, coordinator, "Cat Day")
    leader = person(session, coordinator, "Dev Rao")
    meetings_groups.set_group_members(session, coordinator, forum, {ann, bob}, today=TODAY)
    earlier = meetings.add_meeting(
        session, coordinator, forum, MeetingInput(TODAY, time(14), time(16))
    )
    meetings_attendance.set_attendance(
        session, coordinator, earlier.id, {visitor: AttendanceState.PRESENT}, today=TODAY
    )
    later = meetings.add_meeting(
        session,
        coordinator,
        forum,
        MeetingInput(date(2026, 3, 17), time(14), time(16), facilitator_ids=(leader,)),
    )
    pdf = meeting_sign_in_pdf(session, coordinator, [later.id], today=TODAY)
    text = " ".join(all_text(pdf).split())
    assert (
        "Listed: 2 group members, 1 facilitator and 1 person who came in the last 3 months" in text
    )
    assert all(name in text for name in ("Ann L.", "Bob R.", "Cat D.", "Dev R."))
    first = meeting_sign_in_pdf(session, coordinator, [earlier.id], today=TODAY)
    assert "Listed: 2 group members" in " ".join(all_text(first).split())


def _sheet(count: int, *, new_here: bool = True, large: bool = False, names=None) -> bytes:
    names = names or tuple(f"Person{i:02d} Walker" for i in range(1, count + 1))
    meeting = SignInMeeting(FORUM, date(2026, 11, 26), "10:00–12:00", "Library", None, names)
    sheet = MeetingSignInSheet((meeting,), 8, new_here, "Riverside Voices")
    options = SheetOptions(large_print=large, privacy=PrivacyMode.FULL)
    return render_meeting_sign_in(sheet, options, printed_on=date(2026, 11, 27))


def test_with_no_box_a_page_of_nothing_but_empty_rows_is_not_printed() -> None:
    for count in (37, 38, 60, 61):
        pages = page_lines(_sheet(count, new_here=False))
        numbered = [n for page in pages for n in rows(page)]
        assert numbered[:count] == list(range(1, count + 1))  # every name, once
        assert any(n > count for n in rows(pages[-1])) or rows(pages[-1])[-1] == count
        assert rows(pages[-1])[0] <= count, f"{count}: last page holds only empty rows"


def test_a_name_of_three_lines_is_set_smaller_to_stay_in_its_row() -> None:
    from involve_desktop.core.sheets.styles import cell_within, sheet_styles

    long_name = "Maria de los Ángeles Fernández-Castillo Rodríguez de Souza"
    styles = sheet_styles(True)
    width, height = 80 * 2.8346, styles.row_height
    cell = cell_within(long_name, styles.cell, width, height)
    assert cell.wrap(width - 4 * 2.8346, 10_000)[1] <= height - 6
    assert cell.style.fontSize < styles.cell.fontSize
