"""The annual involvement report for trustees and commissioners (issue 9, point 5).

A cover with the year at a glance, the coordinator's own words, then one section per area
(membership, rota, meetings, panels, cohorts, payments), how evenly involvement was spread
with charts and plain readings, the 4PI activities when recorded, and how each figure is
counted. Counts and sums only: no names of members, staff or accounts anywhere, so there is
no Confidential footer. Charts are drawn for black-and-white printers (``report_charts``).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer, TableStyle

from involve_desktop.core.formatting import format_pence
from involve_desktop.core.services.involvement_report import SECTIONS
from involve_desktop.core.services.involvement_report_figures import PaymentFigures, ReportFigures
from involve_desktop.core.services.involvement_spread import InvolvementKind
from involve_desktop.core.sheets.layout import SheetHeader, build_pdf, page_geometry
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.report_charts import Series, bar_chart
from involve_desktop.core.sheets.report_spectrum import spectrum_story
from involve_desktop.core.sheets.report_spread import spread_story
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table, sheet_styles

DEFAULT_TITLE = "Annual involvement report"
NOT_WRITTEN = "(Not written yet — the coordinator writes this on the Annual report tab.)"
# One person on one shift: 3 peers on 1 shift are 3 shifts worked (and 1 shift held).
SHIFTS_WORKED = "Shifts worked by peer supporters (one person on one shift)"
NO_SHIFTS = "No peer support shifts were held in this year, so there is no rota chart."
NO_YOU_SAID = "No “you said, we did” entries were recorded in this year."


@dataclass(frozen=True)
class AnnualReportSheet:
    """The figures to print and the organisation's name for the cover."""

    figures: ReportFigures
    group_name: str | None = None
    title: str | None = None


def _share(part: int, whole: int) -> str:
    return "–" if not whole else f"{round(100 * part / whole)} %"


def figure_table(
    rows: list[tuple[str, str]], styles: SheetStyles, width: float, header: str = "Figure"
) -> Flowable:
    """A two-column table of labelled figures, numbers right-aligned."""
    body = [[paragraph(label, styles.cell), value] for label, value in rows]
    table = ruled_table(
        [header, "This year"], body, [width * 0.72, width * 0.28], styles, fit_rows=True
    )
    table.setStyle(TableStyle([("ALIGN", (1, 0), (1, -1), "RIGHT")]))
    return table


def _owed_rows(pay: PaymentFigures) -> list[tuple[str, str]]:
    """Approved but not paid yet: said apart from what is paid (nothing when none)."""
    if not pay.owed_total:
        return []
    return [
        ("Members with payments approved, still to pay", f"{pay.people_owed:,}"),
        (f"Payments approved, still to pay ({pay.owed_lines:,})", format_pence(pay.owed_pence)),
        (
            f"Expenses approved, still to repay ({pay.owed_claims:,} claims)",
            format_pence(pay.owed_expenses_pence),
        ),
        ("Total approved, still to pay", format_pence(pay.owed_total)),
    ]


def _members_row(f: ReportFigures) -> tuple[str, str]:
    """Members active now — or, in a year that is over, members at the year's end (today's
    count does not belong to a past year's "This year" column)."""
    if f.year_is_over:
        return (f"Members at the year's end ({f.year.end:%-d %B %Y})", f"{f.membership.at_end:,}")
    return ("Members active now", f"{f.membership.active:,}")


def _membership_rows(f: ReportFigures) -> list[tuple[str, str]]:
    m = f.membership
    now = (
        [_members_row(f)]
        if f.year_is_over
        else [
            ("Members active now", f"{m.active:,}"),
            ("Members stepping back now", f"{m.stepping_back:,}"),
        ]
    )
    return [
        *now,
        ("Joined during the year", f"{m.joined:,}"),
        ("Left during the year", f"{m.left:,}"),
    ]


def _cover(sheet: AnnualReportSheet, styles: SheetStyles, width: float) -> list[Flowable]:
    f = sheet.figures
    whole = {row.kind: row for row in f.spread.whole}
    everyone = whole.get(InvolvementKind.ALL)
    people = everyone.figures.people if everyone else 0
    glance = [
        ("Different people involved (any kind of involvement)", f"{people:,}"),
        ("…of whom taking part for the first time", f"{everyone.newcomers if everyone else 0:,}"),
        _members_row(f),
        ("Peer support shifts held", f"{f.rota.shifts:,}"),
        (SHIFTS_WORKED, f"{f.rota.shifts_worked:,}"),
        ("Group meetings held", f"{f.meetings.held:,}"),
        ("Recruitment panels held", f"{f.panels.held:,}"),
        ("Leadership programme graduates", f"{f.cohorts.graduated:,}"),
        ("Paid to members for their involvement", format_pence(f.payments.pay_pence)),
    ]
    if f.payments.owed_pence:
        glance.append(("…approved, still to pay", format_pence(f.payments.owed_pence)))
    intro = (
        f"This report covers {f.year.label.replace(' to ', ' to the end of ')} "
        f"({f.year.start:%-d %B %Y} to {f.year.end:%-d %B %Y}). It gives counts only: no one is "
        "named in it. The figures are counted from the records kept in Involve Desktop on the "
        "day it was printed."
    )
    if f.counted_to < f.year.end:
        intro += (
            f" The year is not over yet: every figure is counted up to "
            f"{f.counted_to:%-d %B %Y}; shifts, meetings, panels and sessions still to come "
            "are not counted."
        )
    big = styles.heading.clone(
        "Cover", fontSize=styles.title_size + 6, leading=(styles.title_size + 6) * 1.25
    )
    story: list[Flowable] = [
        Spacer(1, 18 * mm),
        Paragraph(sheet.title or DEFAULT_TITLE, big),
        paragraph(sheet.group_name or "", styles.heading),
        paragraph(f.year.label, styles.heading),
        Spacer(1, 6 * mm),
        paragraph(intro, styles.body),
        Paragraph("The year at a glance", styles.heading),
        figure_table(glance, styles, width),
    ]
    if everyone is not None:
        story += [Spacer(1, 4 * mm), paragraph(everyone.reading, styles.body_bold)]
    return [*story, PageBreak()]


def _narrative(f: ReportFigures, styles: SheetStyles) -> list[Flowable]:
    story: list[Flowable] = [Paragraph("In our own words", styles.heading)]
    grey = styles.body.clone("NotWritten", textColor=colors.Color(0.35, 0.35, 0.35))
    for name, title, _hint in SECTIONS:
        text = getattr(f.narrative, name)
        story.append(Paragraph(title, styles.body_bold))
        paragraphs = [p for p in text.split("\n\n") if p.strip()] if text else []
        for index, text_part in enumerate(paragraphs):
            if index:
                story.append(Spacer(1, 2 * mm))  # a gap between the coordinator's paragraphs
            story.append(paragraph(text_part, styles.body))
        if not paragraphs:
            story.append(paragraph(NOT_WRITTEN, grey))
        story.append(Spacer(1, 3 * mm))
    return story


def _areas(f: ReportFigures, styles: SheetStyles, width: float) -> list[Flowable]:
    r, mt, p, c, pay = f.rota, f.meetings, f.panels, f.cohorts, f.payments
    sections: list[tuple[str, list[tuple[str, str]]]] = [
        ("Membership", _membership_rows(f)),
        (
            "Peer support rota",
            [
                ("Shifts held", f"{r.shifts:,}"),
                (
                    "Covered: enough peers on together",
                    f"{r.covered:,} ({_share(r.covered, r.shifts)})",
                ),
                ("Gaps: fewer peers than needed", f"{r.gaps:,} ({_share(r.gaps, r.shifts)})"),
                (SHIFTS_WORKED, f"{r.shifts_worked:,}"),
            ],
        ),
        (
            "Group meetings",
            [
                ("Meetings held", f"{mt.held:,}"),
                ("Meetings cancelled", f"{mt.cancelled:,}"),
                ("Attendances (one person at one meeting)", f"{mt.attendances:,}"),
                ("Different people who came", f"{mt.people:,}"),
            ],
        ),
        (
            "Recruitment panels",
            [
                ("Panels held", f"{p.held:,}"),
                (
                    "Panels that met the lived-experience policy",
                    f"{p.met_policy:,} ({_share(p.met_policy, p.held)})",
                ),
                ("Lived-experience seats taken", f"{p.lived_seats:,}"),
                ("Different members who sat", f"{p.people:,}"),
            ],
        ),
        (
            "Leadership programme",
            [
                ("Cohorts started", f"{c.started:,}"),
                ("Places taken on them", f"{c.places:,}"),
                ("Graduated during the year", f"{c.graduated:,}"),
                ("Withdrew during the year", f"{c.withdrawn:,}"),
            ],
        ),
        (
            "Payments for involvement",
            [
                ("Members paid", f"{pay.people_paid:,}"),
                (f"Payments made ({pay.pay_lines:,})", format_pence(pay.pay_pence)),
                (
                    f"Expenses repaid ({pay.expense_claims:,} claims)",
                    format_pence(pay.expenses_pence),
                ),
                ("Total paid", format_pence(pay.paid_total)),
                *_owed_rows(pay),
            ],
        ),
    ]
    story: list[Flowable] = [PageBreak(), Paragraph("What happened this year", styles.heading)]
    for title, rows in sections:
        story += [
            CondPageBreak(45 * mm),
            Paragraph(title, styles.body_bold),
            figure_table(rows, styles, width),
            Spacer(1, 3 * mm),
        ]
    if not r.shifts:
        story.append(paragraph(NO_SHIFTS, styles.body))
        return story
    story.append(CondPageBreak(75 * mm))
    story.append(
        bar_chart(
            width,
            70 * mm,
            title="Rota shifts: covered and gaps",
            categories=["Covered", "Gaps"],
            series=[Series("Shifts", (r.covered, r.gaps))],
            y_title="Shifts",
            x_title="Whether enough peers were on together",
            size=styles.small_size,
        )
    )
    return story


def _lived(share: int | None) -> str:
    return "–" if share is None else f"{share} %"


def _activities(f: ReportFigures, styles: SheetStyles, width: float) -> list[Flowable]:
    a = f.activities
    if a is None:
        return []
    rows = [(kind.label, f"{n:,}") for kind, n in a.by_kind]
    rows += [
        ("People present, added over all activities", f"{a.people_present:,}"),
        (
            "…with lived experience",
            f"{a.lived_experience_present:,} ({_lived(a.lived_share)})",
        ),
        ("Activities with their impact recorded", f"{a.impact_recorded:,} of {a.activities:,}"),
        ("…where something changed", f"{a.changed:,}"),
        ("Activities where feedback went back to those involved", f"{a.feedback_given:,}"),
    ]
    said = [(status.label, n) for status, n in a.you_said_by_status]
    story: list[Flowable] = [
        PageBreak(),
        Paragraph("Involvement activities (4PI)", styles.heading),
        paragraph(
            f"{a.activities:,} involvement activities were recorded: consultations, workshops, "
            "decisions and service changes members took part in.",
            styles.body,
        ),
        figure_table(rows, styles, width, header="Activity"),
    ]
    if a.missing_groups:
        missing = "; ".join(f"{group} ({n})" for group, n in a.missing_groups)
        story.append(paragraph(f"Groups most often noted as missing: {missing}.", styles.body))
    if not any(n for _l, n in said):
        story.append(paragraph(NO_YOU_SAID, styles.body))
        return story
    story += [
        Spacer(1, 4 * mm),
        CondPageBreak(70 * mm),
        bar_chart(
            width,
            65 * mm,
            title="You said, we did: where the changes members asked for stand",
            categories=[label for label, _n in said],
            series=[Series("Entries", tuple(n for _l, n in said))],
            y_title="Entries",
            x_title="Status",
            size=styles.small_size,
        ),
    ]
    return story


def annual_report_story(sheet: AnnualReportSheet, options: SheetOptions) -> list[Flowable]:
    """Cover, narrative, areas, spread, activities and the leadership spectrum."""
    styles = sheet_styles(options.large_print)
    width = page_geometry(options, _header(sheet)).content_width
    f = sheet.figures
    return [
        *_cover(sheet, styles, width),
        *_narrative(f, styles),
        *_areas(f, styles, width),
        *spread_story(f.spread, styles, width),
        *_activities(f, styles, width),
        *spectrum_story(f.spectrum, styles, width),
    ]


def _header(sheet: AnnualReportSheet) -> SheetHeader:
    return SheetHeader(
        title=sheet.title or DEFAULT_TITLE,
        group_name=sheet.group_name,
        subtitle=sheet.figures.year.label,
    )


def render_annual_report(
    sheet: AnnualReportSheet, options: SheetOptions | None = None, *, printed_on: date | None = None
) -> bytes:
    """The report as PDF bytes (no names, so no Confidential footer)."""
    options = options or SheetOptions()
    return build_pdf(
        annual_report_story(sheet, options),
        header=_header(sheet),
        options=options,
        has_names=False,
        printed_on=printed_on,
    )


__all__ = ["DEFAULT_TITLE", "AnnualReportSheet", "annual_report_story", "render_annual_report"]
