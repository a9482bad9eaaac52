"""The you said, we did log: validation, status rules, listing, audit."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.audit import AuditEntry
from involve_desktop.core.services import activities_principles, you_said
from involve_desktop.core.services.activities_dto import Principles, YouSaidInput, YouSaidStatus

TODAY = date(2026, 6, 1)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        (YouSaidInput(TODAY, " "), "you_said"),
        (YouSaidInput(date(2026, 6, 2), "x"), "day"),
        (YouSaidInput(TODAY, "x", status=YouSaidStatus.DONE), "we_did"),
        (YouSaidInput(TODAY, "x", status=YouSaidStatus.NOT_POSSIBLE), "reason"),
        (YouSaidInput(TODAY, "x", activity_id=42), "activity_id"),
    ],
)
def test_entries_are_checked(session, coordinator, data, field):
    with pytest.raises(ValidationError) as raised:
        you_said.create_entry(session, coordinator, data, today=TODAY)
    assert raised.value.field == field


def test_entries_list_newest_first_by_status_and_are_audited(session, coordinator):
    old = you_said.create_entry(
        session, coordinator, YouSaidInput(date(2026, 1, 5), "Too noisy"), today=TODAY
    )
    you_said.create_entry(
        session,
        coordinator,
        YouSaidInput(
            date(2026, 2, 5),
            "Free parking",
            status=YouSaidStatus.NOT_POSSIBLE,
            reason="Not ours to change",
        ),
        today=TODAY,
    )
    done = you_said.update_entry(
        session,
        coordinator,
        old.id,
        YouSaidInput(
            date(2026, 1, 5), "Too noisy", "Moved rooms", YouSaidStatus.DONE, version=old.version
        ),
        today=TODAY,
    )
    assert done.status is YouSaidStatus.DONE and done.version == old.version + 1
    listed = you_said.list_entries(session, coordinator)
    assert [e.you_said for e in listed] == ["Free parking", "Too noisy"]
    assert [
        e.id for e in you_said.list_entries(session, coordinator, status=YouSaidStatus.DONE)
    ] == [old.id]
    with pytest.raises(ValidationError, match="Someone else"):
        you_said.update_entry(
            session,
            coordinator,
            old.id,
            YouSaidInput(date(2026, 1, 5), "y", version=old.version),
            today=TODAY,
        )
    you_said.delete_entry(session, coordinator, old.id)
    actions = session.scalars(
        select(AuditEntry.action).where(AuditEntry.entity == "you_said_entry")
    ).all()
    assert sorted(actions) == ["create", "create", "delete", "update"]


def test_principles_are_saved_once_and_changed(session, coordinator):
    assert activities_principles.get_principles(session, coordinator) == Principles()
    activities_principles.save_principles(
        session, coordinator, Principles("Led by members", date(2025, 9, 1)), today=TODAY
    )
    activities_principles.save_principles(
        session, coordinator, Principles("Led by members.", date(2025, 9, 2)), today=TODAY
    )
    assert activities_principles.get_principles(session, coordinator) == Principles(
        "Led by members.", date(2025, 9, 2)
    )
