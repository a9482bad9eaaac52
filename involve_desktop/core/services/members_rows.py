"""New members' rows: one member as an ORM object, or thousands as bulk INSERTs (imports).

Both write the same columns: a new active member with its derived search columns and its
first status history entry, "Joined".
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from involve_desktop.core.models.people import Member, StatusChange
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberStatus
from involve_desktop.core.services.member_names import derived_columns


def new_member_row(values: dict[str, Any]) -> dict[str, Any]:
    """The columns of a new active member from cleaned values (``clean_input`` and maybe
    ``restricted_values``), derived search columns included.

    The id, ``created_at``/``updated_at`` and ``version`` (1) are left to the columns'
    defaults. Used for one member (``new_member``) and for many (``insert_new_members``).
    """
    row = {"status": MemberStatus.ACTIVE.value, **values}
    row |= derived_columns(
        row["full_name"], row.get("preferred_name"), row.get("email"), row.get("phone")
    )
    return row


def joined_row(values: dict[str, Any], actor: Actor) -> dict[str, Any]:
    """The columns of a new member's first status history entry, "Joined" (no member_id)."""
    return {
        "status": MemberStatus.ACTIVE.value,
        "effective_on": values["date_joined"],
        "reason": "Joined",
        "recorded_by": actor.display_name,
    }


def new_member(values: dict[str, Any], actor: Actor) -> Member:
    """A new active member from cleaned values, with its "Joined" history (not yet added)."""
    member = Member(**new_member_row(values))
    member.status_changes.append(StatusChange(**joined_row(values, actor)))
    return member


def insert_new_members(
    session: Session, many_values: Sequence[dict[str, Any]], actor: Actor
) -> list[int]:
    """Add many new active members, each with its "Joined" history, and return their ids
    in the order given.

    The same rows as ``new_member`` writes, sent as two bulk INSERTs (SQLAlchemy's
    "insertmanyvalues") instead of one ORM object each: for imports of thousands of lines.
    Runs inside the caller's transaction and does not audit (the caller does).
    """
    if not many_values:
        return []
    if not session.get_bind().dialect.insert_executemany_returning_sort_by_parameter_order:
        # SQLite before 3.35 has no RETURNING: the ORM's one INSERT per member instead.
        created = [new_member(values, actor) for values in many_values]
        session.add_all(created)
        session.flush()
        return [member.id for member in created]
    rows = [new_member_row(values) for values in many_values]
    # Every row names the same columns, so the INSERT is sent in batches; an optional
    # column a row leaves out (e.g. restricted fields) is NULL, as the ORM would leave it.
    columns = dict.fromkeys(key for row in rows for key in row)
    rows = [dict.fromkeys(columns) | row for row in rows]
    # Core INSERTs of the tables: the columns' own defaults (created_at/updated_at now,
    # version 1, as the ORM's version counter starts it) fill what the rows leave out.
    table = Member.__table__
    ids = list(
        session.scalars(
            insert(table).returning(table.c.id, sort_by_parameter_order=True),
            rows,
        )
    )
    history = [
        joined_row(values, actor) | {"member_id": member_id}
        for values, member_id in zip(many_values, ids, strict=True)
    ]
    session.execute(insert(StatusChange.__table__), history)
    return ids
