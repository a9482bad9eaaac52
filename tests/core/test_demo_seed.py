"""The demo seeder: the same made-up people every run, in the shapes the app needs to show."""

from __future__ import annotations

from collections import Counter
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.db.migrate import migrate
from involve_desktop.core.demo import members as demo_members
from involve_desktop.core.demo.context import SEED, DemoContext, DemoSize, seeded_faker
from involve_desktop.core.demo.member_plans import member_plans
from involve_desktop.core.demo.seed import seed_demo
from involve_desktop.core.models.people import (
    Consent,
    Member,
    MemberRole,
    RoleType,
    TrainingRecord,
)
from involve_desktop.core.services import members
from involve_desktop.core.services.member_dto import MemberFilter, MemberStatus, TrainingState
from involve_desktop.core.services.member_records import training_state
from involve_desktop.core.services.member_search import list_members

TODAY = date(2026, 11, 26)


def _names(session: Session) -> list[str]:
    return list(session.scalars(select(Member.full_name).order_by(Member.id)))


def _people(session: Session) -> list[tuple]:
    return list(
        session.execute(
            select(Member.full_name, Member.preferred_name, Member.email, Member.status).order_by(
                Member.id
            )
        )
    )


def test_standard_demo_is_the_same_every_run(session: Session, tmp_path) -> None:
    seed_demo(session, DemoSize.STANDARD, today=TODAY)  # its speed: tests/benchmarks
    other = create_engine_for(sqlite_url(tmp_path / "second.sqlite3"))
    migrate(other, paths.migrations_dir(), tmp_path)
    with session_factory(other)() as second:
        seed_demo(second, DemoSize.STANDARD, today=TODAY)
        assert _people(second) == _people(session)
    other.dispose()
    assert len(_names(session)) == 60


def test_standard_demo_has_the_variety_the_screens_need(session: Session) -> None:
    seed_demo(session, DemoSize.STANDARD, today=TODAY)
    statuses = Counter(session.scalars(select(Member.status)))
    assert sum(statuses.values()) == 60
    assert statuses["active"] >= 35
    assert statuses["stepping_back"] >= 3 and statuses["left"] >= 3
    assert (
        session.scalar(
            select(func.count()).where(
                Member.status == "stepping_back", Member.check_in_on.is_not(None)
            )
        )
        == statuses["stepping_back"]
    )
    assert session.scalar(select(func.count()).where(Member.left_reason.is_not(None))) >= 1
    roles = Counter(
        session.scalars(
            select(RoleType.code).join(MemberRole, MemberRole.role_type_id == RoleType.id)
        )
    )
    for code in ("peer_supporter", "bank_peer_supporter", "panel_member", "facilitator"):
        assert roles[code] >= 1, code
    assert roles["council_member"] >= 1 and roles["staff"] >= 1
    states = Counter(
        training_state(expires, TODAY)
        for expires in session.scalars(select(TrainingRecord.expires_on))
    )
    assert states[TrainingState.CURRENT] >= 5
    assert states[TrainingState.DUE] >= 2 and states[TrainingState.EXPIRED] >= 2
    reviews = list(session.scalars(select(Consent.review_on)))
    assert any(review <= TODAY for review in reviews)  # some consent due for review
    assert session.scalar(select(func.count()).where(Member.preferred_name.is_not(None))) >= 2
    assert session.scalar(select(func.count()).where(Member.pronouns.is_not(None))) >= 5
    assert session.scalar(select(func.count()).where(Member.needs_large_print)) >= 1
    names = " ".join(_names(session))
    for name in ("Siobhán", "Zoë", "Łukasz", "Nguyễn"):
        assert name in names


def test_demo_contact_details_are_valid_and_fictional(session: Session) -> None:
    seed_demo(session, DemoSize.STANDARD, today=TODAY)
    for email, phone in session.execute(select(Member.email, Member.phone)):
        assert email is None or email.rsplit("@", 1)[1] in {
            "example.org",
            "example.com",
            "example.net",
        }
        assert phone is None or phone.startswith(("07700 900", "01632 960"))


def test_large_demo_is_bulk_inserted_with_the_services_derived_columns(session: Session) -> None:
    coordinator = seed_demo(session, DemoSize.LARGE, today=TODAY)
    assert session.scalar(select(func.count(Member.id))) == 10_000
    # Every derived column is exactly what the member service would have written.
    for member in session.scalars(select(Member).order_by(Member.id).limit(400)):
        expected = Member(full_name=member.full_name, preferred_name=member.preferred_name)
        expected.email, expected.phone = member.email, member.phone
        members.apply_values(expected, {})
        assert (member.sort_name, member.name_key, member.search_text) == (
            expected.sort_name,
            expected.name_key,
            expected.search_text,
        )
    listed = list_members(session, coordinator, MemberFilter(search="jam"), today=TODAY)
    assert listed.total_matching > 0
    for row in listed.rows:
        found = " ".join((row.full_name, row.display_name, row.email or "")).casefold()
        assert "jam" in found
    both = list_members(
        session,
        coordinator,
        MemberFilter(statuses=frozenset(MemberStatus)),
        today=TODAY,
    )
    assert both.total_matching == 10_000


def test_bulk_and_service_paths_store_the_same_person(session: Session, coordinator) -> None:
    import random

    (plan,) = member_plans(1, TODAY, seeded_faker(1), random.Random(SEED + 2))
    ctx = DemoContext(session, coordinator, seeded_faker(), DemoSize.STANDARD, TODAY)
    demo_members._store_with_services(ctx, [plan])
    demo_members.store_in_bulk(session, coordinator.display_name, [plan], TODAY)
    columns = [
        c for c in Member.__table__.columns if c.key not in {"id", "created_at", "updated_at"}
    ]
    by_service, in_bulk = session.execute(select(*columns).order_by(Member.id)).all()
    assert by_service == in_bulk
    rows = session.execute(
        select(TrainingRecord.completed_on, TrainingRecord.expires_on).order_by(TrainingRecord.id)
    ).all()
    assert rows[: len(rows) // 2] == rows[len(rows) // 2 :]


def test_the_sign_in_window_names_a_facilitator_account_that_works(session: Session) -> None:
    from involve_desktop.core.demo.account import DEMO_FACILITATOR_USERNAME, DEMO_PASSWORD
    from involve_desktop.core.permissions import Role
    from involve_desktop.core.services import accounts, meetings_access

    seed_demo(session, DemoSize.STANDARD, today=TODAY)
    fran = accounts.sign_in(session, DEMO_FACILITATOR_USERNAME, DEMO_PASSWORD)
    assert fran.role is Role.FACILITATOR
    assert meetings_access.linked_group_ids(session, fran)  # runs some groups, to try it out
