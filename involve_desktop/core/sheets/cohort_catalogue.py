"""The leadership programme sheets in the catalogue: certificates of completion, the cohort
summary and the cohort register. Imported at the end of ``catalogue``, which it registers
into (before the payment sheets, the order of the areas in the sidebar).

The cohort is given by number or name (``--cohort "Cohort 3"``). Certificates print each
graduate's name in full as they want it (the name they go by), never initials, so they
offer no privacy choice; they are always A4 landscape and their text is large already, so
large print is not offered either (``LARGE_PRINT_UNUSED``). The register is the meeting
sign-in sheet of one session's meeting, drawn by ``meeting_sign_in`` like any meeting's.
"""

from __future__ import annotations

from datetime import date

from involve_desktop.core.permissions import Permission
from involve_desktop.core.sheets import certificate, cohort_data, cohort_summary, meeting_sign_in
from involve_desktop.core.sheets.catalogue import SheetSpec, register
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import Orientation, SheetOptions
from involve_desktop.core.sheets.params import SheetField, SheetParams

__all__ = ["LARGE_PRINT_UNUSED"]

# Sheets whose layout is fixed: the form hides large print, the print command refuses it.
LARGE_PRINT_UNUSED = frozenset({"certificate"})

_COHORT_SHEETS = frozenset({Permission.PRINT_SHEETS, Permission.VIEW_COHORTS})
_COHORT_WHO = "Coordinators, and facilitators for the cohorts their account is linked to."


def _draw_certificates(
    _params: SheetParams,
    _options: SheetOptions,
    certificates: tuple[certificate.Certificate, ...],
    _day: date,
) -> bytes:
    return certificate.render_certificates(certificates)


def _draw_cohort_summary(
    _params: SheetParams,
    options: SheetOptions,
    sheet: cohort_summary.CohortSummarySheet,
    day: date,
) -> bytes:
    return cohort_summary.render_cohort_summary(sheet, options, printed_on=day)


def _draw_cohort_register(
    _params: SheetParams,
    options: SheetOptions,
    sheet: meeting_sign_in.MeetingSignInSheet,
    day: date,
) -> bytes:
    return meeting_sign_in.render_meeting_sign_in(sheet, options, printed_on=day)


register(
    SheetSpec(
        key="certificate",
        title="Certificate of completion",
        description=(
            "A certificate for each graduate of a cohort, one A4 landscape page each, for "
            "plain paper: the organisation, the person's name in full as they want to be "
            "known, the programme, the cohort and its dates, the day they completed it, and "
            "a signature line for each facilitator with their name and role. Give a Person "
            "for one graduate's certificate only. Nothing else about anyone; no "
            "Confidential mark, as it is the person's own."
        ),
        draw=_draw_certificates,
        load=cohort_data.load_certificates,
        fields=frozenset({SheetField.COHORT, SheetField.PERSON}),
        # The name prints in full, as the person wants it: no privacy choice to offer.
        prints_names=False,
        default_privacy=PrivacyMode.FULL,
        fixed_orientation=Orientation.LANDSCAPE,
        permissions=_COHORT_SHEETS,
        who_may=_COHORT_WHO,
    )
)
register(
    SheetSpec(
        key="cohort-summary",
        title=cohort_summary.DEFAULT_TITLE,
        description=(
            "How a cohort went: places taken, completed, withdrawn and waiting; the "
            "completion rule; the facilitators; attendance at each session; each person's "
            "place and progress; and the graduates' onward roles (later cohorts "
            "co-facilitated, recruitment panels, the management council). Marked "
            "Confidential."
        ),
        draw=_draw_cohort_summary,
        load=cohort_data.load_cohort_summary,
        fields=frozenset({SheetField.TITLE, SheetField.COHORT}),
        prints_names=True,
        permissions=_COHORT_SHEETS,
        who_may=_COHORT_WHO,
    )
)
register(
    SheetSpec(
        key="cohort-register",
        title=cohort_data.REGISTER_TITLE,
        description=(
            "The sign-in sheet for one session of a cohort: give the session's number or "
            "date (blank: the next session). It lists everyone with a place and the "
            "cohort's facilitators by the name they go by, with a box to tick and space to "
            "sign, then empty rows and a “New here?” box — the same sheet as a meeting's, so "
            "the ticks are typed back on the attendance screen in the same order. Marked "
            "Confidential."
        ),
        draw=_draw_cohort_register,
        load=cohort_data.load_cohort_register,
        fields=frozenset(
            {SheetField.TITLE, SheetField.COHORT, SheetField.SESSION, SheetField.ROWS}
        ),
        prints_names=True,
        default_rows=meeting_sign_in.DEFAULT_BLANK_ROWS,
        min_rows=meeting_sign_in.MIN_BLANK_ROWS,
        max_rows=meeting_sign_in.MAX_BLANK_ROWS,
        permissions=_COHORT_SHEETS | {Permission.VIEW_MEETINGS, Permission.RUN_MEETINGS},
        who_may=_COHORT_WHO,
    )
)
