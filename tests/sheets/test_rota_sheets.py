"""The rota sheets: weekly rota, a person's schedule, the gaps list — read back with pypdf."""

from __future__ import annotations

from datetime import date, time
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4, landscape

from involve_desktop.core.db.engine import session_factory
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import rota_assign
from involve_desktop.core.sheets.catalogue import SheetData, SheetParams, get_sheet
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetInputError, SheetOptions
from involve_desktop.core.sheets.rota_data import parse_day, parse_month
from tests.conftest import COORDINATOR_PASSWORD
from tests.core.rota.conftest import facilitator  # noqa: F401 - fixture
from tests.core.rota.helpers import TUE, peer, shift, site
from tests.core.rota.test_same_names import second_zoe
from tests.sheets.pdfread import all_text as pdf_text
from tests.sheets.pdfread import reader

TODAY = date(2026, 3, 2)  # Monday
WED = date(2026, 3, 4)


@pytest.fixture
def rota(session, coordinator) -> dict[str, int]:
    """Ward 4 with a covered shift, an ALONE shift and a No-one shift; a café with one."""
    ward = site(session, coordinator, "Ward 4", address="Riverside Hospital")
    cafe = site(session, coordinator, "Library Café")
    aisha = peer(session, coordinator, "Aisha Khan")
    ben = peer(session, coordinator, "Ben Okafor")
    cara = peer(session, coordinator, "Cara Jones", bank=True)
    covered = shift(session, coordinator, ward, TUE, time(10), time(14))
    alone = shift(session, coordinator, ward, WED, time(10), time(14))
    shift(session, coordinator, ward, WED, time(14), time(18))  # no one
    shift(session, coordinator, cafe, TUE, time(18), time(21))  # no one
    for who in (aisha, ben):
        rota_assign.assign(session, coordinator, covered, who)
    rota_assign.assign(session, coordinator, alone, cara)
    return {"ward": ward, "aisha": aisha, "cara": cara, "covered": covered}


def all_text(pdf: bytes) -> str:
    """The sheet's text with line breaks inside table cells read as spaces (a time broken
    after its dash, "10:00–" / "14:00", read back whole)."""
    return " ".join(pdf_text(pdf).split()).replace("– ", "–")


def render(engine, actor, key: str, privacy=PrivacyMode.FULL, **params) -> bytes:
    return get_sheet(key).render(
        SheetParams(group_name="Riverside Voices", **params),
        SheetOptions(privacy=privacy),
        SheetData(session_factory(engine), actor),
        today=TODAY,
    )


def test_weekly_rota_is_a4_landscape_with_names_times_and_cover_in_words(
    engine, coordinator, rota
) -> None:
    pdf = render(engine, coordinator, "weekly-rota", week="2026-03-04")
    page = reader(pdf).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == tuple(round(v) for v in landscape(A4))
    text = all_text(pdf)
    for words in (
        "Weekly rota",
        "Ward 4",
        "Library Café",
        "Tue 3 Mar",
        "Sun 8 Mar",
        "10:00–14:00",
        "Aisha Khan",
        "Ben Okafor",
        "Cara Jones",
        "ALONE",
        "No one",
        "needs 1 more",
        "Covered",
    ):
        assert words in text, words
    assert "bank" not in text.casefold()  # nothing beyond the rota itself
    assert "Confidential" not in text  # a sheet for the wall carries no such marker


@pytest.mark.parametrize(
    ("privacy", "shown", "hidden"),
    [
        (PrivacyMode.FULL, "Aisha Khan", None),
        (PrivacyMode.FIRST_INITIAL, "Aisha K.", "Khan"),
        (PrivacyMode.INITIALS, "A. K.", "Aisha"),
    ],
)
def test_weekly_rota_names_follow_the_privacy_mode(
    engine, coordinator, rota, privacy, shown, hidden
) -> None:
    text = all_text(render(engine, coordinator, "weekly-rota", privacy, week="2026-03-02"))
    assert shown in text
    if hidden:
        assert hidden not in text


def test_weekly_rota_for_one_site_has_a_row_per_shift_time(engine, coordinator, rota) -> None:
    text = all_text(render(engine, coordinator, "weekly-rota", week="3 Mar 2026", site="ward 4"))
    assert "Weekly rota — Ward 4" in text
    assert "14:00–18:00" in text and "Library Café" not in text


def test_facilitators_can_print_the_rota(engine, facilitator, rota) -> None:  # noqa: F811
    assert "ALONE" in all_text(render(engine, facilitator, "weekly-rota", week="2026-03-03"))


def test_unknown_site_names_the_field(engine, coordinator, rota) -> None:
    with pytest.raises(SheetInputError) as error:
        render(engine, coordinator, "weekly-rota", site="Ward 9")
    assert error.value.field == "site" and "Ward 4" in str(error.value.message)


def test_person_schedule_lists_their_shifts_and_who_else_is_on(engine, coordinator, rota) -> None:
    pdf = render(engine, coordinator, "rota-schedule", person="Aisha Khan", month="2026-03")
    text = all_text(pdf)
    assert "Rota schedule — Aisha Khan" in text and "March 2026" in text
    assert "Tue 3 Mar 2026" in text and "Ward 4" in text and "10:00–14:00" in text
    assert "Ben Okafor" in text and "1 shift this month." in text
    by_number = all_text(
        render(engine, coordinator, "rota-schedule", person=str(rota["cara"]), month="Mar 2026")
    )
    assert "Cara Jones" in by_number and "ALONE" in by_number


def test_gaps_list_has_each_gap_with_its_state_and_how_many_more(engine, coordinator, rota) -> None:
    pdf = render(engine, coordinator, "rota-gaps", PrivacyMode.FIRST_INITIAL, week="2026-03-02")
    text = all_text(pdf)
    assert "3 shifts below the minimum" in text
    assert "ALONE" in text and "No one" in text and "Cara J." in text
    assert "1 more" in text and "2 more" in text
    assert "Aisha" not in text  # covered shifts are not gaps
    assert "Why" in text and "could cover" in text  # the reason for each gap


def test_gaps_list_of_weeks_with_no_shifts_does_not_say_no_gaps(engine, coordinator, rota) -> None:
    later = all_text(render(engine, coordinator, "rota-gaps", week="2026-06-01", weeks=2))
    assert "No gaps" not in later
    assert "No shifts are planned from Mon 1 Jun 2026 to Sun 14 Jun 2026" in later
    running_on = all_text(render(engine, coordinator, "rota-gaps", week="2026-03-02", weeks=8))
    assert (
        "3 shifts below the minimum" in running_on and "No shifts are planned after" in running_on
    )


def test_rota_sheets_need_view_rota_and_print_sheets() -> None:
    for key in ("weekly-rota", "rota-schedule", "rota-gaps"):
        spec = get_sheet(key)
        assert spec.permissions == {Permission.VIEW_ROTA, Permission.PRINT_SHEETS}
        assert spec.prints_names and spec.needs_data


def test_dates_and_months_are_read_in_plain_forms() -> None:
    assert parse_day("week", "Week", "Tue 3 Mar 2026", TODAY) == TUE
    assert parse_day("week", "Week", " ", TODAY) == TODAY
    assert parse_month("March 2026", TODAY) == date(2026, 3, 1)
    with pytest.raises(SheetInputError):
        parse_day("week", "Week", "next week", TODAY)
    with pytest.raises(SheetInputError):
        parse_month("2026-13", TODAY)


def test_cli_prints_the_weekly_rota(
    database_url, session, coordinator, rota, tmp_path: Path, monkeypatch
) -> None:
    from involve_desktop import cli

    session.close()
    monkeypatch.setenv("INVOLVE_PASSWORD", COORDINATOR_PASSWORD)
    out = tmp_path / "rota.pdf"
    argv = ["--database", database_url, "print", "weekly-rota", "--user", "sam"]
    code = cli.main([*argv, "--week", "2026-03-03", "--privacy", "full", "--out", str(out)])
    assert code == 0
    text = all_text(out.read_bytes())
    assert "Riverside Voices" in text and "ALONE" in text and "Aisha Khan" in text


def _cell_font_sizes(pdf: bytes, name: str) -> set[float]:
    """The font sizes at which ``name`` (or a piece of it) is drawn on the first page."""
    sizes: set[float] = set()

    def visit(text, cm, tm, font_dict, size):  # noqa: ANN001
        if name in text:
            sizes.add(round(size * tm[0], 1))

    reader(pdf).pages[0].extract_text(visitor_text=visit)
    return sizes


def test_weekly_rota_text_grows_to_fill_the_page(engine, coordinator, rota) -> None:
    one_site = render(engine, coordinator, "weekly-rota", week="2026-03-04", site="Library Café")
    every_site = render(engine, coordinator, "weekly-rota", week="2026-03-04")
    # Body text is 11 pt; a short week on the wall is set much larger.
    assert min(_cell_font_sizes(one_site, "18:00")) >= 16
    assert min(_cell_font_sizes(every_site, "Covered")) >= 14
    assert len(reader(every_site).pages) == 1


def test_weekly_rota_names_a_bank_holiday_on_paper(engine, coordinator, session) -> None:
    ward = site(session, coordinator, "Ward 4")
    shift(session, coordinator, ward, date(2026, 12, 24), time(10), time(14))
    text = all_text(render(engine, coordinator, "weekly-rota", week="2026-12-24"))
    assert "Fri 25 Dec Bank holiday: Christmas Day" in text
    # Boxing Day falls on a Saturday in 2026: the bank holiday is Monday 28 December.
    assert "Sat 26 Dec Bank holiday" not in text
    assert "Thu 24 Dec Bank holiday" not in text
    shift(session, coordinator, ward, date(2026, 12, 29), time(10), time(14))
    text = all_text(render(engine, coordinator, "weekly-rota", week="2026-12-29"))
    assert "Mon 28 Dec Bank holiday: Boxing Day (observed)" in text


def test_a_full_week_still_prints_every_shift(engine, coordinator, session) -> None:
    sites = [site(session, coordinator, f"Ward {n}") for n in range(1, 13)]
    for ward in sites:
        for day in range(2, 9):
            for start in (8, 14, 20):
                shift(session, coordinator, ward, date(2026, 3, day), time(start), time(start + 3))
    pdf = render(engine, coordinator, "weekly-rota", week="2026-03-04")
    text = all_text(pdf)
    key = text.split("needs together.")[1]  # after the key line, which also says "No one"
    assert "Ward 12" in key and key.count("No one") == 12 * 7 * 3


def test_weekly_rota_tells_apart_two_names_that_would_print_the_same(
    engine, coordinator, session
) -> None:
    ward = site(session, coordinator, "Ward 4")
    evening = shift(session, coordinator, ward, TUE, time(16), time(20))
    wednesday = shift(session, coordinator, ward, WED, time(16), time(20))
    brown = peer(session, coordinator, "Callum Brown")
    rota_assign.assign(session, coordinator, evening, brown)
    rota_assign.assign(session, coordinator, evening, peer(session, coordinator, "Callum Burgess"))
    rota_assign.assign(session, coordinator, wednesday, brown)
    rota_assign.assign(session, coordinator, wednesday, peer(session, coordinator, "Aisha Khan"))
    week = "2026-03-02"
    pdf = render(engine, coordinator, "weekly-rota", PrivacyMode.FIRST_INITIAL, week=week)
    text = all_text(pdf)
    assert text.count("Callum Br.") == 2 and text.count("Callum Bu.") == 1
    assert "Callum B." not in text and "Aisha K." in text
    initials = all_text(render(engine, coordinator, "weekly-rota", PrivacyMode.INITIALS, week=week))
    assert "C. B." in initials and "Callum" not in initials  # other modes as they were


def test_rota_lists_tell_apart_two_on_one_shift(engine, coordinator, session) -> None:
    ward = site(session, coordinator, "Ward 4")
    evening = shift(session, coordinator, ward, TUE, time(16), time(20), min_peers=3)
    for name in ("Callum Brown", "Callum Burgess"):
        rota_assign.assign(session, coordinator, evening, peer(session, coordinator, name))
    gaps = render(engine, coordinator, "rota-gaps", PrivacyMode.FIRST_INITIAL, week="2026-03-02")
    assert "Callum Br., Callum Bu." in all_text(gaps)


def test_two_of_the_very_same_name_are_told_apart_on_every_rota_sheet(
    engine, coordinator, session
) -> None:
    ward = site(session, coordinator, "Ward 4")
    tuesday = shift(session, coordinator, ward, TUE, time(10), time(14), min_peers=3)
    wednesday = shift(session, coordinator, ward, WED, time(10), time(14))
    first = peer(session, coordinator, "Zoë Clarke")  # joined Jan 2024
    second = second_zoe(session, coordinator)  # joined May 2025
    aisha = peer(session, coordinator, "Aisha Khan")
    asked = {"override_limits": True, "override_reason": "Asked"}  # no weekly availability
    rota_assign.assign(session, coordinator, tuesday, first)
    rota_assign.assign(session, coordinator, tuesday, second, **asked)
    rota_assign.assign(session, coordinator, wednesday, second, **asked)
    rota_assign.assign(session, coordinator, wednesday, aisha)
    week = "2026-03-02"
    for privacy, shown in (
        (PrivacyMode.FIRST_INITIAL, "Zoë C."),
        (PrivacyMode.FULL, "Zoë Clarke"),
        (PrivacyMode.INITIALS, "Z. C."),
    ):
        text = all_text(render(engine, coordinator, "weekly-rota", privacy, week=week))
        assert text.count(f"{shown} (joined Jan 2024)") == 1, privacy
        assert text.count(f"{shown} (joined May 2025)") == 2, privacy
    gaps = all_text(render(engine, coordinator, "rota-gaps", PrivacyMode.FIRST_INITIAL, week=week))
    assert "Zoë C. (joined Jan 2024), Zoë C. (joined May 2025)" in gaps
    schedule = all_text(
        render(engine, coordinator, "rota-schedule", month="2026-03", person=str(aisha))
    )
    assert "Zoë Clarke (joined May 2025)" in schedule  # the other Zoë is on the rota that month
    own = all_text(render(engine, coordinator, "rota-schedule", month="2026-03", person=str(first)))
    assert "Rota schedule — Zoë Clarke (joined Jan 2024)" in own  # whose schedule it is
    hers = all_text(
        render(engine, coordinator, "rota-schedule", month="2026-03", person=str(aisha))
    )
    assert "Rota schedule — Aisha Khan\n" in hers or "Rota schedule — Aisha Khan " in hers
    alone = all_text(render(engine, coordinator, "weekly-rota", week="2026-03-09"))
    assert "joined" not in alone  # a week with no clash reads as before
