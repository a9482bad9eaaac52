"""The members list's per-person figures (roles, training expired or due, consent review date,
peer supporter count), read in SQL by ``list_members``, against the plain computation from
the records read one by one; and on the demo, the whole list."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from involve_desktop.core.demo.seed import seed_demo
from involve_desktop.core.models.people import (
    Consent,
    Member,
    MemberRole,
    RoleType,
    TrainingRecord,
)
from involve_desktop.core.services import member_records, member_search, members, reference_lists
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import (
    MemberFilter,
    MemberInput,
    MemberList,
    MemberStatus,
)
from involve_desktop.core.services.member_records import TRAINING_DUE_DAYS
from involve_desktop.core.services.member_search import (
    NO_EXPIRY,
    PEER_ROLE_CODES,
    filtered_ids,
    list_members,
)

TODAY = date(2026, 3, 2)


def plain_list(session: Session, filt: MemberFilter, today: date) -> dict[int, tuple]:
    """Each listed member's figures worked out from their records, one member at a time."""
    wanted = set(session.scalars(filtered_ids(filt, today)))
    figures = {}
    for member in session.scalars(select(Member).where(Member.id.in_(wanted))):
        held = session.execute(
            select(RoleType.name, RoleType.code)
            .join(MemberRole, MemberRole.role_type_id == RoleType.id)
            .where(
                MemberRole.member_id == member.id,
                (MemberRole.end_on.is_(None)) | (MemberRole.end_on >= today),
            )
            .order_by(RoleType.sort_order, RoleType.name)
        ).all()
        latest: dict[int, date] = defaultdict(lambda: date.min)
        for record in session.scalars(
            select(TrainingRecord).where(TrainingRecord.member_id == member.id)
        ):
            expiry = record.expires_on or NO_EXPIRY
            latest[record.training_type_id] = max(latest[record.training_type_id], expiry)
        expired = sum(1 for d in latest.values() if d < today)
        due = sum(1 for d in latest.values() if today <= d <= _due_limit(today))
        reviews = [
            c.review_on
            for c in session.scalars(select(Consent).where(Consent.member_id == member.id))
            if c.review_on is not None
        ]
        figures[member.id] = (
            tuple(dict.fromkeys(name for name, _ in held)),
            due,
            expired,
            max(reviews, default=None),
            any(code in PEER_ROLE_CODES for _, code in held),
        )
    return figures


def _due_limit(today: date) -> date:
    return date.fromordinal(today.toordinal() + TRAINING_DUE_DAYS)


def agrees(result: MemberList, plain: dict[int, tuple]) -> None:
    """``result`` shows exactly the members in ``plain`` with the same figures."""
    assert {r.id for r in result.rows} == set(plain)
    for row in result.rows:
        roles, due, expired, review, _peer = plain[row.id]
        assert (row.roles, row.training_due, row.training_expired, row.consent_review_on) == (
            roles,
            due,
            expired,
            review,
        ), row.display_name
    assert result.total_matching == len(plain)
    assert result.peer_supporters_matching == sum(1 for p in plain.values() if p[4])


@pytest.fixture
def people(session: Session, coordinator: Actor) -> dict[str, int]:
    """Members with training in every state, roles past and present, and consents."""
    ids: dict[str, int] = {}
    for name in ("Amy Expired", "Ben Due", "Cal Renewed", "Dee Lifetime", "Eve Both", "Fay None"):
        ids[name.split()[0].lower()] = members.create_member(
            session,
            coordinator,
            MemberInput(full_name=name, date_joined=date(2024, 1, 8)),
            today=TODAY,
        ).id
    peer_support = reference_lists.training_type_id(session, "peer_support")
    safeguarding = reference_lists.training_type_id(session, "safeguarding")

    def trained(who: str, kind: int, done: date, until: date | None) -> None:
        member_records.record_training(
            session,
            coordinator,
            ids[who],
            kind,
            done,
            until,
            no_expiry=until is None,
            today=TODAY,
        )

    trained("amy", peer_support, date(2023, 1, 1), date(2026, 1, 1))  # expired
    trained("ben", peer_support, date(2024, 3, 1), date(2026, 4, 1))  # due within 60 days
    trained("cal", peer_support, date(2023, 1, 1), date(2026, 1, 1))
    trained("cal", peer_support, date(2026, 1, 5), date(2028, 1, 5))  # renewed: neither
    trained("dee", safeguarding, date(2020, 1, 1), None)  # does not expire
    trained("eve", peer_support, date(2023, 1, 1), date(2026, 2, 1))  # expired
    trained("eve", safeguarding, date(2025, 1, 1), date(2026, 3, 20))  # and one due
    trained("eve", safeguarding, date(2020, 1, 1), date(2021, 1, 1))  # older: replaced
    peer = reference_lists.role_type_id(session, "peer_supporter")
    bank = reference_lists.role_type_id(session, "bank_peer_supporter")
    staff = reference_lists.role_type_id(session, "staff")
    for who, role, start in (
        ("amy", staff, date(2024, 1, 8)),
        ("amy", peer, date(2024, 1, 8)),
        ("ben", bank, date(2024, 1, 8)),
        ("cal", peer, date(2024, 1, 8)),
    ):
        member_records.add_role(session, coordinator, ids[who], role, start, today=TODAY)
    ended = session.scalar(select(MemberRole).where(MemberRole.member_id == ids["cal"]))
    member_records.end_role(session, coordinator, ended.id, date(2025, 1, 1), today=TODAY)
    session.add_all(
        [
            Consent(
                member_id=ids["amy"],
                given_on=date(2024, 1, 8),
                how="written",
                review_on=date(2026, 1, 8),
            ),
            Consent(
                member_id=ids["amy"],
                given_on=date(2026, 1, 9),
                how="verbal",
                review_on=date(2028, 1, 9),
            ),
            Consent(member_id=ids["ben"], given_on=date(2024, 1, 8), how="written", review_on=None),
        ]
    )
    session.commit()
    members.change_status(
        session, coordinator, ids["fay"], MemberStatus.LEFT, date(2026, 2, 1), today=TODAY
    )
    return ids


@pytest.mark.parametrize("at_once", [0, 900])
def test_list_figures_agree_with_the_records(
    session: Session,
    coordinator: Actor,
    people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    at_once: int,
) -> None:
    monkeypatch.setattr(member_search, "IDS_AT_ONCE", at_once)  # ids as a list, or a select
    for filt in (
        MemberFilter(),
        MemberFilter(statuses=frozenset(MemberStatus)),
        MemberFilter(search="e"),
        MemberFilter(role_type_id=reference_lists.role_type_id(session, "peer_supporter")),
    ):
        agrees(
            list_members(session, coordinator, filt, today=TODAY), plain_list(session, filt, TODAY)
        )
    rows = {r.id: r for r in list_members(session, coordinator, today=TODAY).rows}
    assert (rows[people["amy"]].training_expired, rows[people["amy"]].training_due) == (1, 0)
    assert (rows[people["ben"]].training_expired, rows[people["ben"]].training_due) == (0, 1)
    assert (rows[people["cal"]].training_expired, rows[people["cal"]].training_due) == (0, 0)
    assert (rows[people["dee"]].training_expired, rows[people["dee"]].training_due) == (0, 0)
    assert (rows[people["eve"]].training_expired, rows[people["eve"]].training_due) == (1, 1)
    assert rows[people["amy"]].roles == ("Peer supporter", "Staff")  # in the roles' own order
    assert rows[people["cal"]].roles == ()  # the role ended
    assert rows[people["amy"]].consent_review_on == date(2028, 1, 9)
    assert people["fay"] not in rows  # left: not in the default list


def test_demo_list_agrees_with_the_records(session: Session) -> None:
    today = date(2026, 11, 26)
    demo = seed_demo(session, today=today)
    for filt in (MemberFilter(), MemberFilter(search="an")):
        result = list_members(session, demo, filt, today=today)
        assert result.total_matching > 0
        agrees(result, plain_list(session, filt, today))
        names = [(r.sort_name, r.id) for r in result.rows]
        assert names == sorted(names)  # alphabetical by the name they go by


def test_the_cycle_collector_is_back_on_after_the_list(
    session: Session, coordinator: Actor, people: dict[str, int]
) -> None:
    import gc

    assert gc.isenabled()
    assert list_members(session, coordinator, today=TODAY).total_matching == 5
    assert gc.isenabled()  # paused only while the rows were made
    gc.disable()
    try:
        list_members(session, coordinator, today=TODAY)
        assert not gc.isenabled()  # left as the caller had it
    finally:
        gc.enable()
