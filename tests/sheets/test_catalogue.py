"""The catalogue of printable sheets that the Sheets screen and the CLI share."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.sheets.catalogue import (
    SheetField,
    SheetNeedsDataError,
    SheetParams,
    UnknownSheetError,
    all_sheets,
    get_sheet,
    register,
    suggested_file_name,
)
from involve_desktop.core.sheets.options import SheetOptions
from tests.sheets.pdfread import page_lines


def test_blank_sign_in_is_listed_with_words_for_people() -> None:
    spec = get_sheet("blank-sign-in")
    assert spec in all_sheets()
    assert spec.title == "Sign-in sheet"
    assert "sign" in spec.description
    assert SheetField.ROWS in spec.fields and spec.default_rows == 20
    assert not spec.offers_privacy  # it prints no names


def test_rendering_through_the_catalogue_uses_the_inputs() -> None:
    spec = get_sheet("blank-sign-in")
    pdf = spec.render(SheetParams(group_name="Riverside", rows=5, venue="Library"), SheetOptions())
    (lines,) = page_lines(pdf)
    assert lines[0] == "Riverside"
    assert "Library" in lines
    assert [line for line in lines if line.isdigit()] == ["1", "2", "3", "4", "5"]


def test_unknown_sheet_names_the_ones_that_exist() -> None:
    with pytest.raises(UnknownSheetError) as caught:
        get_sheet("sign-in")
    assert "blank-sign-in" in str(caught.value)


def test_a_key_cannot_be_registered_twice() -> None:
    with pytest.raises(ValueError, match="already registered"):
        register(get_sheet("blank-sign-in"))


def test_suggested_file_name_comes_from_the_title_and_date() -> None:
    spec = get_sheet("blank-sign-in")
    day = date(2026, 3, 3)
    assert suggested_file_name(spec, SheetParams(), day) == "sign-in-sheet-2026-03-03.pdf"
    custom = SheetParams(title="Zoë's drop-in / Tuesday")
    assert suggested_file_name(spec, custom, day) == "zoes-drop-in-tuesday-2026-03-03.pdf"
    assert (
        suggested_file_name(spec, SheetParams(title="???"), day) == "blank-sign-in-2026-03-03.pdf"
    )


def test_member_sheets_are_listed_after_the_blank_one() -> None:
    keys = [spec.key for spec in all_sheets()]
    assert keys == [
        "blank-sign-in",
        "contact-list",
        "training-due",
        "members-summary",
        "weekly-rota",
        "rota-schedule",
        "rota-gaps",
        "meeting-sign-in",
        "panel-pack",
        "panel-summary",
        "certificate",
        "cohort-summary",
        "cohort-register",
        "payment-statement",
        "finance-batch",
        "expense-claim-form",
        "spectrum",
        "activity-record",
        "you-said-we-did",
        "annual-report",
    ]
    assert not get_sheet("blank-sign-in").needs_data
    for key in keys[1:]:
        assert get_sheet(key).needs_data
    assert get_sheet("contact-list").offers_privacy
    assert not get_sheet("members-summary").offers_privacy  # counts only


def test_a_member_sheet_without_data_says_what_it_needs() -> None:
    with pytest.raises(SheetNeedsDataError, match="member records"):
        get_sheet("training-due").render(SheetParams(), SheetOptions())


def test_who_may_print_what(coordinator) -> None:
    from involve_desktop.core.permissions import Role
    from involve_desktop.core.services.dto import Actor

    fran = Actor(99, "fran", "Fran", Role.FACILITATOR)
    assert all(spec.allowed_for(coordinator) for spec in all_sheets())
    allowed = [spec.key for spec in all_sheets() if spec.allowed_for(fran)]
    assert allowed == [
        "blank-sign-in",
        "members-summary",
        "weekly-rota",
        "rota-schedule",
        "rota-gaps",
        "meeting-sign-in",
        "certificate",  # for the cohorts their account is linked to (the loader checks)
        "cohort-summary",
        "cohort-register",
    ]
    assert "Only coordinators" in get_sheet("contact-list").who_may
