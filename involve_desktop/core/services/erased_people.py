"""The one check that stops new involvement being recorded for someone who was erased.

An erased person's record stays only so the group's figures still count what they did.
Nothing new may be added for them: no claim, pay line, payment preference, shift, panel
seat, enrolment, attendance, place on a group's list or facilitating. Every service that
adds such a row for a chosen person calls ``refuse_erased`` (attendance names them, with
``meetings_attendance.refuse_erased_named``) with the field the person was chosen in.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.people import Member

# An erased person's own record: nothing about them changed or added again.
ERASED_RECORD = "This person's record was erased; nothing about them can be changed or added."


def erased_among(session: Session, member_ids: Iterable[int | None]) -> set[int]:
    """Those of ``member_ids`` whose record was erased (one query; none asked, none run)."""
    wanted = {i for i in member_ids if i is not None}
    if not wanted:
        return set()
    return set(
        session.scalars(
            select(Member.id).where(Member.id.in_(wanted), Member.erased_at.is_not(None))
        )
    )


def refuse_erased(
    session: Session, member_ids: Iterable[int | None], field: str, doing: str
) -> None:
    """ValidationError naming ``field`` if any of ``member_ids`` was erased.

    ``doing`` finishes the sentence "they cannot be …", e.g. "put on the rota".
    """
    if erased_among(session, member_ids):
        raise ValidationError(field, f"This person's record was erased; they cannot be {doing}.")
