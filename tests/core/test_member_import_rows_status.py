"""Importing members: spreadsheet row numbers, letters lost by Excel's CSV, the Status column
(so the app's own export re-imports people who have left as left), and "What it says".
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from involve_desktop.core.models.people import Member
from involve_desktop.core.services import members
from involve_desktop.core.services.member_dto import MemberFilter, MemberInput, MemberStatus
from involve_desktop.core.services.member_export import export_members
from involve_desktop.core.services.member_import import (
    ImportField,
    ImportMode,
    commit_import,
    guess_mapping,
    list_lines,
    mapping_problems,
    preview_import,
    read_table,
)
from involve_desktop.core.services.member_import_values import parse_status
from involve_desktop.core.validation import uk_phone

TODAY = date(2026, 11, 28)


def write(tmp_path: Path, text: str, name: str = "people.csv", encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def preview(session, actor, path: Path):
    table = read_table(path)
    return preview_import(session, actor, table, guess_mapping(table.headers), today=TODAY)


def test_rows_are_numbered_as_the_spreadsheet_shows_them_not_by_text_line(
    session, coordinator, tmp_path
):
    """Two addresses over three text lines each: the bad date is in row 4, not line 8."""
    path = write(
        tmp_path,
        "Name,Address,Date joined\r\n"
        'Zoë Adams,"1 High Street\r\nLeeds\r\nLS1 1AA",03/04/2021\r\n'
        'Sam Brown,"2 Low Road\r\nYork\r\nYO1 1AA",04/04/2021\r\n'
        "Ann Cole,,31/02/2021\r\n",
    )
    result = preview(session, coordinator, path)

    assert [r.line for r in result.rows] == [2, 3, 4]
    assert [(p.line, p.field) for p in result.problems] == [(4, "Date joined")]


def test_a_blank_row_still_counts_as_a_row(tmp_path):
    table = read_table(write(tmp_path, 'Name,Notes\n"Zoë Adams","one\ntwo"\n\nSam Brown,\n'))
    assert [r.line for r in table.rows] == [2, 4]


def test_rows_are_said_as_rows():
    assert list_lines([4]) == "row 4"
    assert list_lines([4, 9, 12]) == "rows 4, 9 and 12"


@pytest.mark.parametrize(
    "header,name,field",
    [
        ("Name", "?ukasz Green", "Full name"),
        ("First name,Surname", "?ukasz,Green", "First name"),
        ("Name", "Zo\ufffd Adams", "Full name"),
    ],
)
def test_letters_lost_by_excel_csv_are_a_problem_row(
    session, coordinator, tmp_path, header, name, field
):
    """Excel's plain "CSV" save writes Ł as "?": the row is held back, saying how to fix it."""
    path = write(tmp_path, f"{header},Email\n{name},lukasz@example.org\nSam Brown,\n")
    result = preview(session, coordinator, path)

    [problem] = result.problems
    assert problem.line == 2 and problem.field == field
    assert "where a letter should be" in problem.reason
    assert "CSV UTF-8" in problem.reason and "import again" in problem.reason
    assert [r.line for r in result.ready] == [3]


@pytest.mark.parametrize(
    "name,encoding",
    [
        ("people.csv", "utf-8-sig"),  # Excel's "CSV UTF-8"
        ("people.csv", "utf-16"),  # Excel's "Unicode text"
        ("people.csv", "utf-8"),  # UTF-8 without a BOM, with letters beyond ASCII
    ],
)
def test_a_real_question_mark_in_a_name_imports_from_a_unicode_file(
    session, coordinator, tmp_path, name, encoding
):
    """Only a plain single-byte CSV turns letters into "?": elsewhere it is the name."""
    path = write(tmp_path, "Name,Notes\nJo?e Blogg,\nZoë Adams,\n", name, encoding)
    assert not read_table(path).single_byte_csv
    result = preview(session, coordinator, path)
    assert not result.problems and len(result.ready) == 2


def test_a_real_question_mark_in_a_name_imports_from_an_excel_workbook(
    session, coordinator, tmp_path
):
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["Name", "Email"])
    book.active.append(["Jo?e Blogg", "jo@example.org"])
    path = tmp_path / "people.xlsx"
    book.save(path)
    assert not read_table(path).single_byte_csv
    result = preview(session, coordinator, path)
    assert not result.problems and len(result.ready) == 1


def test_a_question_mark_from_windows_1252_says_how_to_keep_a_real_one(
    session, coordinator, tmp_path
):
    path = write(tmp_path, "Name\n?ukasz Adamé\nSam Brown\n", encoding="cp1252")
    assert read_table(path).single_byte_csv
    [problem] = preview(session, coordinator, path).problems
    assert "CSV UTF-8" in problem.reason
    assert "If the ? really is part of the name, remove it and add it in the app" in (
        problem.reason
    )


def test_a_question_mark_outside_a_name_is_left_alone(session, coordinator, tmp_path):
    path = write(tmp_path, "Name,Access needs\nSam Brown,Lift? ask on the day\n")
    result = preview(session, coordinator, path)
    assert not result.problems and len(result.ready) == 1


def test_what_it_says_is_the_cell_as_typed_with_the_reading_after_it(
    session, coordinator, tmp_path
):
    """ "15/06/27" read on 28 Nov 2026 is 1927 (not the future): shown as typed, then read."""
    path = write(tmp_path, "Name,Date joined,Postcode\nZoë Adams,15/06/27,XX1\n")
    result = preview(session, coordinator, path)

    values = {p.field: p.value for p in result.problems}
    assert values["Date joined"] == "15/06/27 (read as 15/06/1927)"
    assert values["Postcode"] == "XX1"


@pytest.mark.parametrize(
    "text,status",
    [
        ("Active", MemberStatus.ACTIVE),
        ("Stepping back", MemberStatus.STEPPING_BACK),
        ("stepping_back", MemberStatus.STEPPING_BACK),
        ("LEFT", MemberStatus.LEFT),
        ("", None),
    ],
)
def test_status_words_the_export_writes_are_understood(text, status):
    assert parse_status(text) is status
    if status is not None:
        assert parse_status(status.label) is status  # the export's own words


def test_an_unknown_status_is_a_problem_naming_the_words_to_use(session, coordinator, tmp_path):
    path = write(tmp_path, "Name,Status\nZoë Adams,Gone fishing\n")
    [problem] = preview(session, coordinator, path).problems
    assert problem.field == "Status" and problem.value == "Gone fishing"
    assert "Active, Stepping back or Left" in problem.reason
    assert "if this column is not the member's status" in problem.reason
    assert "“Don't import” on step 2" in problem.reason


def test_only_accounts_that_may_change_status_may_import_it():
    headers = ("Name", "Status")
    mapping = (ImportField.FULL_NAME, ImportField.STATUS)
    assert mapping_problems(headers, mapping, may_import_restricted=False) == []
    [problem] = mapping_problems(
        headers, mapping, may_import_restricted=False, may_set_status=False
    )
    assert "“Status”" in problem and "Don't import" in problem


def test_the_apps_own_export_reimports_people_who_have_left_as_left(session, coordinator, tmp_path):
    """Export → import again: the Status column comes back, through a status history line."""
    joined = date(2020, 1, 6)
    ids = {
        name: members.create_member(
            session, coordinator, MemberInput(name, date_joined=joined), today=TODAY
        ).id
        for name in ("Ann Active", "Ben Back", "Lou Left")
    }
    members.change_status(
        session, coordinator, ids["Ben Back"], MemberStatus.STEPPING_BACK, TODAY, today=TODAY
    )
    members.change_status(
        session, coordinator, ids["Lou Left"], MemberStatus.LEFT, TODAY, today=TODAY
    )
    path = tmp_path / "members.csv"
    everyone = MemberFilter(statuses=frozenset(MemberStatus))
    export_members(session, coordinator, everyone, path, "csv", today=TODAY)

    table = read_table(path)
    mapping = guess_mapping(table.headers)
    assert ImportField.STATUS in mapping
    result = preview_import(session, coordinator, table, mapping, today=TODAY)
    assert {r.data.full_name: r.status for r in result.rows} == {
        "Ann Active": MemberStatus.ACTIVE,
        "Ben Back": MemberStatus.STEPPING_BACK,
        "Lou Left": MemberStatus.LEFT,
    }
    done = commit_import(
        session,
        coordinator,
        result,
        ImportMode.ALL_OR_NOTHING,
        include_duplicates=True,
        today=TODAY,
    )

    for member_id in done.member_ids:
        detail = members.get_member(session, coordinator, member_id, today=TODAY)
        expected = {
            "Ann Active": MemberStatus.ACTIVE,
            "Ben Back": MemberStatus.STEPPING_BACK,
            "Lou Left": MemberStatus.LEFT,
        }[detail.full_name]
        assert detail.status is expected
        assert [h.status for h in detail.history][-1] is expected
        if expected is not MemberStatus.ACTIVE:
            assert detail.history[-1].effective_on == TODAY
            assert "Imported from members.csv" in (detail.history[-1].reason or "")
    left = session.scalars(
        select(Member).where(Member.id.in_(done.member_ids), Member.status == "left")
    ).one()
    assert left.left_on == TODAY and left.full_name == "Lou Left"


def test_phone_numbers_are_tidied_as_the_member_form_tidies_them(session, coordinator, tmp_path):
    """The form saves ``validation.uk_phone(typed)``; the import saves the same."""
    typed = "  07700   900123 "
    path = write(tmp_path, f'Name,Phone\nZoë Adams,"{typed}"\nSam Brown,7700900124\n')
    result = preview(session, coordinator, path)
    done = commit_import(session, coordinator, result, ImportMode.ALL_OR_NOTHING, today=TODAY)

    phones = {
        m.full_name: m.phone
        for m in session.scalars(select(Member).where(Member.id.in_(done.member_ids)))
    }
    assert phones["Zoë Adams"] == uk_phone(typed) == "07700 900123"
    assert phones["Sam Brown"] == "07700900124"  # the 0 a spreadsheet drops is put back
