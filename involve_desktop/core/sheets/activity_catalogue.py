"""The 4PI activity record and you said, we did sheets in the catalogue. Imported at the
end of ``catalogue``, which it registers into.

``activity-record`` prints every activity in a month (``--month 2026-05``; without one,
the latest activity); the Activities tab prints the selected one. ``you-said-we-did`` is
the notice-board poster of the past year, with no names at all.
"""

from __future__ import annotations

from datetime import date

from involve_desktop.core.permissions import Permission
from involve_desktop.core.sheets import activity_record, you_said_we_did
from involve_desktop.core.sheets.catalogue import SheetSpec, register
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.core.sheets.params import SheetField, SheetParams

_INVOLVEMENT_SHEETS = frozenset({Permission.PRINT_SHEETS, Permission.VIEW_INVOLVEMENT})
_WHO = "Coordinators."


def _draw_record(
    _params: SheetParams,
    options: SheetOptions,
    sheet: activity_record.ActivityRecordSheet,
    day: date,
) -> bytes:
    return activity_record.render_activity_record(sheet, options, printed_on=day)


def _draw_poster(
    _params: SheetParams,
    options: SheetOptions,
    poster: you_said_we_did.YouSaidPoster,
    day: date,
) -> bytes:
    return you_said_we_did.render_you_said_we_did(poster, options, printed_on=day)


register(
    SheetSpec(
        key="activity-record",
        title=activity_record.DEFAULT_TITLE,
        description=(
            "Involvement activities as 4PI records, one to a page: purpose; presence (who "
            "and how many, with lived experience, which groups were missing); process "
            "(roles, preparation, accessibility, support, payment, feedback given back); "
            "impact (what changed). Give a month for every activity in it; without one, the "
            "latest activity. Members present are named, so it is marked Confidential."
        ),
        draw=_draw_record,
        load=activity_record.load_activity_records,
        fields=frozenset({SheetField.TITLE, SheetField.MONTH}),
        prints_names=True,
        permissions=_INVOLVEMENT_SHEETS,
        who_may=_WHO,
    )
)
register(
    SheetSpec(
        key="you-said-we-did",
        title=you_said_we_did.DEFAULT_TITLE,
        description=(
            "A poster for the notice board: what people told us over the past year and "
            "what was done, is being worked on, or was not possible and why. No names are "
            "printed."
        ),
        draw=_draw_poster,
        load=you_said_we_did.load_you_said_we_did,
        fields=frozenset({SheetField.TITLE}),
        permissions=_INVOLVEMENT_SHEETS,
        who_may=_WHO,
    )
)
