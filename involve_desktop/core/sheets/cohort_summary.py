"""The cohort summary: how a leadership programme cohort went, on A4.

Figures (places taken, completed, withdrawn, waiting, sessions held), the completion rule,
the facilitators (graduate co-facilitators marked; named in full, as on the certificates),
attendance at each session, each person's place and progress, and the graduates' onward
roles (later cohorts co-facilitated, recruitment panels sat, management council joined).
Other names in the chosen privacy mode; nothing else about anyone. Confidential footer.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from involve_desktop.core.formatting import format_date
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.names import format_name
from involve_desktop.core.sheets.options import SheetOptions, check_text
from involve_desktop.core.sheets.payment_parts import table_heading
from involve_desktop.core.sheets.styles import paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Cohort summary"
SESSION_COLUMNS = ("No.", "Day", "Topic", "Present", "Apologies")
PEOPLE_COLUMNS = ("Name", "Place", "Attended", "Progress")
ONWARD_COLUMNS = ("Graduate", "Went on to")


@dataclass(frozen=True)
class SummarySession:
    """One session's line: number, day, topic (or why it was cancelled) and counts."""

    number: int
    day: date
    topic: str
    present: str
    apologies: str


@dataclass(frozen=True)
class SummaryPerson:
    """One person's line: the name they go by, their place, sessions attended, progress."""

    name: str
    place: str
    attended: str
    progress: str


@dataclass(frozen=True)
class SummaryOnward:
    """A graduate and their onward roles in words ("" when none yet)."""

    name: str
    roles: str


@dataclass(frozen=True)
class CohortSummarySheet:
    """What the summary prints. ``figures`` are (label, value) pairs; ``facilitators`` are
    (name, note) pairs such as ("Aisha Khan", "graduate co-facilitator")."""

    cohort: str
    when: str
    figures: tuple[tuple[str, str], ...]
    rule: str
    facilitators: tuple[tuple[str, str], ...]
    sessions: tuple[SummarySession, ...]
    people: tuple[SummaryPerson, ...]
    onward: tuple[SummaryOnward, ...]
    group_name: str | None = None
    title: str | None = None


def _story(sheet: CohortSummarySheet, options: SheetOptions) -> list[Flowable]:
    styles = sheet_styles(options.large_print)
    width = page_geometry(options, _header(sheet)).content_width
    story: list[Flowable] = [
        paragraph(" · ".join(f"{label}: {value}" for label, value in sheet.figures), styles.body),
        Spacer(1, 1.5 * mm),
        paragraph(f"To complete: {sheet.rule}.", styles.body),
    ]
    if sheet.facilitators:
        # In full whatever the privacy mode: they run the cohort and sign its certificates
        # (initials would turn "Dr Priya Shah" into "Dr S.").
        names = [name + (f" ({note})" if note else "") for name, note in sheet.facilitators]
        story.append(paragraph("Facilitators: " + "; ".join(names), styles.body))
    story += table_heading("Attendance at each session", styles)
    number = styles.number_column_width
    count = 27 * mm if not options.large_print else 38 * mm
    day = 38 * mm if not options.large_print else 52 * mm
    rows = [
        [str(s.number), format_date(s.day), paragraph(s.topic, styles.cell), s.present]
        + [s.apologies]
        for s in sheet.sessions
    ]
    header = [Paragraph(text, styles.cell_bold) for text in SESSION_COLUMNS]
    widths = [number, day, width - number - day - 2 * count, count, count]
    story.append(ruled_table(header, rows, widths, styles, fit_rows=True))
    story += table_heading("People", styles)
    name_w, place_w, came_w = 48 * mm, 34 * mm, 26 * mm
    if options.large_print:
        name_w, place_w, came_w = 58 * mm, 42 * mm, 36 * mm
    rows = [
        [
            paragraph(format_name(p.name, options.privacy), styles.cell),
            paragraph(p.place, styles.cell),
            p.attended,
            paragraph(p.progress, styles.cell),
        ]
        for p in sheet.people
    ]
    header = [Paragraph(text, styles.cell_bold) for text in PEOPLE_COLUMNS]
    widths = [name_w, place_w, came_w, width - name_w - place_w - came_w]
    story.append(ruled_table(header, rows, widths, styles, fit_rows=True))
    story += table_heading("Graduates' onward roles", styles)
    if sheet.onward:
        rows = [
            [
                paragraph(format_name(o.name, options.privacy), styles.cell),
                paragraph(o.roles or "Nothing recorded yet", styles.cell),
            ]
            for o in sheet.onward
        ]
        header = [Paragraph(text, styles.cell_bold) for text in ONWARD_COLUMNS]
        story.append(ruled_table(header, rows, [name_w, width - name_w], styles, fit_rows=True))
    else:
        story.append(paragraph("No one has graduated from this cohort yet.", styles.body))
    return story


def _header(sheet: CohortSummarySheet) -> SheetHeader:
    return SheetHeader(
        title=f"{sheet.title or DEFAULT_TITLE}: {sheet.cohort}",
        group_name=sheet.group_name,
        subtitle=sheet.when,
    )


def render_cohort_summary(
    sheet: CohortSummarySheet,
    options: SheetOptions | None = None,
    *,
    printed_on: date | None = None,
) -> bytes:
    """Render the summary to PDF bytes."""
    options = options or SheetOptions()
    clean = CohortSummarySheet(
        sheet.cohort,
        sheet.when,
        sheet.figures,
        sheet.rule,
        sheet.facilitators,
        sheet.sessions,
        sheet.people,
        sheet.onward,
        check_text("group_name", "Group name", sheet.group_name),
        check_text("title", "Title", sheet.title) or DEFAULT_TITLE,
    )
    return build_pdf(
        _story(clean, options),
        header=_header(clean),
        options=options,
        has_names=True,
        printed_on=printed_on,
    )
