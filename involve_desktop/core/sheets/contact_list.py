"""The contact list: how to reach each member, and nothing more.

Only what a contact list needs: the name someone goes by (in the chosen privacy mode),
pronouns, phone, email, how they prefer to be contacted and, if asked for, access needs
(on a line of their own under the person, so the table keeps readable columns). Never lived
experience, emergency contacts, notes, roles or anything else that could say why someone is
in the group. A phone number or email the person has not agreed to be contacted by (their
newest consent record says no) is printed as "Not agreed", not as the number.

Five columns when they fit the page; when they do not (large print on a portrait page), a
compact three-column layout: name with pronouns, phone above email, preferred contact.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, TableStyle

from involve_desktop.core.sheets.columns import CELL_PADDING, measure_columns
from involve_desktop.core.sheets.fonts import FONT_REGULAR, clean_text, text_width
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.names import PrivacyMode, format_name, name_sort_key
from involve_desktop.core.sheets.options import SheetOptions, check_text
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Contact list"
NOT_AGREED = "Not agreed"
NOT_AGREED_NOTE = '"Not agreed": the person has not agreed to be contacted that way.'
EMPTY_TEXT = "Nobody matches this list, so there is no one to print."
HEADER = ("Name", "Pronouns", "Phone", "Email", "Preferred contact")
COMPACT_HEADER = ("Name", "Phone and email", "Preferred contact")
ACCESS_LABEL = "Access needs:"
ACCESS_INDENT = 6 * mm
NO_WRAP = frozenset({1, 2})  # pronouns and phone numbers stay on one line


@dataclass(frozen=True)
class ContactRow:
    """One person on the list: only contact details, never restricted or revealing fields."""

    name: str
    pronouns: str | None = None
    phone: str | None = None
    email: str | None = None
    preferred_contact: str | None = None
    access_needs: str | None = None
    phone_not_agreed: bool = False
    email_not_agreed: bool = False

    @property
    def phone_text(self) -> str:
        """The phone number as printed ("Not agreed" when consent says no)."""
        return NOT_AGREED if self.phone_not_agreed else self.phone or ""

    @property
    def email_text(self) -> str:
        """The email address as printed ("Not agreed" when consent says no)."""
        return NOT_AGREED if self.email_not_agreed else self.email or ""


@dataclass(frozen=True)
class ContactListSheet:
    """What to print: the rows plus the words at the top of the page."""

    rows: tuple[ContactRow, ...]
    group_name: str | None = None
    title: str | None = None
    subtitle: str | None = None
    show_access_needs: bool = False


def sorted_rows(rows: tuple[ContactRow, ...], mode: PrivacyMode) -> list[tuple[str, ContactRow]]:
    """(printed name, row) alphabetical by the printed name, accents and case ignored."""
    named = [(format_name(row.name, mode), row) for row in rows]
    return sorted(named, key=lambda pair: (name_sort_key(pair[0]), name_sort_key(pair[1].name)))


def _email_markup(email: str, width: float, styles: SheetStyles) -> str:
    """Paragraph markup for an address: one line, or broken after its "@" if too wide."""
    text = clean_text(email)
    local, at, domain = text.partition("@")
    if not at or text_width(text, FONT_REGULAR, styles.body_size) <= width - CELL_PADDING:
        return escape(text)
    return f"{escape(local)}@<br/>{escape(domain)}"


def _wide_row(name: str, row: ContactRow, widths: list[float], styles: SheetStyles) -> list:
    # One-line columns (pronouns, phone) as plain strings: quicker for long lists.
    cells: list = [
        clean_text(text) if index in NO_WRAP else paragraph(text, styles.cell)
        for index, text in enumerate(_wide_texts(name, row))
    ]
    if row.email and not row.email_not_agreed:
        cells[3] = Paragraph(_email_markup(row.email, widths[3], styles), styles.cell)
    return cells


def _wide_texts(name: str, row: ContactRow) -> list[str]:
    return [name, row.pronouns or "", row.phone_text, row.email_text, row.preferred_contact or ""]


def _compact_row(name: str, row: ContactRow, widths: list[float], styles: SheetStyles) -> list:
    """Name with pronouns under it; phone above email, each labelled if not agreed."""
    who = escape(clean_text(name))
    if row.pronouns:
        who += f"<br/>({escape(clean_text(row.pronouns))})"
    lines = []
    if row.phone:
        lines.append("Phone not agreed" if row.phone_not_agreed else escape(clean_text(row.phone)))
    if row.email:
        agreed = not row.email_not_agreed
        lines.append(_email_markup(row.email, widths[1], styles) if agreed else "Email not agreed")
    return [
        Paragraph(who, styles.cell),
        Paragraph("<br/>".join(lines), styles.cell),
        paragraph(row.preferred_contact, styles.cell),
    ]


def _access_row_style(row: int) -> list[tuple]:
    """An access-needs line spans the table under its person and stays on their page."""
    return [
        ("SPAN", (0, row), (-1, row)),
        ("NOSPLIT", (0, row - 1), (-1, row)),
        ("LINEBELOW", (0, row - 1), (-1, row - 1), 0.8, colors.white),
        ("TOPPADDING", (0, row), (-1, row), 0),
        ("LEFTPADDING", (0, row), (-1, row), ACCESS_INDENT),
    ]


def contact_list_story(sheet: ContactListSheet, options: SheetOptions) -> list[Flowable]:
    """The flowables of the sheet: one ruled table, or a line saying nobody matched."""
    styles = sheet_styles(options.large_print)
    if not sheet.rows:
        return [Spacer(1, 4 * mm), paragraph(EMPTY_TEXT, styles.body)]
    named = sorted_rows(sheet.rows, options.privacy)
    width = page_geometry(options, _header(sheet)).content_width
    texts = [_wide_texts(name, row) for name, row in named]
    fit = measure_columns(HEADER, list(zip(*texts, strict=True)), styles, nowrap=NO_WRAP)
    header, make_row = HEADER, _wide_row
    if not fit.fits(width):
        header, make_row = COMPACT_HEADER, _compact_row
        columns = [
            [f"{name} ({row.pronouns})" if row.pronouns else name for name, row in named],
            [t for _, row in named for t in (row.phone_text, row.email_text)],
            [row.preferred_contact for _, row in named],
        ]
        fit = measure_columns(header, columns, styles)
    widths = fit.widths(width)
    rows: list[list] = []
    access_rows: list[int] = []
    for name, person in named:
        rows.append(make_row(name, person, widths, styles))
        if sheet.show_access_needs and person.access_needs:
            needs = f"<b>{ACCESS_LABEL}</b> {escape(clean_text(person.access_needs))}"
            rows.append([Paragraph(needs, styles.cell)] + [""] * (len(header) - 1))
            access_rows.append(len(rows))  # its index in the table, below the heading row
    heading = [paragraph(text, styles.cell_bold) for text in header]
    table = ruled_table(heading, rows, widths, styles, fit_rows=True)
    table.setStyle(TableStyle([cmd for r in access_rows for cmd in _access_row_style(r)]))
    if any(row.phone_not_agreed or row.email_not_agreed for _, row in named):
        return [paragraph(NOT_AGREED_NOTE, styles.body), Spacer(1, 2 * mm), table]
    return [table]


def _header(sheet: ContactListSheet) -> SheetHeader:
    return SheetHeader(
        title=sheet.title or DEFAULT_TITLE, group_name=sheet.group_name, subtitle=sheet.subtitle
    )


def render_contact_list(
    sheet: ContactListSheet, options: SheetOptions | None = None, *, printed_on: date | None = None
) -> bytes:
    """Render the contact list to PDF bytes (raises ``SheetInputError`` on a too-long title)."""
    options = options or SheetOptions()
    sheet = ContactListSheet(
        rows=sheet.rows,
        group_name=check_text("group_name", "Group name", sheet.group_name),
        title=check_text("title", "Title", sheet.title) or DEFAULT_TITLE,
        subtitle=sheet.subtitle,
        show_access_needs=sheet.show_access_needs,
    )
    return build_pdf(
        contact_list_story(sheet, options),
        header=_header(sheet),
        options=options,
        has_names=True,
        printed_on=printed_on,
    )
