"""Exporting the filtered members list: columns, restricted fields, refusal, round trip."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select

from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, member_records, members, reference_lists
from involve_desktop.core.services.member_dto import (
    AccessNeeds,
    ConsentHow,
    ContactMethod,
    MemberFilter,
    MemberInput,
    MemberStatus,
    Restricted,
)
from involve_desktop.core.services.member_export import export_members
from involve_desktop.core.services.member_import import (
    ImportMode,
    commit_import,
    guess_mapping,
    preview_import,
    read_table,
)

TODAY = date(2026, 11, 26)
RESTRICTED_HEADINGS = {"Lived experience", "Emergency contact", "Notes"}


@pytest.fixture
def facilitator(session, coordinator):
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    return accounts.sign_in(session, "fran", "tuesday group")


@pytest.fixture
def group(session, coordinator) -> dict[str, int]:
    """Three members: Zoë (full record), Chidi, and Amina who has left."""
    zoe = members.create_member(
        session,
        coordinator,
        MemberInput(
            "Zoë Adams",
            preferred_name="Zo",
            pronouns="she/her",
            email="zoe@example.org",
            phone="+44 7700 900123",
            address="1 High Street\nLeeds",
            postcode="ls1 4ap",
            preferred_contact=ContactMethod.TEXT,
            date_joined=date(2021, 4, 3),
            access=AccessNeeds(large_print=True, step_free=True, other="BSL signer"),
            restricted=Restricted(True, "Mum 07700 900999", "=SUM(A1) likes mornings"),
        ),
        today=TODAY,
    ).id
    peer = reference_lists.role_type_id(session, "peer_supporter")
    member_records.add_role(session, coordinator, zoe, peer, date(2022, 1, 1), today=TODAY)
    safeguarding = reference_lists.training_type_id(session, "safeguarding")
    member_records.record_training(
        session, coordinator, zoe, safeguarding, date(2023, 1, 10), today=TODAY
    )
    member_records.record_consent(
        session,
        coordinator,
        zoe,
        date(2026, 1, 5),
        ConsentHow.WRITTEN,
        keeping_records=True,
        today=TODAY,
    )
    chidi = members.create_member(
        session,
        coordinator,
        MemberInput("Chidi Okafor", date_joined=date(2024, 2, 29)),
        today=TODAY,
    ).id
    amina = members.create_member(
        session, coordinator, MemberInput("Amina Begum", date_joined=date(2020, 1, 1)), today=TODAY
    ).id
    members.change_status(
        session, coordinator, amina, MemberStatus.LEFT, date(2025, 1, 1), today=TODAY
    )
    return {"zoe": zoe, "chidi": chidi, "amina": amina}


def read_csv(path: Path) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: Excel shows Zoë, not ZoÃ«
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines(keepends=True)))


def test_csv_has_the_filtered_list_with_sensible_columns(session, coordinator, group, tmp_path):
    path = tmp_path / "members.csv"
    count = export_members(session, coordinator, MemberFilter(), path, "csv", TODAY)
    rows = read_csv(path)
    assert count == 2 and [r["Full name"] for r in rows] == ["Chidi Okafor", "Zoë Adams"]
    zoe = rows[1]
    assert zoe["Name they go by"] == "Zo Adams" and zoe["Preferred name"] == "Zo"
    assert zoe["Pronouns"] == "she/her"
    assert zoe["Phone"] == "'+44 7700 900123"  # a spreadsheet will not run it as a formula
    assert zoe["Address"] == "1 High Street\nLeeds" and zoe["Postcode"] == "LS1 4AP"
    assert zoe["Preferred contact"] == "Text message" and zoe["Date joined"] == "03/04/2021"
    assert zoe["Status"] == "Active" and zoe["Current roles"] == "Peer supporter"
    assert zoe["Training"] == "Safeguarding: expired 10/01/2026"  # 36 months from completion
    assert zoe["Consent review date"] == "05/01/2027"
    assert zoe["Access needs"] == "Large print, Step-free access, BSL signer"
    assert zoe["Lived experience"] == "Yes" and zoe["Emergency contact"] == "Mum 07700 900999"
    assert zoe["Notes"] == "'=SUM(A1) likes mornings"

    left = tmp_path / "left.csv"
    filt = MemberFilter(statuses=frozenset({MemberStatus.LEFT}))
    assert export_members(session, coordinator, filt, left, "csv", TODAY) == 1
    assert [r["Full name"] for r in read_csv(left)] == ["Amina Begum"]

    search = tmp_path / "search.csv"
    assert export_members(session, coordinator, MemberFilter(search="zoe"), search, "csv") == 1


def test_xlsx_has_real_dates_and_text_never_runs(session, coordinator, group, tmp_path):
    path = tmp_path / "members.xlsx"
    assert export_members(session, coordinator, MemberFilter(), path, "xlsx", TODAY) == 2
    sheet = load_workbook(path).worksheets[0]
    values = list(sheet.iter_rows(values_only=True))
    headings, zoe = values[0], dict(zip(values[0], values[2], strict=True))
    assert set(headings) >= RESTRICTED_HEADINGS
    assert zoe["Full name"] == "Zoë Adams" and zoe["Date joined"].date() == date(2021, 4, 3)
    assert zoe["Notes"] == "=SUM(A1) likes mornings"  # kept as text, not a formula
    assert sheet.cell(3, headings.index("Notes") + 1).data_type == "s"


def test_restricted_columns_only_for_roles_that_may_see_them(
    session, coordinator, facilitator, group, tmp_path, monkeypatch
):
    from involve_desktop.core.permissions import ROLE_PERMISSIONS, Permission

    path = tmp_path / "members.csv"
    with pytest.raises(PermissionDenied):
        export_members(session, facilitator, MemberFilter(), path, "csv", TODAY)
    assert not path.exists()

    # A role allowed to export but not to see restricted fields gets the other columns.
    monkeypatch.setitem(
        ROLE_PERMISSIONS,
        Role.FACILITATOR,
        ROLE_PERMISSIONS[Role.FACILITATOR] | {Permission.EXPORT_PERSONAL_DATA},
    )
    export_members(session, facilitator, MemberFilter(), path, "csv", TODAY)
    rows = read_csv(path)
    assert not RESTRICTED_HEADINGS & set(rows[0])
    assert "Mum" not in path.read_text(encoding="utf-8-sig")


def test_export_is_audited(session, coordinator, group, tmp_path):
    export_members(session, coordinator, MemberFilter(), tmp_path / "m.xlsx", "xlsx", TODAY)
    entry = session.scalars(select(AuditEntry).where(AuditEntry.action == "export")).one()
    assert entry.changes == {
        "count": 2,
        "format": "xlsx",
        "file": "m.xlsx",
        "restricted columns": True,
    }


def test_existing_file_is_replaced_whole(session, coordinator, group, tmp_path):
    folder = tmp_path / "exports"
    folder.mkdir()
    path = folder / "members.csv"
    path.write_text("old contents that are much longer than the export " * 200)
    export_members(session, coordinator, MemberFilter(), path, "csv", TODAY)
    assert "old contents" not in path.read_text(encoding="utf-8-sig")
    assert [p.name for p in folder.iterdir()] == ["members.csv"]  # no temporary left


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_export_then_import_round_trip(session, coordinator, group, tmp_path, fmt):
    path = tmp_path / f"members.{fmt}"
    export_members(session, coordinator, MemberFilter(), path, fmt, TODAY)
    table = read_table(path)
    preview = preview_import(session, coordinator, table, guess_mapping(table.headers))
    assert not preview.problems
    assert len(preview.duplicates) == 2  # everyone is already here: found, not re-added
    result = commit_import(
        session, coordinator, preview, ImportMode.ALL_OR_NOTHING, include_duplicates=True
    )
    again = members.get_member(session, coordinator, result.member_ids[1], today=TODAY)
    original = members.get_member(session, coordinator, group["zoe"], today=TODAY)
    assert again.to_input() == original.to_input()


def test_left_on_and_check_in_by_follow_status(session, coordinator, group, tmp_path):
    """So a re-import keeps the day someone left (the retention review works from it)."""
    members.change_status(
        session,
        coordinator,
        group["chidi"],
        MemberStatus.STEPPING_BACK,
        date(2026, 9, 1),
        check_in_on=date(2026, 10, 1),
        today=TODAY,
    )
    path = tmp_path / "members.csv"
    everyone = MemberFilter(statuses=frozenset(MemberStatus))
    export_members(session, coordinator, everyone, path, "csv", TODAY)
    rows = read_csv(path)
    headings = list(rows[0])
    at = headings.index("Status")
    assert headings[at + 1 : at + 3] == ["Left on", "Check in by"]
    found = {r["Full name"]: (r["Status"], r["Left on"], r["Check in by"]) for r in rows}
    assert found == {
        "Amina Begum": ("Left", "01/01/2025", ""),
        "Chidi Okafor": ("Stepping back", "", "01/10/2026"),
        "Zoë Adams": ("Active", "", ""),
    }
