"""Chinese, Japanese and Korean names print as themselves, not as empty boxes.

DejaVu Sans has no CJK characters; the sheets' fonts hand them to the embedded Droid Sans
Fallback (``core/sheets/fonts.py``). Each test reads the PDF back: the name is in the text,
and the pieces of text that hold it are drawn in the fallback font while Latin text stays
in DejaVu Sans, both embedded.
"""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf.generic import DictionaryObject

from involve_desktop.core.sheets.catalogue import SheetParams, get_sheet
from involve_desktop.core.sheets.certificate import Certificate, Signatory, render_certificates
from involve_desktop.core.sheets.fonts import (
    FONT_BOLD,
    FONT_FALLBACK,
    FONT_REGULAR,
    fit_text,
    register_fonts,
    text_width,
)
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.styles import cell_text, paragraph, sheet_styles
from tests.sheets.member_helpers import TODAY, add_member, sheet_data
from tests.sheets.pdfread import all_text, fonts, is_embedded, reader

CHINESE, JAPANESE, KOREAN = "陈伟", "佐藤 花子", "김민준"
NAMES = (CHINESE, JAPANESE, KOREAN)
CJK = set("".join(NAMES).replace(" ", ""))


def drawn_in(pdf: bytes) -> dict[str, set[str]]:
    """Each character on any page mapped to the fonts (base names, subset tag cut off) that
    draw it."""
    found: dict[str, set[str]] = {}

    def visit(text: str, _cm: object, _tm: object, font: DictionaryObject | None, _size: float):
        if font is None:
            return
        name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
        for ch in text:
            found.setdefault(ch, set()).add(name)

    for page in reader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return found


def assert_cjk_in_fallback(pdf: bytes, *names: str) -> None:
    """Every name is in the text, its CJK characters drawn only in the embedded fallback,
    Latin letters in DejaVu Sans."""
    text = all_text(pdf)
    for name in names:
        assert name in text, name
    used = drawn_in(pdf)
    for ch in set("".join(names)) & CJK:
        assert used.get(ch) == {FONT_FALLBACK}, (ch, used.get(ch))
    assert used["e"] <= {FONT_REGULAR, FONT_BOLD}
    embedded = {str(f["/BaseFont"]).split("+")[-1]: is_embedded(f) for f in fonts(pdf)}
    assert embedded.get(FONT_FALLBACK) is True
    assert embedded.get(FONT_REGULAR) is True


def test_widths_count_the_fallback_characters() -> None:
    register_fonts()
    # CJK ideographs and Hangul are one em wide in Droid Sans Fallback (DejaVu would give
    # its "missing glyph" width, far narrower).
    assert text_width(CHINESE, FONT_REGULAR, 10) == pytest.approx(20)
    assert text_width(KOREAN, FONT_BOLD, 10) == pytest.approx(30)
    assert text_width(f"Mo {CHINESE}", FONT_REGULAR, 10) == pytest.approx(
        text_width("Mo ", FONT_REGULAR, 10) + 20
    )
    fitted, size = fit_text("佐藤花子" * 10, FONT_BOLD, 12, 8, 100)
    assert fitted.endswith("…") and text_width(fitted, FONT_BOLD, size) <= 100
    # A table cell that is too narrow for a CJK name gets a wrapping Paragraph.
    styles = sheet_styles(False)
    assert isinstance(cell_text(CHINESE, styles.cell, 200), str)
    assert not isinstance(cell_text(CHINESE * 12, styles.cell, 60), str)


def test_paragraph_bold_and_plain_runs() -> None:
    from reportlab.platypus import SimpleDocTemplate

    styles = sheet_styles(False)
    out = io.BytesIO()
    story = [
        paragraph(f"Name: {JAPANESE} & {KOREAN} <x>", styles.body),
        paragraph(f"Heading for {CHINESE}", styles.heading),
    ]
    SimpleDocTemplate(out).build(story)
    pdf = out.getvalue()
    assert_cjk_in_fallback(pdf, JAPANESE, KOREAN, CHINESE)
    assert f"Name: {JAPANESE} & {KOREAN} <x>" in all_text(pdf)
    assert drawn_in(pdf)["H"] == {FONT_BOLD}


@pytest.fixture
def cjk_members(session, coordinator) -> dict[str, int]:
    return {
        name: add_member(session, coordinator, name, phone="07700 900123", email=f"{n}@example.org")
        for n, name in enumerate(NAMES)
    }


def test_contact_list_prints_cjk_names_and_a_cjk_group_name(
    engine, session, coordinator, cjk_members
):
    add_member(session, coordinator, "Zoë Adams")
    pdf = get_sheet("contact-list").render(
        SheetParams(group_name="河畔之声 Riverside Voices"),
        SheetOptions(privacy=PrivacyMode.FULL),
        sheet_data(engine, coordinator),
        today=TODAY,
    )
    assert_cjk_in_fallback(pdf, *NAMES, "河畔之声")  # the group name: the canvas header
    assert "Zoë Adams" in all_text(pdf)


def test_pdf_stays_small_with_a_cjk_name(engine, session, coordinator) -> None:
    """Only the glyphs used are embedded: one CJK name adds kilobytes, not the 3.4 MB file."""
    add_member(session, coordinator, "Mo Brown")

    def render() -> bytes:
        return get_sheet("contact-list").render(
            SheetParams(group_name="Riverside Voices"),
            SheetOptions(privacy=PrivacyMode.FULL),
            sheet_data(engine, coordinator),
            today=TODAY,
        )

    latin_only = render()
    session.close()  # printing wrote its audit row in another session
    add_member(session, coordinator, CHINESE)
    with_cjk = render()
    assert CHINESE in all_text(with_cjk)
    assert len(with_cjk) - len(latin_only) < 30_000


def test_meeting_sign_in_sheet(session, coordinator) -> None:
    from involve_desktop.core.services import meetings_groups, meetings_meetings
    from involve_desktop.core.services.meetings_generate import generate_meetings
    from involve_desktop.core.sheets.meeting_data import meeting_sign_in_pdf
    from tests.core.meetings.helpers import TODAY as MEETINGS_TODAY
    from tests.core.meetings.helpers import group, person

    g = group(session, coordinator, open_membership=False)
    ids = [person(session, coordinator, name) for name in (*NAMES, "Aisha Khan")]
    meetings_groups.set_group_members(session, coordinator, g, ids, today=MEETINGS_TODAY)
    generate_meetings(
        session, coordinator, MEETINGS_TODAY, date(2026, 3, 29), group_id=g, today=MEETINGS_TODAY
    )
    first = meetings_meetings.list_meetings(session, coordinator, g)[0]
    for large in (False, True):
        pdf = meeting_sign_in_pdf(
            session,
            coordinator,
            [first.id],
            SheetOptions(privacy=PrivacyMode.FULL, large_print=large),
            today=MEETINGS_TODAY,
        )
        assert_cjk_in_fallback(pdf, *NAMES)
        assert "Aisha Khan" in all_text(pdf)


def test_subject_access_pdf_name_heading_and_audit_lines(session, coordinator, tmp_path):
    from involve_desktop.core.services import gdpr_access, members
    from involve_desktop.core.services.member_dto import MemberInput, Restricted

    member_id = add_member(session, coordinator, "Chen Wei")
    members.update_member(
        session,
        coordinator,
        member_id,
        MemberInput(
            full_name=CHINESE,
            date_joined=date(2024, 5, 1),
            restricted=Restricted(notes=f"{KOREAN}의 친구"),
        ),
        today=TODAY,
    )
    result = gdpr_access.export_subject_access(
        session, coordinator, member_id, tmp_path, today=TODAY
    )
    pdf = result.pdf_path.read_bytes()
    assert_cjk_in_fallback(pdf, CHINESE, f"{KOREAN}의 친구")
    text = all_text(pdf)
    assert "Chen Wei" in text  # the audit line of the change of name, before and after


def test_certificate_draws_cjk_names_on_the_canvas() -> None:
    cert = Certificate(
        name=JAPANESE,
        programme="Peer support training",
        cohort="Spring 2026",
        completed_on=date(2026, 5, 1),
        signatories=(Signatory(KOREAN, "Coordinator"),),
        group_name="Riverside Voices",
    )
    pdf = render_certificates([cert])
    assert_cjk_in_fallback(pdf, JAPANESE, KOREAN)


def test_the_fallback_font_travels_with_its_licence() -> None:
    """``resources/`` goes whole into the wheel and the frozen app, so the font and its
    Apache-2.0 licence are there wherever DejaVu is."""
    from involve_desktop.paths import resource

    assert resource("fonts", "DroidSansFallback.ttf").stat().st_size > 3_000_000
    licence = resource("fonts", "LICENSE-DroidSansFallback.txt").read_text(encoding="utf-8")
    assert "Apache License" in licence and "Google" in licence
