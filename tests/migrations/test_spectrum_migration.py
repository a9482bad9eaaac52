"""The spectrum revision (0011) goes down to 0010 and back up cleanly, keeping answers and
participants tied to their assessment (deleting one removes its rows; erasing a member
keeps their participation, without the link)."""

from __future__ import annotations

from datetime import date

from alembic import command
from sqlalchemy import inspect, text

from involve_desktop import paths
from involve_desktop.core.db.engine import create_engine_for
from involve_desktop.core.db.migrate import alembic_config, current_revision, migrate
from involve_desktop.core.services import members, spectrum
from involve_desktop.core.services.member_dto import MemberInput, Restricted
from involve_desktop.core.services.spectrum_dto import AnswerInput, AssessmentInput, OtherPerson
from involve_desktop.core.services.spectrum_statements import Answer

SPECTRUM_TABLES = {"spectrum_assessment", "spectrum_answer", "spectrum_member", "spectrum_other"}


def _step(engine, action, revision: str) -> None:
    config = alembic_config(paths.migrations_dir())
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        action(config, revision)


def test_spectrum_revision_downgrades_and_upgrades_again(database_url) -> None:
    engine = create_engine_for(database_url)
    migrate(engine, paths.migrations_dir(), None)
    assert set(inspect(engine).get_table_names()) >= SPECTRUM_TABLES
    _step(engine, command.downgrade, "0010")
    assert current_revision(engine) == "0010"
    tables = set(inspect(engine).get_table_names())
    assert not SPECTRUM_TABLES & tables
    assert {"member", "panel", "meeting"} <= tables  # earlier areas untouched
    _step(engine, command.upgrade, "0011")
    assert set(inspect(engine).get_table_names()) >= SPECTRUM_TABLES
    engine.dispose()


def test_answers_and_participants_follow_their_assessment(session, coordinator) -> None:
    member = members.create_member(
        session,
        coordinator,
        MemberInput(full_name="Zoë Okafor", restricted=Restricted(lived_experience=True)),
    )
    answers = (AnswerInput("g_influence", Answer.YES),)
    others = (OtherPerson("Priya Rao", "Trustee"),)
    data = AssessmentInput(
        date(2026, 5, 1), answers=answers, member_ids=(member.id,), others=others
    )
    spectrum.create_assessment(session, coordinator, data, today=date(2026, 6, 1))
    session.execute(text("DELETE FROM member WHERE id = :id"), {"id": member.id})
    kept = session.execute(text("SELECT member_id, lived_experience FROM spectrum_member"))
    assert [tuple(r) for r in kept] == [(None, True)]
    session.execute(text("DELETE FROM spectrum_assessment"))
    assert session.execute(text("SELECT COUNT(*) FROM spectrum_answer")).scalar() == 0
    assert session.execute(text("SELECT COUNT(*) FROM spectrum_member")).scalar() == 0
    assert session.execute(text("SELECT COUNT(*) FROM spectrum_other")).scalar() == 0
    session.rollback()
