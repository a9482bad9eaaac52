"""Importing members: messy real-looking files, the preview's line-by-line report, commits."""

from __future__ import annotations

import csv
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from involve_desktop.core.errors import PermissionDenied, ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import ROLE_PERMISSIONS, Permission, Role
from involve_desktop.core.services import accounts, audit, member_import, members, members_rows
from involve_desktop.core.services.member_dto import MemberFilter, MemberInput, MemberStatus
from involve_desktop.core.services.member_import import (
    ImportField,
    ImportFileError,
    ImportMode,
    ImportRefused,
    commit_import,
    guess_mapping,
    parse_uk_date,
    preview_import,
    read_table,
    write_problem_report,
)
from involve_desktop.core.services.member_search import list_members

TODAY = date(2026, 11, 26)
FIXTURES = Path(__file__).parent.parent / "fixtures"
READY = [2, 4, 12, 14]
PROBLEMS = {
    5: "Email",
    6: "Date joined",
    7: "Postcode",
    11: "Date joined",
    15: "Full name",
}


def member_count(session) -> int:
    return session.scalar(select(func.count()).select_from(Member))


def seed_priya(session, coordinator) -> int:
    data = MemberInput("Priya Shah", email="priya@example.org", date_joined=date(2019, 1, 5))
    return members.create_member(session, coordinator, data, today=TODAY).id


def preview_of(session, actor, name: str):
    table = read_table(FIXTURES / name)
    return preview_import(session, actor, table, guess_mapping(table.headers), today=TODAY)


@pytest.mark.parametrize("name", ["messy_members.csv", "messy_members_cp1252.csv"])
def test_preview_reports_each_bad_row_with_line_and_field(session, coordinator, name):
    priya = seed_priya(session, coordinator)
    preview = preview_of(session, coordinator, name)

    assert [r.line for r in preview.ready] == READY
    assert {p.line: p.field for p in preview.problems} == PROBLEMS
    reasons = {p.line: p.reason for p in preview.problems}
    assert "needs an @" in reasons[5]
    assert "cannot be in the future" in reasons[6]
    assert "UK postcode" in reasons[7]
    assert "not a real date" in reasons[11]
    assert "Full name is needed" in reasons[15]
    assert {p.line: p.value for p in preview.problems}[5] == "jozef.example.org"

    dups = {r.line: r.duplicate for r in preview.duplicates}
    assert set(dups) == {8, 10}
    assert dups[8].member_id == priya and dups[8].reasons == ("name", "email")
    assert "Priya Shah, already in the group" in dups[8].describe()
    assert dups[10].other_line == 2 and "row 2" in dups[10].describe()
    assert preview.summary() == "4 ready · 5 with problems · 2 possible duplicates"


def test_messy_values_are_cleaned(session, coordinator):
    preview = preview_of(session, coordinator, "messy_members.csv")
    rows = {r.line: r.data for r in preview.rows}
    assert rows[2].full_name == "Zoë Adams"  # "Adams, Zoë" turned round
    assert rows[2].preferred_name == "Zo" and rows[2].address == "1 High Street, Leeds"
    assert rows[2].restricted.notes == "Likes mornings"
    assert rows[4].full_name == "Chidi Okafor" and rows[4].email == "chidi@example.org"
    assert rows[4].date_joined == date(2021, 4, 3)  # ISO date
    assert rows[7].date_joined == date(2021, 4, 3)  # 3/4/21, day first
    assert rows[12].address == "Flat 2, Rose Court; Bath Road"  # quoted separator kept
    assert rows[14].phone == "07700900009"  # leading 0 put back


def test_all_or_nothing_refuses_and_writes_nothing(session, coordinator):
    seed_priya(session, coordinator)
    preview = preview_of(session, coordinator, "messy_members.csv")
    audits = session.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(ImportRefused) as err:
        commit_import(session, coordinator, preview, ImportMode.ALL_OR_NOTHING, today=TODAY)
    assert "rows 5, 6, 7, 11 and 15" in err.value.message
    assert member_count(session) == 1
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == audits


def test_skip_mode_imports_exactly_the_valid_rows(session, coordinator):
    seed_priya(session, coordinator)
    preview = preview_of(session, coordinator, "messy_members.csv")
    result = commit_import(session, coordinator, preview, ImportMode.SKIP_PROBLEMS, today=TODAY)

    assert result.imported == 4 and result.skipped_lines == (5, 6, 7, 8, 10, 11, 15)
    assert result.message() == (
        "Imported 4 members from messy_members.csv. Skipped rows 5, 6, 7, 8, 10, 11 and 15."
    )
    names = [r.full_name for r in list_members(session, coordinator, MemberFilter()).rows]
    assert sorted(names) == [
        "Amina Begum",
        "Chidi Okafor",
        "Jürgen Müller",
        "Priya Shah",
        "Zoë Adams",
    ]
    zoe = members.get_member(session, coordinator, result.member_ids[0], today=TODAY)
    assert (zoe.postcode, zoe.date_joined, zoe.status) == (
        "SW1A 1AA",
        date(2021, 4, 3),
        MemberStatus.ACTIVE,
    )
    assert zoe.restricted.notes == "Likes mornings" and [h.reason for h in zoe.history] == [
        "Joined"
    ]
    trail = session.scalars(select(AuditEntry).where(AuditEntry.action == "import")).all()
    assert len(trail) == 1 and trail[0].changes["file"] == "messy_members.csv"
    assert trail[0].changes["imported"] == 4 and trail[0].changes["skipped"] == 7
    created = session.scalars(
        select(AuditEntry).where(AuditEntry.action == "create", AuditEntry.entity == "member")
    ).all()
    assert len(created) == 5  # Priya by hand, four imported
    zoe_trail = next(a for a in created if a.entity_id == zoe.id).changes
    assert zoe_trail["row"] == 2 and zoe_trail["imported from"] == "messy_members.csv"
    assert zoe_trail["notes"] == members.RESTRICTED_CHANGED  # never the note itself


def test_including_duplicates_imports_them_too(session, coordinator):
    seed_priya(session, coordinator)
    preview = preview_of(session, coordinator, "messy_members.csv")
    result = commit_import(
        session,
        coordinator,
        preview,
        ImportMode.SKIP_PROBLEMS,
        include_duplicates=True,
        today=TODAY,
    )
    assert result.imported == 6 and result.skipped_lines == (5, 6, 7, 11, 15)


def test_all_or_nothing_imports_a_clean_file(session, coordinator, tmp_path):
    path = tmp_path / "clean.csv"
    path.write_text("Name,Email\nZoë Adams,zoe@example.org\nAmina Begum,\n", encoding="utf-8")
    table = read_table(path)
    preview = preview_import(session, coordinator, table, guess_mapping(table.headers))
    result = commit_import(session, coordinator, preview, ImportMode.ALL_OR_NOTHING)
    assert result.imported == 2 and member_count(session) == 2


def test_xlsx_fixture_imports(session, coordinator):
    preview = preview_of(session, coordinator, "members.xlsx")
    assert [r.line for r in preview.ready] == [3, 4, 6, 7] and not preview.problems
    result = commit_import(session, coordinator, preview, ImportMode.ALL_OR_NOTHING, today=TODAY)
    assert result.imported == 4
    people = {
        m.full_name: m
        for m in (members.get_member(session, coordinator, i) for i in result.member_ids)
    }
    assert people["Zoë Adams"].date_joined == date(2021, 4, 3)  # a date cell
    assert people["Chidi Okafor"].phone == "07700900002"  # a number cell
    assert people["Siobhán Ó Briain"].date_joined == date(2021, 4, 3)  # text "03/04/2021"
    assert people["Amina Begum"].restricted.lived_experience is True


def test_failure_mid_commit_leaves_the_database_unchanged(session, coordinator, monkeypatch):
    seed_priya(session, coordinator)
    preview = preview_of(session, coordinator, "messy_members.csv")
    before_members, before_audit = (
        member_count(session),
        session.scalar(select(func.count()).select_from(AuditEntry)),
    )
    real = members_rows.new_member_row
    calls = []

    def fail_on_third(*args):
        calls.append(1)
        if len(calls) == 3:
            raise RuntimeError("disk unplugged")
        return real(*args)

    monkeypatch.setattr(members_rows, "new_member_row", fail_on_third)
    with pytest.raises(RuntimeError):
        commit_import(session, coordinator, preview, ImportMode.SKIP_PROBLEMS, today=TODAY)
    assert member_count(session) == before_members
    assert session.scalar(select(func.count()).select_from(AuditEntry)) == before_audit


def test_failure_after_the_flush_leaves_the_database_unchanged(session, coordinator, monkeypatch):
    preview = preview_of(session, coordinator, "messy_members.csv")
    real = audit.record

    def fail_on_import_row(session_, actor, action, *args):
        if action == "import":
            raise RuntimeError("database went away")
        return real(session_, actor, action, *args)

    monkeypatch.setattr(audit, "record", fail_on_import_row)
    with pytest.raises(RuntimeError):
        commit_import(session, coordinator, preview, ImportMode.SKIP_PROBLEMS, today=TODAY)
    assert member_count(session) == 0
    assert not session.scalars(select(AuditEntry).where(AuditEntry.entity == "member")).all()


def test_importing_a_names_only_file_twice_does_not_add_people_twice(
    session, coordinator, tmp_path
):
    path = tmp_path / "names.csv"
    path.write_text("Name,Pronouns\nZoë Adams,she\nAmina Begum,they\n", encoding="utf-8")
    table = read_table(path)
    first = preview_import(session, coordinator, table, guess_mapping(table.headers))
    assert not first.duplicates
    assert commit_import(session, coordinator, first, ImportMode.ALL_OR_NOTHING).imported == 2
    again = preview_import(session, coordinator, table, guess_mapping(table.headers))
    # With nothing but a name to go on, the same name is flagged before anyone is added twice.
    assert len(again.duplicates) == 2
    with pytest.raises(ImportRefused, match="looks imported already"):  # nothing new
        commit_import(session, coordinator, again, ImportMode.SKIP_PROBLEMS)
    assert member_count(session) == 2


def test_same_name_with_different_details_is_not_a_duplicate(session, coordinator, tmp_path):
    members.create_member(
        session, coordinator, MemberInput("Zoë Adams", email="zoe@example.org"), today=TODAY
    )
    path = tmp_path / "other.csv"
    path.write_text("Name,Email\nZoë Adams,another.zoe@example.org\n", encoding="utf-8")
    table = read_table(path)
    preview = preview_import(session, coordinator, table, guess_mapping(table.headers))
    assert not preview.duplicates


def test_members_added_since_the_preview_stop_the_import(session, coordinator, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("Name,Email\nZoë Adams,zoe@example.org\nAmina Begum,\n", encoding="utf-8")
    table = read_table(path)
    preview = preview_import(session, coordinator, table, guess_mapping(table.headers))
    members.create_member(
        session, coordinator, MemberInput("Zoë Adams", email="zoe@example.org"), today=TODAY
    )
    with pytest.raises(ImportRefused, match="check the preview again"):
        commit_import(session, coordinator, preview, ImportMode.SKIP_PROBLEMS)
    assert member_count(session) == 1


@pytest.fixture
def facilitator(session, coordinator):
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    return accounts.sign_in(session, "fran", "tuesday group")


def test_facilitator_cannot_import(session, facilitator):
    table = read_table(FIXTURES / "messy_members.csv")
    with pytest.raises(PermissionDenied):
        preview_import(session, facilitator, table, guess_mapping(table.headers))


def test_restricted_columns_refused_without_edit_restricted(session, facilitator, monkeypatch):
    monkeypatch.setitem(
        ROLE_PERMISSIONS,
        Role.FACILITATOR,
        ROLE_PERMISSIONS[Role.FACILITATOR] | {Permission.IMPORT_MEMBERS},
    )
    table = read_table(FIXTURES / "messy_members.csv")
    mapping = guess_mapping(table.headers)
    with pytest.raises(ValidationError) as err:
        preview_import(session, facilitator, table, mapping)
    assert "“Notes” holds restricted information" in err.value.message
    without_notes = tuple(None if f is ImportField.NOTES else f for f in mapping)
    preview = preview_import(session, facilitator, table, without_notes, today=TODAY)
    assert len(preview.ready) == 5  # Priya is not in this database


@pytest.mark.parametrize(
    "headers,expected",
    [
        (["Name", "E-mail", "Tel"], ["full_name", "email", "phone"]),
        (["Surname", "Forename", "Mobile number"], ["surname", "first_name", "phone"]),
        (["Name", "Surname"], ["first_name", "surname"]),
        (["Full name", "Known as", "Post code"], ["full_name", "preferred_name", "postcode"]),
        (["Joined", "Address line 1", "Address 2"], ["date_joined", "address", "address"]),
        (["Start date", "Email", "Email"], ["date_joined", "email", None]),
        (["Consent to email", "Status", ""], [None, "status", None]),
    ],
)
def test_guess_mapping_from_headings(headers, expected):
    assert [f and f.value for f in guess_mapping(headers)] == expected


def test_mapping_needs_a_name_column(session, coordinator, tmp_path):
    path = tmp_path / "no-names.csv"
    path.write_text("Email,Phone\na@example.org,07700900001\n", encoding="utf-8")
    table = read_table(path)
    with pytest.raises(ValidationError, match="which column holds the names"):
        preview_import(session, coordinator, table, guess_mapping(table.headers))


@pytest.mark.parametrize(
    "content,words",
    [
        (b"", "is empty"),
        (b"Name;Email\n\n", "no members below it"),
        (b"\x00\x01\x02binary", "does not look like a spreadsheet"),
        (b"\xd0\xcf\x11\xe0old excel", "old-style Excel"),
    ],
)
def test_unreadable_files_get_plain_messages(tmp_path, content, words):
    path = tmp_path / "members.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFileError, match=words):
        read_table(path)


def test_damaged_xlsx_and_missing_file(tmp_path):
    bad = tmp_path / "members.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(ImportFileError, match="could not be opened as an Excel workbook"):
        read_table(bad)
    with pytest.raises(ImportFileError, match="could not be found"):
        read_table(tmp_path / "gone.csv")


def test_problem_report_lists_lines_to_fix(session, coordinator, tmp_path):
    preview = preview_of(session, coordinator, "messy_members.csv")
    out = tmp_path / "problems.csv"
    write_problem_report(preview, out)
    text = out.read_text(encoding="utf-8-sig")
    assert text.splitlines()[0] == "Row,Field,What it says,Problem"
    assert "5,Email,jozef.example.org" in text and "10,Possible duplicate" in text


def test_batched_duplicate_check_agrees_with_find_duplicates(session, coordinator, tmp_path):
    for name, email, joined in [
        ("Zoë Adams", "zoe@example.org", date(2020, 1, 1)),
        ("Chidi Okafor", None, date(2021, 5, 5)),
        ("Siobhán Ó Briain", "sio@example.org", date(2022, 2, 2)),
    ]:
        members.create_member(
            session, coordinator, MemberInput(name, email=email, date_joined=joined), today=TODAY
        )
    path = tmp_path / "people.csv"
    path.write_text(
        "Name,Email,Joined\n"
        "ZOE ADAMS,zoe@EXAMPLE.org,\n"
        "Chidi Okafor,,05/05/2021\n"
        "Chidi Okafor,chidi@example.org,\n"
        "Siobhan O Briain,other@example.org,2022-02-02\n",
        encoding="utf-8",
    )
    table = read_table(path)
    preview = preview_import(session, coordinator, table, guess_mapping(table.headers))
    assert [r.line for r in preview.duplicates] == [2, 3, 5]
    for row in preview.rows:
        expected = members.find_duplicates(session, coordinator, row.data)
        found = row.duplicate
        assert (found.member_id if found else None) == (expected[0].member_id if expected else None)
        if found:
            assert found.reasons == expected[0].reasons


def column(*good: str) -> st.SearchStrategy[str]:
    """Mostly plausible values (some wrong), sometimes random text in odd characters."""
    return st.one_of(st.sampled_from(["", *good]), st.sampled_from(good), st.text(max_size=20))


COLUMNS = [
    column("Zoë Adams", "Adams, Zoë", "  Chidi Okafor ", "Siobhán Ó Briain", "Łukasz"),
    column("zoe@example.org", "CHIDI@Example.org", "not-an-email", "a@b"),
    column("07700 900123", "7700900123", "+44 113 496 0000", "12345", "=1+2"),
    column("SW1A 1AA", "ls1 4ap", "12345"),
    column("03/04/2021", "3 Apr 2021", "2021-04-03", "31/02/2021", "01/01/2099", "3/4/21"),
    column("Zo", "Jay", "Zoë Adams"),
    column("Likes mornings", "=SUM(A1)", '"quoted; text"', "line\nbreak", "-5"),
]
HEADERS = ["Name", "Email", "Phone", "Postcode", "Date joined", "Known as", "Notes"]


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(st.tuples(*COLUMNS), min_size=1, max_size=12),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
    separator=st.sampled_from([",", ";", "\t"]),
    mode=st.sampled_from(list(ImportMode)),
    include_duplicates=st.booleans(),
)
def test_random_rows_never_crash_and_never_half_import(
    session, coordinator, tmp_path, rows, encoding, separator, mode, include_duplicates
):
    buffer = io.StringIO(newline="")
    csv.writer(buffer, delimiter=separator).writerows([HEADERS, *rows])
    path = tmp_path / "random.csv"
    path.write_bytes(buffer.getvalue().encode(encoding, errors="replace"))
    try:
        table = read_table(path)
        preview = preview_import(
            session, coordinator, table, guess_mapping(table.headers), today=TODAY
        )
    except (ImportFileError, ValidationError) as err:
        assert err.message  # a plain message, never a crash
        return
    chosen, skipped = member_import.import_plan(preview, include_duplicates)
    assert sorted([r.line for r in chosen] + skipped) == [r.line for r in preview.rows]
    before = member_count(session)
    try:
        result = commit_import(
            session,
            coordinator,
            preview,
            mode,
            include_duplicates=include_duplicates,
            today=TODAY,
        )
    except ImportRefused:
        assert member_count(session) == before
        return
    assert result.imported == len(chosen) and member_count(session) == before + len(chosen)
    saved = [members.get_member(session, coordinator, i) for i in result.member_ids]
    assert [m.full_name for m in saved] == [" ".join(r.data.full_name.split()) for r in chosen]


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=30))
def test_dates_either_parse_or_say_why(text):
    try:
        parsed = parse_uk_date(text, TODAY)
    except ValueError as err:
        assert "03/04/2021" in str(err)
    else:
        assert isinstance(parsed, date)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("03/04/2021", date(2021, 4, 3)),
        ("03/04/2021 00:00", date(2021, 4, 3)),
        ("03/04/2021 13:45:10", date(2021, 4, 3)),
        ("3/4/21", date(2021, 4, 3)),
        ("3.4.2021", date(2021, 4, 3)),
        ("2021-04-03", date(2021, 4, 3)),
        ("2021-04-03T00:00:00", date(2021, 4, 3)),
        ("3 Apr 2021", date(2021, 4, 3)),
        ("3rd April 2021", date(2021, 4, 3)),
        ("Sat 3 Apr 2021", date(2021, 4, 3)),
        ("03-Apr-21", date(2021, 4, 3)),
        ("12/11/98", date(1998, 11, 12)),
        ("44289", date(2021, 4, 3)),
    ],
)
def test_uk_dates(text, expected):
    assert parse_uk_date(text, TODAY) == expected


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300))
def test_random_bytes_read_or_refuse_plainly(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("bytes") / "file.csv"
    path.write_bytes(data)
    try:
        table = read_table(path)
    except ImportFileError as err:
        assert err.message
    else:
        assert all(len(r.cells) == len(table.headers) for r in table.rows)


def test_a_read_me_sheet_before_the_list_is_passed_over(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    notes = book.active
    notes.title = "Read me"
    notes.append(["This list is kept by Sam. Please do not sort it."])
    people = book.create_sheet("Members")
    people.append(["Name", "Email"])
    people.append(["Zoë Adams", "zoe@example.org"])
    people.append(["Amina Begum", ""])
    path = tmp_path / "two sheets.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.headers[:2] == ("Name", "Email")
    assert [row.cells[0] for row in table.rows] == ["Zoë Adams", "Amina Begum"]
