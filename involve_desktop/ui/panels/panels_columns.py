"""The columns of the panels list and the "Who has sat" list (``DtoTableModel`` specs)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QTableView

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.panels_dto import PanelInfo, ParticipationRow
from involve_desktop.ui.meetings.meetings_columns import fit_columns, keep_within_width
from involve_desktop.ui.panels.panels_words import (
    people_text,
    policy_text,
    status_text,
    where_text,
)
from involve_desktop.ui.table_model import Column

# What a coordinator checks first comes first (date, post, people, policy, status), so it
# stays in view on a 1366-wide laptop; team and venue follow, cut short with a tooltip.
PANEL_COLUMNS: list[Column[PanelInfo]] = [
    Column("Date", lambda p: format_date(p.day), lambda p: f"{p.day} {p.start_time}"),
    Column("Time", lambda p: p.times),
    Column("Post", lambda p: p.post_title, tooltip=lambda p: p.title),
    Column("People", people_text, lambda p: (p.lived_count, p.staff_count), people_text),
    Column(
        "Policy",
        policy_text,
        lambda p: (p.policy.ok, -p.policy.lived_needed),
        tooltip=lambda p: p.policy.explanation,
    ),
    Column("Status", status_text, tooltip=status_text),
    Column("Team", lambda p: p.team or "", tooltip=lambda p: p.team or ""),
    Column("Where", where_text, tooltip=lambda p: p.place),
    Column(
        "Candidates",
        lambda p: "" if p.candidates is None else str(p.candidates),
        lambda p: -1 if p.candidates is None else p.candidates,
        align_right=True,
    ),
]
# Widest each column may start, in average characters (None: as wide as its text).
PANEL_WIDTHS = (None, None, 30, None, None, 22, 22, 22, None)
KEEP_WHOLE = (0, 1)  # the date and time are never cut
POLICY_LEAST = {4: 26}  # "⚠ Needs 1 more lived-exp…" still says what is missing


def panel_table(table: QTableView) -> QTableView:
    """The panels list kept within its width: on a narrow screen or at 125 % the long
    columns are cut (whole in the tooltip) rather than pushing Team, Where and Candidates
    off to the side."""
    return keep_within_width(table, KEEP_WHOLE, POLICY_LEAST)


def fit_panel_columns(table: QTableView) -> None:
    """Columns as wide as their text, the long free-text ones kept short (the whole text is
    in the tooltip), so the policy and status are seen without scrolling."""
    fit_columns(table, dict(enumerate(PANEL_WIDTHS)))


def _last(row: ParticipationRow) -> str:
    return format_date(row.last_sat) if row.last_sat else "Never sat"


SAT_COLUMNS: list[Column[ParticipationRow]] = [
    Column("Person", lambda r: r.name),
    Column(
        "Lived-experience seats",
        lambda r: str(r.lived_seats),
        lambda r: r.lived_seats,
        align_right=True,
    ),
    Column("Staff seats", lambda r: str(r.staff_seats), lambda r: r.staff_seats, align_right=True),
    Column(
        "Panels sat",
        lambda r: str(r.lived_seats + r.staff_seats),
        lambda r: r.lived_seats + r.staff_seats,
        align_right=True,
    ),
    Column("Last sat", _last, lambda r: r.last_sat or date.min),
]
