"""Exporting the members list, as currently filtered, to CSV or Excel (.xlsx).

Coordinators only (EXPORT_PERSONAL_DATA); restricted columns (lived experience, emergency
contact, notes) only for roles that may see them. The file is written atomically (a
temporary file, then a rename), so an existing file is never left half-written, and the
CSV re-imports cleanly through ``member_import`` (status with its Left on and Check in by
dates, so people who left keep the day they left).
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import InvolveError
from involve_desktop.core.models.people import Member, TrainingRecord, TrainingType
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import (
    AccessNeeds,
    ContactMethod,
    MemberFilter,
    MemberStatus,
    MemberSummary,
    TrainingState,
)
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.member_records import training_state
from involve_desktop.core.services.member_search import filtered_ids, list_members
from involve_desktop.core.services.transaction import permitted, require, transaction
from involve_desktop.core.spreadsheet_cells import safe_cell

ExportFormat = Literal["csv", "xlsx"]
DATE_FORMAT = "%d/%m/%Y"


@dataclass(frozen=True)
class ExportColumn:
    """A column of the export: its heading, width in Excel and how to get its value."""

    title: str
    width: int
    value: Callable[[Any, MemberSummary, str], Any]
    restricted: bool = False


def _uk(day: date | None) -> str:
    return day.strftime(DATE_FORMAT) if day else ""


def _yes_no(value: bool | None) -> str:
    return "" if value is None else ("Yes" if value else "No")


def _access(m: Any) -> str:
    return AccessNeeds(
        m.needs_large_print,
        m.needs_interpreter,
        m.needs_step_free,
        m.needs_hearing_loop,
        m.access_other,
    ).describe()


COLUMNS: tuple[ExportColumn, ...] = (
    ExportColumn(
        "Name they go by", 22, lambda m, s, t: display_name(m.full_name, m.preferred_name)
    ),
    ExportColumn("Full name", 26, lambda m, s, t: m.full_name),
    ExportColumn("Preferred name", 14, lambda m, s, t: m.preferred_name),
    ExportColumn("Pronouns", 10, lambda m, s, t: m.pronouns),
    ExportColumn("Email", 28, lambda m, s, t: m.email),
    ExportColumn("Phone", 16, lambda m, s, t: m.phone),
    ExportColumn("Address", 36, lambda m, s, t: m.address),
    ExportColumn("Postcode", 10, lambda m, s, t: m.postcode),
    ExportColumn(
        "Preferred contact",
        16,
        lambda m, s, t: ContactMethod(m.preferred_contact).label if m.preferred_contact else "",
    ),
    ExportColumn("Date joined", 12, lambda m, s, t: m.date_joined),
    ExportColumn("Status", 14, lambda m, s, t: MemberStatus(m.status).label),
    ExportColumn("Left on", 12, lambda m, s, t: m.left_on),
    ExportColumn("Check in by", 12, lambda m, s, t: m.check_in_on),
    ExportColumn("Current roles", 30, lambda m, s, t: "; ".join(s.roles)),
    ExportColumn("Training", 40, lambda m, s, t: t),
    ExportColumn("Consent review date", 14, lambda m, s, t: s.consent_review_on),
    ExportColumn("Access needs", 24, lambda m, s, t: _access(m)),
    ExportColumn("Lived experience", 10, lambda m, s, t: _yes_no(m.lived_experience), True),
    ExportColumn("Emergency contact", 26, lambda m, s, t: m.emergency_contact, True),
    ExportColumn("Notes", 40, lambda m, s, t: m.notes, True),
)


def export_columns(include_restricted: bool) -> tuple[ExportColumn, ...]:
    """The columns written for an account that may (or may not) see restricted fields."""
    return tuple(c for c in COLUMNS if include_restricted or not c.restricted)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` via a temporary file and a rename: never half a file."""
    try:
        fd, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as err:
        raise InvolveError(
            f"Could not save in {path.parent} ({err.strerror or err}). Choose another folder."
        ) from err
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except OSError as err:
        temp.unlink(missing_ok=True)
        raise InvolveError(
            f"Could not save {path.name} ({err.strerror or err}). If it is open in another "
            "program such as Excel, close it and try again."
        ) from err


def _training_summaries(session: Session, ids: Any, today: date) -> dict[int, str]:
    """Per member, "Safeguarding: current until 03/04/2027; Peer support: expired …"."""
    latest: dict[int, dict[str, tuple[date, date | None]]] = defaultdict(dict)
    query = (
        select(
            TrainingRecord.member_id,
            TrainingType.name,
            TrainingRecord.completed_on,
            TrainingRecord.expires_on,
        )
        .join(TrainingType, TrainingType.id == TrainingRecord.training_type_id)
        .where(TrainingRecord.member_id.in_(ids))
        .order_by(TrainingType.sort_order, TrainingType.name, TrainingRecord.completed_on)
    )
    for member_id, name, completed, expires in session.execute(query):
        latest[member_id][name] = (completed, expires)  # later records replace earlier
    words = {
        TrainingState.CURRENT: "current until",
        TrainingState.DUE: "due for renewal by",
        TrainingState.EXPIRED: "expired",
    }
    summaries = {}
    for member_id, kinds in latest.items():
        parts = []
        for name, (completed, expires) in kinds.items():
            state = training_state(expires, today)
            if expires is None:
                parts.append(f"{name}: completed {_uk(completed)}")
            else:
                parts.append(f"{name}: {words[state]} {_uk(expires)}")
        summaries[member_id] = "; ".join(parts)
    return summaries


def export_rows(
    session: Session, actor: Actor, filt: MemberFilter, today: date, include_restricted: bool
) -> tuple[tuple[ExportColumn, ...], list[list[Any]]]:
    """The columns and the rows (dates as ``date``) of the export, in the list's order."""
    summaries = list_members(session, actor, filt, today=today).rows
    ids = select(filtered_ids(filt, today).subquery().c.id)
    details = {m.id: m for m in session.scalars(select(Member).where(Member.id.in_(ids)))}
    training = _training_summaries(session, ids, today)
    columns = export_columns(include_restricted)
    rows = [
        [c.value(details[s.id], s, training.get(s.id, "")) for c in columns]
        for s in summaries
        if s.id in details
    ]
    return columns, rows


def csv_bytes(columns: tuple[ExportColumn, ...], rows: list[list[Any]]) -> bytes:
    """CSV as UTF-8 with a BOM (so Excel shows accents right), dates as 03/04/2021."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow([c.title for c in columns])
    for row in rows:
        writer.writerow(
            [_uk(v) if isinstance(v, date) else safe_cell("" if v is None else str(v)) for v in row]
        )
    return buffer.getvalue().encode("utf-8-sig")


def xlsx_bytes(columns: tuple[ExportColumn, ...], rows: list[list[Any]]) -> bytes:
    """An Excel workbook: bold headings, dates as real dates, text never run as a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook(write_only=True)
    sheet = book.create_sheet("Members")
    sheet.freeze_panes = "A2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    bold = Font(bold=True)
    heading = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.title)
        cell.font = bold
        heading.append(cell)
    sheet.append(heading)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
            elif isinstance(value, str):
                cell.data_type = "s"  # "=…" typed by a person stays text
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def export_members(
    session: Session,
    actor: Actor,
    filt: MemberFilter,
    path: Path,
    fmt: ExportFormat,
    today: date | None = None,
) -> int:
    """Write the members matching ``filt`` to ``path`` as CSV or XLSX; returns how many.

    Refuses (PermissionDenied) accounts that may not export personal data.
    """
    require(session, actor, Permission.EXPORT_PERSONAL_DATA, "export members' personal data")
    if fmt not in ("csv", "xlsx"):
        raise InvolveError("Choose CSV or Excel (.xlsx) for the export.")
    day = today or date.today()
    include_restricted = permitted(session, actor, Permission.VIEW_RESTRICTED)
    with transaction(session):
        columns, rows = export_rows(session, actor, filt, day, include_restricted)
        data = csv_bytes(columns, rows) if fmt == "csv" else xlsx_bytes(columns, rows)
        audit.record(
            session,
            actor,
            "export",
            "member",
            None,
            {
                "count": len(rows),
                "format": fmt,
                "file": path.name,
                "restricted columns": include_restricted,
            },
        )
        write_atomically(path, data)
    return len(rows)
