"""Once someone's record is erased, their roles and training cannot be ended or removed."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.models.people import MemberRole, TrainingRecord
from involve_desktop.core.services import gdpr_erasure, member_records, members, reference_lists
from involve_desktop.core.services.erased_people import ERASED_RECORD
from involve_desktop.core.services.member_dto import MemberInput

TODAY = date(2026, 11, 26)


def test_an_erased_persons_roles_and_training_are_left_alone(session, coordinator) -> None:
    data = MemberInput(full_name="Zoë Adams", date_joined=date(2024, 5, 1))
    m = members.create_member(session, coordinator, data, today=TODAY)
    peer = reference_lists.role_type_id(session, "peer_supporter")
    training = reference_lists.training_type_id(session, "safeguarding")
    member_records.add_role(session, coordinator, m.id, peer, date(2025, 1, 1), today=TODAY)
    member_records.record_training(
        session, coordinator, m.id, training, date(2025, 2, 1), today=TODAY
    )
    role = session.scalar(select(MemberRole.id).where(MemberRole.member_id == m.id))
    course = session.scalar(select(TrainingRecord.id).where(TrainingRecord.member_id == m.id))
    gdpr_erasure.erase_member(session, coordinator, m.id, "Zoë Adams")
    attempts = [
        lambda: member_records.end_role(session, coordinator, role, date(2026, 11, 1)),
        lambda: member_records.remove_role(session, coordinator, role),
        lambda: member_records.remove_training(session, coordinator, course),
    ]
    for attempt in attempts:
        with pytest.raises(ValidationError) as error:
            attempt()
        assert (error.value.field, error.value.message) == ("member", ERASED_RECORD)
    assert session.get(MemberRole, role) is not None
    assert session.get(TrainingRecord, course) is not None
