"""The panel pack: one recruitment panel's details, who sits on it and in what role, and
the preparation and debrief checklist with boxes to tick.

Names are the ones people go by, in the chosen privacy mode. Each person's part on the
panel is printed ("Chair — Staff (Service Manager)", "Panel member (lived experience)"):
the pack goes to the panel itself, and sitting as a lived-experience member is the role
they were asked to take. Nothing else about anyone is printed — no diagnosis, no
"service user" or "patient". Steps already recorded print their date or "Done" beside an
empty box, so the pack also works as the record to tick on the day. Confidential footer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from involve_desktop.core.sheets.fonts import FONT_BOLD, text_width
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.meeting_sign_in import TICK_COLUMN, TickBox
from involve_desktop.core.sheets.names import format_name
from involve_desktop.core.sheets.options import SheetOptions, check_text
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Panel pack"
PEOPLE_COLUMNS = ("Name", "Role on the panel")
CHECK_COLUMNS = ("Step", "Done", "Date or notes")
NO_ONE = "No one is on this panel yet."


@dataclass(frozen=True)
class PackPerson:
    """Someone on the panel: the name they go by and their part on it."""

    name: str
    role: str


@dataclass(frozen=True)
class PackStep:
    """A step of preparation or debrief, and what is recorded ("" when nothing yet)."""

    step: str
    recorded: str = ""


@dataclass(frozen=True)
class PanelPackSheet:
    """What the pack prints. ``details`` are (label, value) lines; empty values are left
    out. ``group_name`` is the organisation's name at the top of the page."""

    post: str
    details: tuple[tuple[str, str], ...]
    people: tuple[PackPerson, ...]
    steps: tuple[PackStep, ...]
    questions: str | None = None
    policy: str | None = None
    group_name: str | None = None
    title: str | None = None


def _details(sheet: PanelPackSheet, styles: SheetStyles, width: float) -> Table:
    size = styles.body_size
    rows = [(label, value) for label, value in sheet.details if value]
    label_width = max(text_width(f"{label}:", FONT_BOLD, size) for label, _ in rows) + 3 * mm
    data = [[f"{label}:", paragraph(value, styles.cell)] for label, value in rows]
    table = Table(data, colWidths=[label_width, width - label_width])
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (0, -1), FONT_BOLD, size),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5 * mm),
            ]
        )
    )
    return table


def _people(sheet: PanelPackSheet, options: SheetOptions, width: float) -> Flowable:
    styles = sheet_styles(options.large_print)
    if not sheet.people:
        return paragraph(NO_ONE, styles.body)
    name = width * 0.42
    rows = [
        [
            paragraph(format_name(p.name, options.privacy), styles.cell),
            paragraph(p.role, styles.cell),
        ]
        for p in sheet.people
    ]
    return ruled_table(PEOPLE_COLUMNS, rows, [name, width - name], styles, fit_rows=True)


def _checklist(sheet: PanelPackSheet, options: SheetOptions, width: float) -> Flowable:
    styles = sheet_styles(options.large_print)
    tick = TICK_COLUMN[options.large_print]
    step = width * 0.45
    rows = [
        [
            paragraph(s.step, styles.cell),
            TickBox(styles.body_size * 1.1),
            paragraph(s.recorded, styles.cell),
        ]
        for s in sheet.steps
    ]
    table = ruled_table(CHECK_COLUMNS, rows, [step, tick, width - step - tick], styles)
    table.setStyle(TableStyle([("ALIGN", (1, 0), (1, -1), "CENTER")]))
    return table


def panel_pack_story(sheet: PanelPackSheet, options: SheetOptions) -> list[Flowable]:
    """Details, the people, the checklist and the questions panel members contributed."""
    styles = sheet_styles(options.large_print)
    width = page_geometry(options, _header(sheet)).content_width
    story: list[Flowable] = [_details(sheet, styles, width)]
    if sheet.policy:
        story += [Spacer(1, 1 * mm), paragraph(sheet.policy, styles.body)]
    story += [
        Paragraph("Who is on the panel", styles.heading),
        _people(sheet, options, width),
        Paragraph("Preparation and debrief", styles.heading),
        _checklist(sheet, options, width),
    ]
    if sheet.questions:
        story.append(
            KeepTogether(
                [
                    Paragraph("Questions panel members contributed", styles.heading),
                    paragraph(sheet.questions, styles.body),
                ]
            )
        )
    return story


def _header(sheet: PanelPackSheet) -> SheetHeader:
    return SheetHeader(
        title=sheet.title or DEFAULT_TITLE, group_name=sheet.group_name, subtitle=sheet.post
    )


def render_panel_pack(
    sheet: PanelPackSheet, options: SheetOptions | None = None, *, printed_on: date | None = None
) -> bytes:
    """Render the panel pack to PDF bytes (``SheetInputError`` on a too-long title)."""
    options = options or SheetOptions()
    sheet = PanelPackSheet(
        sheet.post,
        sheet.details,
        sheet.people,
        sheet.steps,
        sheet.questions,
        sheet.policy,
        check_text("group_name", "Group name", sheet.group_name),
        check_text("title", "Title", sheet.title) or DEFAULT_TITLE,
    )
    story = panel_pack_story(sheet, options)
    return build_pdf(
        story, header=_header(sheet), options=options, has_names=True, printed_on=printed_on
    )
