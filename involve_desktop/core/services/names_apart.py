"""Telling apart people listed together who go by the same name.

Two peer supporters called "Zoë Clarke" on one rota read the same everywhere a coordinator
acts on them (the shift's list, who could cover, the Peer supporters list). Like the walk-in
"Who is this?" list, each of them gets a few words that tell them apart without showing
anything restricted: when they joined ("joined Mar 2024"), or their member number when that
is the same too. Names that clash with nobody get nothing, and nothing is read then.
``member_names.with_apart`` puts the words after the name. ``namesake_words`` does the same
for one person named alone (a refusal, a schedule's heading), against everyone in the records.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping

from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.models.people import Member
from involve_desktop.core.services.member_names import display_name
from involve_desktop.core.text import sort_key


def telling_apart(session: Session, names: Mapping[int, str]) -> dict[int, str]:
    """{member id: "joined Mar 2024" | "member no. 57"} for those of ``names`` (member id →
    the name shown) whose name another of them shares (accents and case ignored)."""
    same: dict[str, list[int]] = defaultdict(list)
    for member_id, name in names.items():
        same[sort_key(name)].append(member_id)
    clashing = [ids for ids in same.values() if len(ids) > 1]
    if not clashing:
        return {}
    wanted = sorted(i for ids in clashing for i in ids)
    joined = dict(
        session.execute(select(Member.id, Member.date_joined).where(Member.id.in_(wanted))).all()
    )
    apart: dict[int, str] = {}
    for ids in clashing:
        words = {i: f"joined {joined[i]:%b %Y}" if joined.get(i) else "" for i in ids}
        counts = Counter(words.values())
        for i in ids:
            apart[i] = words[i] if words[i] and counts[words[i]] == 1 else f"member no. {i}"
    return apart


def namesake_words(session: Session, member_id: int, name: str) -> str | None:
    """The words telling ``member_id`` (who goes by ``name``) apart from any other member in
    the records who goes by the same name, or None when nobody else does. Reads every
    member's name, so it is for one person named in a message or heading, not for lists."""
    key = sort_key(name)
    same = {
        other: shown
        for other, full, preferred in session.execute(
            select(Member.id, Member.full_name, Member.preferred_name).where(
                Member.id != member_id, Member.erased_at.is_(None)
            )
        )
        if sort_key(shown := display_name(full, preferred)) == key
    }
    if not same:
        return None
    return telling_apart(session, {**same, member_id: name}).get(member_id)
