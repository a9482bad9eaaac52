"""What the panel sheets print, read through the panel services.

- ``panel_pack_pdf(session, actor, panel_id, …)`` — the panels screen: one panel's pack;
- ``panel_summary_pdf(session, actor, start, end, …)`` — any period;
- ``load_panel_pack`` / ``load_panel_summary`` — the Sheets screen and ``involve-desktop
  print panel-pack --panel N`` / ``print panel-summary --month 2026-11``: the panel by its
  number or post title; the summary for the 12 months ending with the month given
  (default this month).

Both need PRINT_SHEETS and VIEW_PANELS (coordinators).
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy.orm import Session

from involve_desktop.core.dates import add_months
from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import organisation, panels, panels_people
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.panels_dto import PanelInfo, PanelStatus
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.core.services.transaction import require
from involve_desktop.core.sheets.options import SheetInputError, SheetOptions
from involve_desktop.core.sheets.panel_pack import (
    PackPerson,
    PackStep,
    PanelPackSheet,
    render_panel_pack,
)
from involve_desktop.core.sheets.panel_summary import (
    PanelSummarySheet,
    SummaryRow,
    render_panel_summary,
)
from involve_desktop.core.sheets.params import SheetParams
from involve_desktop.core.sheets.rota_data import parse_month
from involve_desktop.core.text import sort_key

DONE = "Done"


def _yes(flag: bool) -> str:
    return DONE if flag else ""


def _day(value: date | None) -> str:
    return format_date(value) if value else ""


def pack_sheet(
    info: PanelInfo, group_name: str | None = None, title: str | None = None
) -> PanelPackSheet:
    """The pack's DTO for a panel."""
    status = info.status.label
    if info.status is PanelStatus.CANCELLED:
        status = f"{status}: {info.cancelled_reason}"
    details = (
        ("Post", info.post_title),
        ("Team", info.team or ""),
        ("When", info.when),
        ("Where", info.place),
        ("Candidates", "" if info.candidates is None else str(info.candidates)),
        ("Status", status),
    )
    steps = (
        PackStep("Panel members briefed", _day(info.briefing_on)),
        PackStep("Took part in shortlisting", _yes(info.shortlisting)),
        PackStep("Took part in setting the questions", _yes(info.question_setting)),
        PackStep("Scored candidates alongside staff", _yes(info.scoring)),
        PackStep("Debrief held", _day(info.debrief_on)),
        PackStep("Feedback on the outcome given to panel members", _yes(info.feedback_given)),
        PackStep("Paid or thanked for their time", ""),
    )
    people = tuple(PackPerson(s.name, s.role_text) for s in info.seats)
    return PanelPackSheet(
        info.title,
        details,
        people,
        steps,
        info.questions_contributed,
        None
        if info.meets_policy
        else f"Not yet meeting the panel policy: {info.policy.explanation}",
        group_name,
        title,
    )


def panel_pack_pdf(
    session: Session,
    actor: Actor,
    panel_id: int,
    options: SheetOptions | None = None,
    *,
    today: date | None = None,
) -> bytes:
    """One panel's pack as PDF bytes (the panels screen's Print)."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    info = panels.get_panel(session, actor, panel_id)
    sheet = pack_sheet(info, organisation.group_name(session))
    return render_panel_pack(sheet, options, printed_on=today)


KNOWN_SHOWN = 8  # panels named when the one asked for is not found


def _known(listed: list[PanelInfo], today: date) -> str:
    """ " Panels: 12 Peer Support Worker (Thu 3 Dec 2026), …" — the next ones first, then
    the latest held; empty when there are none."""
    coming = sorted((i for i in listed if i.day >= today), key=lambda i: (i.day, i.id))
    held = sorted((i for i in listed if i.day < today), key=lambda i: (i.day, i.id), reverse=True)
    shown = (coming + held)[:KNOWN_SHOWN]
    if not shown:
        return " There are no panels yet."
    words = "; ".join(f"{i.id} {i.post_title} ({format_date(i.day)})" for i in shown)
    more = len(listed) - len(shown)
    return f" Panels: {words}" + (f"; and {more} more." if more else ".")


def _find_panel(session: Session, actor: Actor, text: str | None, today: date) -> PanelInfo:
    wanted = (text or "").strip()
    listed = list(panels.list_panels(session, actor))
    if not wanted:
        raise SheetInputError(
            "panel",
            "Say which panel: its number, or the post title (e.g. Peer Support Worker)."
            + _known(listed, today),
        )
    if wanted.isdigit():
        for info in listed:
            if info.id == int(wanted):
                return info
        raise SheetInputError(
            "panel", f"There is no panel number {wanted}." + _known(listed, today)
        )
    same = [info for info in listed if sort_key(info.post_title) == sort_key(wanted)]
    if not same:
        raise SheetInputError(
            "panel",
            f"There is no panel for a post called {wanted!r}." + _known(listed, today),
        )
    coming = [info for info in same if info.day >= today]
    return coming[0] if coming else same[-1]


def load_panel_pack(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> PanelPackSheet:
    """The panel named in ``params.panel``: a number, or a post title (the next panel for
    that post, or the latest if none is to come)."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    info = _find_panel(session, actor, params.panel, today)
    return pack_sheet(info, params.group_name, params.title)


def _broke_words(count: int, panels: tuple[str, ...]) -> str:
    """ "Held panels that did not meet the panel policy: 2 — Thu 29 Jan 2026 Nurse; …"
    (which ones, so they can be looked into, not only how many)."""
    which = f" — {'; '.join(panels)}" if panels else ""
    return f"Held panels that did not meet the panel policy: {count:,}{which}."


def summary_sheet(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    group_name: str | None = None,
    title: str | None = None,
) -> PanelSummarySheet:
    """The summary's DTO for a period."""
    summary = panels_people.participation_summary(session, actor, start, end)
    counts = (
        f"{plural(summary.panels_held, 'panel')} held, {summary.panels_planned:,} planned, "
        f"{summary.panels_cancelled:,} cancelled.",
        _broke_words(summary.held_not_meeting_policy, summary.broke_policy),
        f"Seats taken by staff from outside the members list: {summary.outside_staff_seats:,}.",
    )
    rows = tuple(SummaryRow(r.name, r.lived_seats, r.staff_seats, r.last_sat) for r in summary.rows)
    figures = summary.reliance
    return PanelSummarySheet(
        start,
        end,
        counts,
        rows,
        figures.explanation,
        tuple((p.name, p.seats) for p in figures.top_people),
        figures.warning,
        group_name,
        title,
    )


def panel_summary_pdf(
    session: Session,
    actor: Actor,
    start: date,
    end: date,
    options: SheetOptions | None = None,
    *,
    today: date | None = None,
) -> bytes:
    """The participation summary for a period as PDF bytes."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    if end < start:
        raise SheetInputError("end", "The period ends before it starts — check the dates.")
    sheet = summary_sheet(session, actor, start, end, organisation.group_name(session))
    return render_panel_summary(sheet, options, printed_on=today)


def load_panel_summary(
    session: Session, actor: Actor, params: SheetParams, today: date
) -> PanelSummarySheet:
    """The 12 months ending with ``params.month`` (default: this month)."""
    require(session, actor, Permission.PRINT_SHEETS, "print sheets")
    last_month = parse_month(params.month, today)
    end = add_months(last_month, 1) - timedelta(days=1)
    start = add_months(last_month, -11)
    return summary_sheet(session, actor, start, end, params.group_name, params.title)
