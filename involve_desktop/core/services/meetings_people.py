"""People as the meetings area shows them: the name they go by, in alphabetical order.

Only names: never roles, lived experience or anything that says why someone comes.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.people import Member
from involve_desktop.core.services.meetings_dto import PersonRef
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.text import sort_key


def name_order(name: str, member_id: int) -> tuple[str, str, int]:
    """Sort key: alphabetical by the name someone goes by (accents and case ignored)."""
    return sort_key(name), name, member_id


def names_of(session: Session, member_ids: Iterable[int]) -> dict[int, str]:
    """The name each of these members goes by (missing ids are left out)."""
    wanted = sorted(set(member_ids))
    if not wanted:
        return {}
    rows = session.execute(
        select(Member.id, Member.full_name, Member.preferred_name).where(Member.id.in_(wanted))
    )
    return {id_: display_name(full, preferred) for id_, full, preferred in rows}


def people(session: Session, member_ids: Iterable[int]) -> tuple[PersonRef, ...]:
    """These members as ``PersonRef``, alphabetical by the name they go by."""
    names = names_of(session, member_ids)
    ordered = sorted(names.items(), key=lambda pair: name_order(pair[1], pair[0]))
    return tuple(PersonRef(id_, name) for id_, name in ordered)


def checked_members(
    session: Session, member_ids: Iterable[int], field: str = "members"
) -> dict[int, str]:
    """Names of ``member_ids``; ValidationError (naming ``field``) if any is not a member."""
    wanted = set(member_ids)
    names = names_of(session, wanted)
    if len(names) != len(wanted):
        raise ValidationError(
            field, "Someone chosen is no longer in the members list. Refresh and choose again."
        )
    return names


def listed(names: Iterable[str]) -> str:
    """ "Aisha Khan, Ben Okafor" in alphabetical order (for the audit trail)."""
    return ", ".join(sorted(names, key=sort_key))
