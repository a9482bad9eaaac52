"""Importing members from a CSV or Excel spreadsheet: read → map columns → preview → commit.

The steps live in ``member_import_read`` (files), ``member_import_mapping`` (columns and
cell text) and ``member_import_rows`` (the preview); this module is the public face and
does the commit: one transaction, all or nothing, never half an import. The members, their
"Joined" history and their audit entries are sent as bulk INSERTs (the rows
``members_rows.new_member`` and ``audit.record`` would write one by one), so 10,000 lines take
about a second rather than several. A Status column ("Left", "Stepping back", as the
export writes it), with its Left on and Check in by dates, is applied in the same
transaction, as the status change a coordinator would record (``_apply_statuses``).

Typical use::

    table = read_table(path)
    mapping = guess_mapping(table.headers)            # the user may change it
    preview = preview_import(session, actor, table, mapping)
    result = commit_import(session, actor, preview, ImportMode.SKIP_PROBLEMS)
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, insert, update
from sqlalchemy.orm import Session

from involve_desktop.core.collector import collector_paused
from involve_desktop.core.db.backup import BackupReason
from involve_desktop.core.errors import InvolveError
from involve_desktop.core.formatting import format_date
from involve_desktop.core.models.people import Member, StatusChange
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import audit, members, members_rows
from involve_desktop.core.services.backups import backup_before
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberInput, MemberStatus
from involve_desktop.core.services.member_export import write_atomically
from involve_desktop.core.services.member_import_mapping import (
    STATUS_DATE_FIELDS,
    ImportField,
    Mapping,
    guess_mapping,
    mapping_problems,
)
from involve_desktop.core.services.member_import_read import (
    ImportFileError,
    ImportTable,
    read_table,
)
from involve_desktop.core.services.member_import_rows import (
    ExistingMembers,
    ImportPreview,
    PossibleDuplicate,
    PreviewRow,
    RowProblem,
    check_mapping,
    mapping_problems_for,
    preview_import,
)
from involve_desktop.core.services.member_import_values import parse_uk_date
from involve_desktop.core.services.transaction import require, transaction
from involve_desktop.core.spreadsheet_cells import safe_row

__all__ = [
    "ImportField",
    "ImportFileError",
    "ImportMode",
    "ImportPreview",
    "ImportRefused",
    "ImportResult",
    "ImportTable",
    "Mapping",
    "PossibleDuplicate",
    "PreviewRow",
    "RowProblem",
    "check_mapping",
    "commit_import",
    "guess_mapping",
    "import_plan",
    "list_lines",
    "mapping_problems",
    "mapping_problems_for",
    "parse_uk_date",
    "preview_import",
    "read_table",
    "write_problem_report",
]


class ImportMode(StrEnum):
    """What to do when some rows have problems (the user chooses explicitly)."""

    ALL_OR_NOTHING = "all_or_nothing"
    SKIP_PROBLEMS = "skip_problems"


class ImportRefused(InvolveError):
    """Nothing was imported; the message says why and what to do."""


@dataclass(frozen=True)
class ImportResult:
    """What an import did."""

    file_name: str
    imported: int
    skipped_lines: tuple[int, ...]
    member_ids: tuple[int, ...]

    def message(self) -> str:
        """ "Imported 212 members. Skipped rows 14, 27 and 31."."""
        people = "member" if self.imported == 1 else "members"
        text = f"Imported {self.imported:,} {people} from {self.file_name}."
        if self.skipped_lines:
            text += f" Skipped {list_lines(self.skipped_lines)}."
        return text


def list_lines(lines: tuple[int, ...] | list[int], limit: int = 12) -> str:
    """Spreadsheet rows in words: "row 4", "rows 4, 9 and 12", "rows 4, 9, 12… (40 more)"."""
    if len(lines) == 1:
        return f"row {lines[0]}"
    shown = ", ".join(str(n) for n in lines[:limit])
    if len(lines) > limit:
        return f"{len(lines):,} rows: {shown}… ({len(lines) - limit:,} more)"
    head, last = shown.rsplit(", ", 1)
    return f"rows {head} and {last}"


def import_plan(
    preview: ImportPreview, include_duplicates: bool
) -> tuple[list[PreviewRow], list[int]]:
    """The rows that would be imported, and the row numbers that would be skipped."""
    chosen = [r for r in preview.rows if r.valid and (include_duplicates or r.duplicate is None)]
    taken = {r.line for r in chosen}
    return chosen, [r.line for r in preview.rows if r.line not in taken]


def _refuse_if_incomplete(
    preview: ImportPreview, mode: ImportMode, include_duplicates: bool
) -> None:
    problems = [r.line for r in preview.with_problems]
    dups = [r.line for r in preview.duplicates]
    if mode is ImportMode.ALL_OR_NOTHING and problems:
        raise ImportRefused(
            f"Nothing was imported: {list_lines(problems)} "
            f"{'has a problem' if len(problems) == 1 else 'have problems'}. Fix them in the "
            "spreadsheet and import it again, or choose to import the other rows and skip "
            "these."
        )
    if mode is ImportMode.ALL_OR_NOTHING and dups and not include_duplicates:
        raise ImportRefused(
            f"Nothing was imported: {list_lines(dups)} may be people already in the group. "
            "Tick “include possible duplicates”, or choose to skip them."
        )


def _row_values(data: MemberInput, day: date) -> dict[str, Any]:
    values = members.clean_input(data, day)
    if data.restricted is not None:
        values |= members.restricted_values(data.restricted)
    return values


def _nothing_ready(preview: ImportPreview) -> str:
    """Why no row can be imported, in the words that fit what the preview found."""
    if preview.duplicates and not preview.with_problems:
        return (
            "Nothing was imported: every row may be someone already in the records (or on "
            "an earlier row), so this file looks imported already. If some really are new "
            "people, tick “Also import the possible duplicates” and import again."
        )
    return (
        "Nothing was imported: no row is ready. Fix the rows listed in the preview "
        "and import the file again."
    )


def _status_words(row: PreviewRow) -> dict[str, Any]:
    """The audit entry's "status" (and its dates) for a member imported as stepping back
    or left."""
    if row.status in (None, MemberStatus.ACTIVE):
        return {}
    words: dict[str, Any] = {"status": row.status.label}
    if row.status is MemberStatus.LEFT and row.left_on is not None:
        words["left on"] = row.left_on.isoformat()
    if row.status is MemberStatus.STEPPING_BACK and row.check_in_on is not None:
        words["check in by"] = row.check_in_on.isoformat()
    return words


def _apply_statuses(
    session: Session,
    actor: Actor,
    chosen: list[tuple[int, PreviewRow]],
    day: date,
    file_name: str,
) -> None:
    """Record the file's Status for new members, as ``members.change_status`` would: the
    member's status, ``left_on``/``left_reason``/``check_in_on`` and a status history line.

    Someone who left did so on their Left on date, or on the import day when the file does
    not say; someone stepping back does so on the import day, with their Check in by date
    (which may be past: an overdue check-in). The rules ``change_status`` applies hold for
    a new member (the preview checked the dates against the date joined, the only earlier
    history line is "Joined", and stepping back or leaving is allowed from active). Done
    here, in the import's transaction, so an import stays all or nothing.
    """
    if not chosen:
        return
    reason = f"Imported from {file_name}"[:500]
    members_now: list[dict[str, Any]] = []
    history: list[dict[str, Any]] = []
    for member_id, row in chosen:
        status = row.status or MemberStatus.ACTIVE
        left = status is MemberStatus.LEFT
        left_on = (row.left_on or day) if left else None
        check_in_on = row.check_in_on if status is MemberStatus.STEPPING_BACK else None
        members_now.append(
            {
                "member_id": member_id,
                "new_status": status.value,
                "new_check_in_on": check_in_on,
                "new_left_on": left_on,
                "new_left_reason": reason if left else None,
            }
        )
        history.append(
            {
                "member_id": member_id,
                "status": status.value,
                "effective_on": left_on or day,
                "reason": reason,
                "check_in_on": check_in_on,
                "recorded_by": actor.display_name,
            }
        )
    member = Member.__table__
    # One executemany UPDATE by id: each member has their own dates, and no IN list can
    # pass the database's limit on bound values. (Bound names differ from the columns'.)
    session.execute(
        update(member)
        .where(member.c.id == bindparam("member_id"))
        .values(
            status=bindparam("new_status"),
            check_in_on=bindparam("new_check_in_on"),
            left_on=bindparam("new_left_on"),
            left_reason=bindparam("new_left_reason"),
        ),
        members_now,
    )
    session.execute(insert(StatusChange.__table__), history)


@collector_paused()
def commit_import(
    session: Session,
    actor: Actor,
    preview: ImportPreview,
    mode: ImportMode,
    *,
    include_duplicates: bool = False,
    today: date | None = None,
) -> ImportResult:
    """Add the previewed members in one transaction; on any failure nothing is added.

    ``ALL_OR_NOTHING`` refuses (ImportRefused) if any row has a problem, or is a possible
    duplicate that ``include_duplicates`` does not let in. ``SKIP_PROBLEMS`` imports the
    valid rows and skips the rest (possible duplicates too, unless ``include_duplicates``).
    """
    require(session, actor, Permission.IMPORT_MEMBERS, "import members")
    check_mapping(actor, preview.headers, preview.mapping)
    if preview.imports_restricted:
        require(session, actor, Permission.EDIT_RESTRICTED, "import restricted information")
    if any(f in preview.mapping for f in (ImportField.STATUS, *STATUS_DATE_FIELDS)):
        require(session, actor, Permission.MANAGE_MEMBER_RECORDS, "import members' status")
    _refuse_if_incomplete(preview, mode, include_duplicates)
    chosen, skipped = import_plan(preview, include_duplicates)
    if not chosen:
        raise ImportRefused(_nothing_ready(preview))
    day = today or date.today()
    if preview.day is not None and preview.day != day:
        # The rows were judged against the preview's today (a blank Date joined, a Left on
        # not after today, a Check in by not before they joined): judged again, not assumed.
        raise ImportRefused(
            f"Nothing was imported: the file was checked on {format_date(preview.day)}, and "
            "its dates are judged against that day. Go back and check the preview again."
        )
    backup_before(session, BackupReason.BEFORE_IMPORT)  # a copy to go back to (SQLite only)
    with transaction(session):
        existing = ExistingMembers(session)
        changed = [
            r.line
            for r in chosen
            if r.duplicate is None and r.data and existing.match(r.line, r.data)
        ]
        if changed:
            raise ImportRefused(
                f"Nothing was imported: since the preview, someone added members who may be "
                f"the people on {list_lines(changed)}. Go back and check the preview again."
            )
        rows = [(r.line, _row_values(r.data, day)) for r in chosen if r.data]
        # Bulk INSERTs of the rows new_member would write (member, "Joined" history) and
        # of the usual "create" audit rows: same rows, far fewer round trips than the ORM.
        ids = members_rows.insert_new_members(session, [values for _line, values in rows], actor)
        changed_status = {r.line: r for r in chosen if r.status not in (None, MemberStatus.ACTIVE)}
        _apply_statuses(
            session,
            actor,
            [
                (member_id, changed_status[line])
                for (line, _v), member_id in zip(rows, ids, strict=True)
                if line in changed_status
            ],
            day,
            preview.file_name,
        )
        audit.record_many(
            session,
            actor,
            "create",
            "member",
            (
                (
                    member_id,
                    members.audit_values(values)
                    | (_status_words(changed_status[line]) if line in changed_status else {})
                    | {"imported from": preview.file_name, "row": line},
                )
                for (line, values), member_id in zip(rows, ids, strict=True)
            ),
        )
        audit.record(
            session,
            actor,
            "import",
            "member",
            None,
            {
                "file": preview.file_name,
                "imported": len(ids),
                "skipped": len(skipped),
                "rows with problems": len(preview.with_problems),
                "possible duplicates": len(preview.duplicates),
                "duplicates included": include_duplicates,
                "mode": mode.value,
            },
        )
    return ImportResult(preview.file_name, len(ids), tuple(skipped), tuple(ids))


def problem_report_rows(preview: ImportPreview) -> list[list[str]]:
    """Row, field, value (as typed) and problem for every problem and possible duplicate."""
    rows = [["Row", "Field", "What it says", "Problem"]]
    for row in preview.rows:
        rows += [[str(p.line), p.field, p.value, p.reason] for p in row.problems]
        if row.valid and row.duplicate is not None:
            rows.append(
                [str(row.line), "Possible duplicate", row.duplicate.name, row.duplicate.describe()]
            )
    return rows


def write_problem_report(preview: ImportPreview, path: Path) -> None:
    """Save the rows to fix as a CSV (UTF-8 with BOM, so Excel shows accents right)."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer).writerows(safe_row(r) for r in problem_report_rows(preview))
    write_atomically(path, buffer.getvalue().encode("utf-8-sig"))
