"""Panel pack and panel participation summary: read back from real PDFs."""

from __future__ import annotations

from datetime import date

import pytest

from involve_desktop.core.db.engine import session_factory
from involve_desktop.core.errors import PermissionDenied
from involve_desktop.core.services import panels
from involve_desktop.core.services.panels_dto import PanelProcessInput, SeatInput, SeatKind
from involve_desktop.core.sheets.catalogue import SheetData, SheetParams, get_sheet
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetInputError, SheetOptions
from involve_desktop.core.sheets.panel_data import panel_pack_pdf, panel_summary_pdf
from tests.conftest import COORDINATOR_PASSWORD
from tests.core.panels.helpers import TODAY, panel, seat, staff, trained
from tests.sheets.pdfread import all_text, page_lines

FULL = SheetOptions(privacy=PrivacyMode.FULL)
FORBIDDEN = ("service user", "patient", "diagnos")


def row(lines: list[str], *cells: str) -> bool:
    """Whether ``cells`` are read back one after another (table cells come out line by line)."""
    return any(lines[i : i + len(cells)] == list(cells) for i in range(len(lines)))


@pytest.fixture
def held(session, coordinator) -> int:
    """A held panel: Zoë and Łukasz (lived experience), a chair and an outside manager."""
    panel_id = panel(session, coordinator, day=date(2026, 2, 10))
    for name in ("Zoë Adams", "Łukasz Nowak"):
        seat(session, coordinator, panel_id, trained(session, coordinator, name))
    staff(session, coordinator, panel_id, "Helen Marsh", "Service Manager")
    panels.mark_held(session, coordinator, panel_id, today=TODAY)
    process = PanelProcessInput(
        briefing_on=date(2026, 2, 3),
        shortlisting=True,
        scoring=True,
        questions_contributed="What does recovery mean to you?",
        debrief_on=date(2026, 2, 12),
    )
    panels.record_process(session, coordinator, panel_id, process, today=TODAY)
    return panel_id


def test_pack_has_details_people_roles_and_the_checklist(session, coordinator, held) -> None:
    (lines,) = page_lines(panel_pack_pdf(session, coordinator, held, FULL, today=TODAY))
    assert lines[:3] == [
        "Riverside Voices",
        "Panel pack",
        "Peer Support Worker — Community Mental Health Team",
    ]
    text = "\n".join(lines)
    assert "Tue 10 Feb 2026, 10:00–13:00" in text and "Riverside Voices office" in text
    assert "What does recovery mean to you?" in text
    assert "Confidential — contains personal information" in text
    assert row(lines, "Zoë Adams", "Panel member (lived experience)")
    assert row(lines, "Łukasz Nowak", "Panel member (lived experience)")
    assert row(lines, "Helen Marsh", "Staff (Service Manager)")
    assert row(lines, "Panel members briefed", "Tue 3 Feb 2026")
    assert row(lines, "Took part in shortlisting", "Done")
    assert row(lines, "Debrief held", "Thu 12 Feb 2026")
    # not recorded: nothing beside it
    assert row(lines, "Took part in setting the questions", "Scored candidates alongside staff")
    assert not any(word in text.casefold() for word in FORBIDDEN)
    assert "Not yet meeting" not in text


def test_pack_names_follow_privacy_and_a_short_panel_says_what_is_needed(
    session, coordinator
) -> None:
    panel_id = panel(session, coordinator)
    staff(session, coordinator, panel_id, "Helen Marsh")
    panels_seats_chair = SeatInput(SeatKind.STAFF, outside_name="Raj Bhatt", job_title="HR")
    from involve_desktop.core.services import panels_seats

    panels_seats.add_seat(session, coordinator, panel_id, panels_seats_chair)
    text = all_text(panel_pack_pdf(session, coordinator, panel_id, today=TODAY))
    assert "Helen M." in text and "Helen Marsh" not in text
    assert "Not yet meeting the panel policy" in text
    assert "add 1 lived-experience member" in text


def test_summary_counts_people_and_warns_about_concentration(session, coordinator, held) -> None:
    pdf = panel_summary_pdf(session, coordinator, date(2025, 3, 1), date(2026, 2, 28), FULL)
    text = all_text(pdf)
    lines = text.splitlines()
    assert "Sat 1 Mar 2025 to Sat 28 Feb 2026" in text
    assert "1 panel held, 0 planned, 0 cancelled." in text
    assert "Seats taken by staff from outside the members list: 1." in text
    assert "WARNING — the same few people:" in text  # 2 people took every seat
    assert "took 2 of 2 seats (100 %)" in text
    assert row(lines, "Łukasz Nowak", "1", "0", "Tue 10 Feb 2026", "Zoë Adams")
    assert "Helen Marsh" not in text  # outside staff are counted, not named
    assert not any(word in text.casefold() for word in FORBIDDEN)
    with pytest.raises(SheetInputError) as caught:
        panel_summary_pdf(session, coordinator, date(2026, 2, 28), date(2025, 3, 1))
    assert caught.value.field == "end"


def test_both_print_from_the_catalogue(engine, coordinator, held) -> None:
    data = SheetData(session_factory(engine), coordinator)
    pack = get_sheet("panel-pack")
    by_title = pack.render(SheetParams(panel="peer support worker"), FULL, data, today=TODAY)
    assert "Zoë Adams" in all_text(by_title)
    by_number = pack.render(SheetParams(panel=str(held)), FULL, data, today=TODAY)
    assert "Zoë Adams" in all_text(by_number)
    for wrong, words in (("", "Say which panel"), ("999", "no panel number 999"), ("Chef", "Chef")):
        with pytest.raises(SheetInputError, match=words) as caught:
            pack.render(SheetParams(panel=wrong), FULL, data, today=TODAY)
        assert caught.value.field == "panel"
        # The panels there are, by number, so the next try can be right.
        assert f"Panels: {held} Peer Support Worker (" in caught.value.message
    summary = get_sheet("panel-summary").render(
        SheetParams(month="2026-02"), FULL, data, today=TODAY
    )
    assert "Sat 1 Mar 2025 to Sat 28 Feb 2026" in all_text(summary)


def test_facilitators_cannot_print_panel_sheets(engine, session, coordinator, held) -> None:
    from involve_desktop.core.permissions import Role
    from involve_desktop.core.services import accounts

    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    fran = accounts.sign_in(session, "fran", "tuesday group")
    assert not get_sheet("panel-pack").allowed_for(fran)
    assert "Only coordinators" in get_sheet("panel-summary").who_may
    with pytest.raises(PermissionDenied):
        panel_pack_pdf(session, fran, held)


def test_print_headless_from_the_command_line(
    database_url, session, coordinator, held, tmp_path, monkeypatch
) -> None:
    from involve_desktop import cli

    session.close()
    monkeypatch.setenv("INVOLVE_PASSWORD", COORDINATOR_PASSWORD)
    out = tmp_path / "pack.pdf"
    argv = ["--database", database_url, "print", "panel-pack", "--user", "sam"]
    assert cli.main([*argv, "--panel", str(held), "--out", str(out)]) == 0
    assert page_lines(out.read_bytes())[0][:2] == ["Riverside Voices", "Panel pack"]
    out = tmp_path / "summary.pdf"
    # --database also works after the command, where people tend to put it.
    argv = ["print", "panel-summary", "--database", database_url, "--user", "sam"]
    assert cli.main([*argv, "--month", "2026-02", "--out", str(out)]) == 0
    assert "Panel participation summary" in page_lines(out.read_bytes())[0]
