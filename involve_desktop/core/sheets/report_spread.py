"""The annual report's pages on how evenly involvement was spread among people.

Plain readings first ("Half of all panel seats … were taken by 3 of the 9 people
involved."), then the year's figures by kind of involvement, three charts (people each
quarter, newcomers and returning; the share the 3 most involved took, by kind; the Gini
coefficient each quarter) and the quarter-by-quarter table. Counts only.
"""

from __future__ import annotations

from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, PageBreak, Paragraph, Spacer, TableStyle

from involve_desktop.core.services.involvement_spread import (
    InvolvementKind,
    InvolvementSpread,
    SpreadRow,
)
from involve_desktop.core.services.spread_stats import percent
from involve_desktop.core.sheets.report_charts import Series, bar_chart, line_chart
from involve_desktop.core.sheets.styles import SheetStyles, paragraph, ruled_table

SPREAD_TITLE = "How evenly involvement was spread"
HEADER = ("Kind", "People", "New", "Returning", "Top 3 took", "Top 10 % took", "Gini")
DEFINITIONS = (
    "How to read these figures. One unit of involvement is one person at one occasion: a rota "
    "shift worked, a lived-experience seat on a recruitment panel that was held, being present "
    "at a group meeting, at a leadership programme session, or at an involvement activity. "
    "“New” people did that kind of involvement for the first time ever in that period (their "
    "first shift worked, first panel seat, first meeting…); on the “All involvement” row, new "
    "people took part in anything for the first time. Everyone else is “returning”. So a "
    "member who came to meetings in spring and started a leadership cohort in autumn is new "
    "to cohorts in autumn, and each row’s new people over the quarters add up to the year’s. "
    "“Top 3 took” is the share of all the units taken by the 3 people who took "
    "part most; “Top 10 % took” the share taken by the most involved tenth of the people "
    "(rounded up, at least one person). The Gini coefficient runs from 0, when everyone took "
    "part equally, towards 1, when one person did nearly everything (a standard measure of how "
    "unequally something is shared). When a "
    "few people carry most of the involvement the group relies on them — worth knowing, so the "
    "work can be shared and no one burns out."
)


def _cells(row: SpreadRow, label: str) -> list[str]:
    f = row.figures
    return [
        label,
        f"{f.people:,}",
        f"{row.newcomers:,}",
        f"{row.returning:,}",
        percent(f.top_few_share),
        percent(f.top_share_share),
        f"{f.gini:.2f}" if f.people else "–",
    ]


def _table(rows: list[list[str]], styles: SheetStyles, width: float, first: str) -> Flowable:
    first_width = width * 0.22
    rest = (width - first_width) / (len(HEADER) - 1)
    small = styles.cell_bold.clone(
        "SmallBold", fontSize=styles.small_size, leading=styles.small_size * 1.2
    )
    header = [paragraph(text, small) for text in (first, *HEADER[1:])]
    body = [[paragraph(r[0], styles.cell), *r[1:]] for r in rows]
    table = ruled_table(
        header, body, [first_width] + [rest] * (len(HEADER) - 1), styles, fit_rows=True
    )
    table.setStyle(TableStyle([("ALIGN", (1, 0), (-1, -1), "RIGHT")]))
    return table


def spread_story(spread: InvolvementSpread, styles: SheetStyles, width: float) -> list[Flowable]:
    """The spread pages of the annual report."""
    small = styles.small_size
    whole = list(spread.whole)
    story: list[Flowable] = [
        PageBreak(),
        Paragraph(SPREAD_TITLE, styles.heading),
        paragraph(
            "Good involvement does not rely on the same few people. These figures show how "
            "many different people took part, and how much of the involvement the most "
            "involved few carried.",
            styles.body,
        ),
        Spacer(1, 2 * mm),
    ]
    story += [
        Paragraph(f"<b>{row.kind.label}:</b> {escape(row.reading)}", styles.body) for row in whole
    ]
    story += [
        Paragraph("Over the whole year", styles.body_bold),
        _table([_cells(row, row.kind.label) for row in whole], styles, width, "Kind"),
        Spacer(1, 4 * mm),
    ]
    quarters = [q.label for q in spread.quarters]
    everyone = [spread.row(q, InvolvementKind.ALL) for q in spread.quarters]
    chart_height = 68 * mm
    story += [
        CondPageBreak(chart_height + 4 * mm),
        bar_chart(
            width,
            chart_height,
            title="People involved each quarter: new and returning",
            categories=quarters,
            series=[
                Series("New", tuple(r.newcomers for r in everyone)),
                Series("Returning", tuple(r.returning for r in everyone)),
            ],
            y_title="People",
            x_title="Quarter",
            size=small,
        ),
        Spacer(1, 4 * mm),
        CondPageBreak(chart_height + 4 * mm),
        bar_chart(
            width,
            chart_height,
            title="Share of all involvement taken by the 3 most involved people, by kind",
            categories=[row.kind.label for row in whole],
            series=[
                Series(
                    "Top 3 took",
                    tuple(round(100 * (row.figures.top_few_share or 0)) for row in whole),
                )
            ],
            y_title="Share taken",
            x_title="Kind of involvement",
            size=small,
            percent=True,
        ),
        Spacer(1, 4 * mm),
        CondPageBreak(chart_height + 4 * mm),
        line_chart(
            width,
            chart_height,
            title="Gini coefficient each quarter, all involvement (0 = shared equally)",
            categories=quarters,
            values=[r.figures.gini for r in everyone],
            y_title="Gini coefficient",
            x_title="Quarter",
            size=small,
        ),
        Spacer(1, 4 * mm),
        paragraph(DEFINITIONS, styles.body),
        PageBreak(),
        Paragraph("Quarter by quarter", styles.heading),
    ]
    for quarter in spread.quarters:
        rows = [r for r in spread.rows if r.quarter == quarter]
        story += [
            CondPageBreak(60 * mm),
            Paragraph(quarter.label, styles.body_bold),
            _table([_cells(r, r.kind.label) for r in rows], styles, width, "Kind"),
            Spacer(1, 3 * mm),
        ]
    return story


__all__ = ["DEFINITIONS", "SPREAD_TITLE", "spread_story"]
