"""The annual involvement report in the catalogue (issue 9). Imported at the end of
``catalogue``, which it registers into.

``print annual-report --month 2026-04`` prints the reporting year starting that month (an
April start is a financial year, a January start a calendar year); without ``--month``, the
financial year (April to March) that today falls in.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.involvement_report import reporting_year, year_containing
from involve_desktop.core.services.involvement_report_figures import report_figures
from involve_desktop.core.services.transaction import require
from involve_desktop.core.sheets import annual_report
from involve_desktop.core.sheets.catalogue import SheetSpec, register
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.params import SheetField, SheetParams
from involve_desktop.core.sheets.rota_data import parse_month

KEY = "annual-report"


def load_annual_report(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> annual_report.AnnualReportSheet:
    """The figures for the reporting year starting in ``params.month`` (default: the
    financial year today falls in)."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    year = (
        reporting_year(parse_month(params.month, today)) if params.month else year_containing(today)
    )
    return annual_report.AnnualReportSheet(
        figures=report_figures(session, actor, year, today=today),
        group_name=params.group_name,
        title=params.title,
    )


def _draw(
    _params: SheetParams, options: SheetOptions, sheet: annual_report.AnnualReportSheet, day: date
) -> bytes:
    return annual_report.render_annual_report(sheet, options, printed_on=day)


register(
    SheetSpec(
        key=KEY,
        title=annual_report.DEFAULT_TITLE,
        description=(
            "The year's involvement for trustees and commissioners: the coordinator's own "
            "words, membership, the rota (covered and gaps), meetings, recruitment panels "
            "(and how many met the lived-experience policy), the leadership programme, "
            "payments, how evenly involvement was spread among people, with charts, and the "
            "4PI activities. Give the first month of the year (Apr for a financial year, Jan "
            "for a calendar year). Counts only — no one is named."
        ),
        draw=_draw,
        load=load_annual_report,
        fields=frozenset({SheetField.TITLE, SheetField.MONTH}),
        prints_names=False,
        permissions=frozenset({Permission.PRINT_SHEETS, Permission.VIEW_INVOLVEMENT}),
        who_may="Only coordinators print the annual involvement report.",
    )
)
