"""The leadership spectrum self-assessment sheet in the catalogue. Imported at the end of
``catalogue``, which it registers into.

``spectrum`` prints the self-assessment of the date given (``--date 2026-05-01``; without
one, the latest); the Leadership spectrum tab prints the selected one.
"""

from __future__ import annotations

from datetime import date

from involve_desktop.core.permissions import Permission
from involve_desktop.core.sheets import spectrum_sheet
from involve_desktop.core.sheets.catalogue import SheetSpec, register
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.params import SheetField, SheetParams


def _draw(
    _params: SheetParams, options: SheetOptions, sheet: spectrum_sheet.SpectrumSheet, day: date
) -> bytes:
    return spectrum_sheet.render_spectrum(sheet, options, printed_on=day)


register(
    SheetSpec(
        key="spectrum",
        title=spectrum_sheet.DEFAULT_TITLE,
        description=(
            "One leadership spectrum self-assessment: the stage reached and what is still "
            "needed for the next, who took part (members by name, other people by name and "
            "role, and how many members with lived experience — never who), every statement "
            "with its tick, comment and evidence, and a comparison with earlier ones. Give "
            "its date; without one, the latest. Marked Confidential."
        ),
        draw=_draw,
        load=spectrum_sheet.load_spectrum_sheet,
        fields=frozenset({SheetField.TITLE, SheetField.DATE}),
        prints_names=True,
        permissions=frozenset({Permission.PRINT_SHEETS, Permission.VIEW_INVOLVEMENT}),
        who_may="Coordinators.",
    )
)
