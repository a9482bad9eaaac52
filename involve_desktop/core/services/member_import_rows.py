"""The import preview: each row checked like the add-member dialog, and possible duplicates.

Rows are validated with ``members.clean_input`` (the same rules and messages as adding a
member by hand). Duplicates are found with the rule of ``members.find_duplicates`` — same
name and the same email, phone or date joined — but against all existing members loaded
once, so a 10,000-row file is checked in about a second instead of 10,000 queries.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core import validation
from involve_desktop.core.collector import collector_paused
from involve_desktop.core.errors import ValidationError
from involve_desktop.core.field_checks import FieldChecks
from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import members
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import AccessNeeds, MemberInput, MemberStatus
from involve_desktop.core.services.member_import_mapping import (
    FIELD_LABELS,
    ImportField,
    Mapping,
    mapping_problems,
    row_input,
    row_status,
    row_status_dates,
    typed_cells,
)
from involve_desktop.core.services.member_import_read import ImportTable
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.services.transaction import require

Progress = Callable[[int, int], None]
PROGRESS_EVERY = 500
_FIELD_ORDER = {f.label: i for i, f in enumerate(ImportField)}  # problems in column order


@dataclass(frozen=True)
class RowProblem:
    """Why a row cannot be imported: its row number in the spreadsheet (``line``), the
    field, what the cell says as typed (with how it was read, when that differs) and why."""

    line: int
    field: str
    value: str
    reason: str


@dataclass(frozen=True)
class PossibleDuplicate:
    """A row that may be someone already in the group, or someone on an earlier row."""

    line: int
    name: str
    matches: str
    reasons: tuple[str, ...]
    member_id: int | None = None
    other_line: int | None = None

    def describe(self) -> str:
        """ "Zoë Adams may be Zoë Adams, already in the group (same name and email)"."""
        return f"{self.name} may be {self.matches} (same {' and '.join(self.reasons)})."


@dataclass(frozen=True)
class PreviewRow:
    """One row of the file: the member it describes if valid, else its problems.

    ``status``: what its Status cell says (None: blank or no Status column, i.e. active);
    ``left_on`` and ``check_in_on``: its Left on and Check in by dates (None when blank).
    """

    line: int
    data: MemberInput | None
    problems: tuple[RowProblem, ...] = ()
    duplicate: PossibleDuplicate | None = None
    status: MemberStatus | None = None
    left_on: date | None = None
    check_in_on: date | None = None

    @property
    def valid(self) -> bool:
        """True when the row can be imported (it may still be a possible duplicate)."""
        return self.data is not None and not self.problems


@dataclass(frozen=True)
class ImportPreview:
    """What importing the file would do, row by row.

    ``day``: the "today" the rows were checked against (a blank Date joined, a Left on
    not after today); the import refuses to run on another day (None: not recorded).
    """

    file_name: str
    headers: tuple[str, ...]
    mapping: Mapping
    rows: tuple[PreviewRow, ...]
    day: date | None = None

    @property
    def ready(self) -> list[PreviewRow]:
        """Valid rows that are not possible duplicates."""
        return [r for r in self.rows if r.valid and r.duplicate is None]

    @property
    def with_problems(self) -> list[PreviewRow]:
        """Rows that cannot be imported as they are."""
        return [r for r in self.rows if not r.valid]

    @property
    def duplicates(self) -> list[PreviewRow]:
        """Valid rows that may be people already here (or on an earlier row)."""
        return [r for r in self.rows if r.valid and r.duplicate is not None]

    @property
    def problems(self) -> list[RowProblem]:
        """Every problem, in row order."""
        return [p for r in self.rows for p in r.problems]

    @property
    def imports_restricted(self) -> bool:
        """True when the mapping brings in restricted fields."""
        return any(f is not None and f.restricted for f in self.mapping)

    def summary(self) -> str:
        """ "212 ready · 5 with problems · 3 possible duplicates"."""
        dups = len(self.duplicates)
        return (
            f"{len(self.ready):,} ready · {len(self.with_problems):,} with problems · "
            f"{dups:,} possible duplicate{'' if dups == 1 else 's'}"
        )


@dataclass(frozen=True)
class _Existing:
    id: int
    name: str
    status: MemberStatus
    email: str
    phone: str
    date_joined: date


def _shown_name(full_name: str, preferred_name: str | None) -> str:
    """ "Zo Adams (Zoë Adams)" when the name they go by differs from their full name."""
    shown = display_name(full_name, preferred_name)
    return shown if shown == full_name else f"{shown} ({full_name})"


class ExistingMembers:
    """Everyone already in the group, loaded in one query and indexed by name."""

    def __init__(self, session: Session) -> None:
        self._by_name: dict[str, list[_Existing]] = defaultdict(list)
        member = Member.__table__.c  # plain rows: no ORM loading for 10,000 members
        query = select(
            member.id,
            member.full_name,
            member.preferred_name,
            member.name_key,
            member.sort_name,
            member.email,
            member.phone,
            member.date_joined,
            member.status,
        )
        for row in session.execute(query):
            person = _Existing(
                row.id,
                _shown_name(row.full_name, row.preferred_name),
                MemberStatus(row.status),
                (row.email or "").lower(),
                validation.phone_digits(row.phone),
                row.date_joined,
            )
            for key in {row.name_key, row.sort_name}:
                self._by_name[key].append(person)

    def match(
        self, line: int, data: MemberInput, keys: set[str] | None = None
    ) -> PossibleDuplicate | None:
        """The first existing member with the same name and email, phone or date joined.

        ``keys`` are ``members.name_keys(data)`` when the caller has them already.
        """
        seen: set[int] = set()
        for key in sorted(members.name_keys(data) if keys is None else keys):
            for person in self._by_name.get(key, ()):
                if person.id in seen:
                    continue
                seen.add(person.id)
                reasons = members.duplicate_reasons(
                    data, person.email, person.phone, person.date_joined
                )
                if reasons:
                    where = (
                        "already in the group"
                        if person.status is not MemberStatus.LEFT
                        else "who has left the group"
                    )
                    return PossibleDuplicate(
                        line, data.full_name, f"{person.name}, {where}", tuple(reasons), person.id
                    )
        return None


def _match_in_file(
    rows: Iterable[PreviewRow], keys: dict[int, set[str]]
) -> dict[int, PossibleDuplicate]:
    """Later rows with the same name and email, phone or date joined as an earlier row.

    ``keys`` holds each row's ``members.name_keys``.
    """
    first: dict[tuple[str, str, Any], int] = {}
    found: dict[int, PossibleDuplicate] = {}
    for row in rows:
        data = row.data
        if data is None:
            continue
        details = [
            ("email", (data.email or "").strip().lower()),
            ("phone", validation.phone_digits(data.phone)),
            ("date joined", data.date_joined),
        ]
        earlier: dict[int, list[str]] = defaultdict(list)
        for name in keys[row.line]:
            for reason, value in details:
                if not value:
                    continue
                key = (name, reason, value)
                if key in first and reason not in earlier[first[key]]:
                    earlier[first[key]].append(reason)
                first.setdefault(key, row.line)
        if earlier:
            line = min(earlier)
            reasons = ("name", *sorted(earlier[line], key=[d[0] for d in details].index))
            found[row.line] = PossibleDuplicate(
                row.line, data.full_name, f"the person on row {line}", reasons, other_line=line
            )
    return found


def field_problems(line: int, data: MemberInput, today: date) -> list[RowProblem]:
    """Every problem ``members.clean_input`` finds in a row, not only the first."""
    checks = FieldChecks()
    members.clean_fields(data, today, checks)
    if data.restricted is not None:
        members.restricted_values(data.restricted, checks)
    return [_problem(line, err, _value_of(data, err.field)) for err in checks.problems]


def _value_of(data: MemberInput, field: str) -> Any:
    """The value the row gave for ``field`` (as typed, for the report)."""
    if field == "access_other":
        return data.access.other
    if data.restricted is not None and hasattr(data.restricted, field):
        return getattr(data.restricted, field)
    return getattr(data, field, None)


def _problem(line: int, err: ValidationError, value: Any) -> RowProblem:
    if isinstance(value, date):
        shown = value.strftime("%d/%m/%Y")
    elif isinstance(value, AccessNeeds):
        shown = value.describe()
    else:
        shown = _shorten(str(value or ""))
    return RowProblem(line, FIELD_LABELS.get(err.field, err.field), shown, err.message)


def _as_typed(typed: str | None, reading: str) -> str:
    """The cell as typed, then how it was read when that differs: "15/06/27 (read as
    15/06/1927)"; the reading alone when the field has no cell of its own (full name
    made of first name and surname)."""
    if not typed:
        return reading
    shown = _shorten(typed)
    if not reading or " ".join(typed.split()) == reading:
        return shown
    return f"{shown} (read as {reading})"


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def mapping_problems_for(actor: Actor, headers: Sequence[str], mapping: Mapping) -> list[str]:
    """What is wrong with ``mapping`` for ``actor``'s account, in plain words (empty when
    it can be used): the columns it needs, and the fields the account may not import
    (restricted information; a Status column or its dates without the right to change a
    member's status). The mapping step shows these; ``check_mapping`` refuses them."""
    return mapping_problems(
        headers,
        mapping,
        may_import_restricted=actor.can(Permission.EDIT_RESTRICTED),
        may_set_status=actor.can(Permission.MANAGE_MEMBER_RECORDS),
    )


def check_mapping(actor: Actor, headers: tuple[str, ...], mapping: Mapping) -> None:
    """Refuse a mapping that cannot be used, naming every problem (ValidationError)."""
    if len(mapping) != len(headers):
        raise ValidationError("mapping", "Choose what each column holds, then try again.")
    problems = mapping_problems_for(actor, headers, mapping)
    if problems:
        raise ValidationError("mapping", "\n".join(problems))


@collector_paused()
def preview_import(
    session: Session,
    actor: Actor,
    table: ImportTable,
    mapping: Mapping,
    *,
    today: date | None = None,
    progress: Progress | None = None,
) -> ImportPreview:
    """Check every row of ``table`` as ``mapping`` reads it; nothing is saved.

    A problem's "What it says" is the cell as typed ("15/06/27"), followed by how it was
    read when that differs ("15/06/27 (read as 15/06/1927)").
    """
    require(session, actor, Permission.IMPORT_MEMBERS, "import members")
    check_mapping(actor, table.headers, mapping)
    day = today or date.today()
    total = len(table.rows)
    rows: list[PreviewRow] = []
    for number, source in enumerate(table.rows):
        if progress and number % PROGRESS_EVERY == 0:
            progress(number, total)
        data, cell_problems = row_input(
            source.cells, mapping, day, single_byte_csv=table.single_byte_csv
        )
        status = row_status(source.cells, mapping, cell_problems)
        typed = typed_cells(source.cells, mapping)
        # A blank Date joined means the import day; one that could not be read, unknown.
        joined = data.date_joined or (None if ImportField.DATE_JOINED.label in typed else day)
        left_on, check_in_on = row_status_dates(
            source.cells, mapping, status, joined, day, cell_problems
        )
        problems = [
            RowProblem(source.line, p.field, _shorten(p.value), p.reason) for p in cell_problems
        ]
        problems += [
            replace(p, value=_as_typed(typed.get(p.field), p.value))
            for p in field_problems(source.line, data, day)
        ]
        if problems:
            problems.sort(key=lambda p: _FIELD_ORDER.get(p.field, 99))
        rows.append(
            PreviewRow(
                source.line,
                data,
                tuple(problems),
                status=status,
                left_on=left_on,
                check_in_on=check_in_on,
            )
        )
    existing = ExistingMembers(session)
    valid = [r for r in rows if r.valid and r.data is not None]
    keys = {r.line: members.name_keys(r.data) for r in valid if r.data is not None}
    in_file = _match_in_file(valid, keys)
    checked = []
    for row in rows:
        if row.line in keys and row.data is not None:
            duplicate = existing.match(row.line, row.data, keys[row.line])
            row = replace(row, duplicate=duplicate or in_file.get(row.line))
        checked.append(row)
    if progress:
        progress(total, total)
    return ImportPreview(table.file_name, table.headers, mapping, tuple(checked), day)
