"""The erase dialog says what erasing ends and what is still owed, and asks for a tick
before erasing someone owed money."""

from __future__ import annotations

from datetime import date, time, timedelta

import pytest
from PySide6.QtWidgets import QMessageBox

from involve_desktop.core.models import PayLine, RotaAssignment, RotaShift, RotaSite
from involve_desktop.core.models.people import Member
from involve_desktop.core.services import members
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.ui.gdpr.erase_dialog import EraseDialog


@pytest.fixture
def messages(monkeypatch):
    said: list[str] = []

    def info(_parent, _title, text, *args):
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", info)
    return said


def _alan(session, coordinator, owed_pence: int = 0) -> int:
    data = MemberInput(full_name="Alan Wright", date_joined=date(2015, 1, 5))
    member_id = members.create_member(session, coordinator, data).id
    site = RotaSite(name="Ward 4")
    session.add(site)
    session.flush()
    for days in (3, 10):
        shift = RotaShift(
            site_id=site.id,
            day=date.today() + timedelta(days=days),
            start_time=time(9),
            end_time=time(13),
        )
        session.add(shift)
        session.flush()
        session.add(RotaAssignment(shift_id=shift.id, member_id=member_id, assigned_by="Sam"))
    if owed_pence:
        session.add(
            PayLine(
                member_id=member_id,
                source_kind="rota_assignment",
                source_id=1,
                day=date.today() - timedelta(days=20),
                activity="rota_shift",
                description="Ward 4 shift",
                basis="per_session",
                sessions=1,
                rate_pence=owed_pence,
                amount_pence=owed_pence,
                status="approved",
                created_by="Sam",
            )
        )
    session.commit()
    return member_id


def test_money_owed_is_said_and_must_be_ticked(qtbot, context, coordinator, session, messages):
    member_id = _alan(session, coordinator, owed_pence=87000)
    dialog = EraseDialog(context, coordinator, member_id, "Alan Wright")
    qtbot.addWidget(dialog)
    assert "2 shifts after today come off the rota" in dialog.ends.text()
    assert "£870.00 approved and not yet paid" in dialog.money.text()
    assert f"'Erased person {member_id}'" in dialog.money.text()
    qtbot.keyClicks(dialog.typed, "Alan Wright")
    assert not dialog.erase_button.isEnabled()  # the tick is still missing
    dialog.understood.setChecked(True)
    assert dialog.erase_button.isEnabled()
    dialog.erase_button.click()
    assert dialog.result() == EraseDialog.DialogCode.Accepted
    session.rollback()
    assert session.get(Member, member_id).status == "left"


def test_nothing_owed_needs_no_tick(qtbot, context, coordinator, session):
    member_id = _alan(session, coordinator)
    dialog = EraseDialog(context, coordinator, member_id, "Alan Wright")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.money.isVisible() and not dialog.understood.isVisible()
    qtbot.keyClicks(dialog.typed, "Alan Wright")
    assert dialog.erase_button.isEnabled()


def test_what_ends_names_group_lists_and_apologies():
    from involve_desktop.core.services.gdpr_dto import ErasurePreview
    from involve_desktop.ui.gdpr.erase_dialog import what_ends

    nothing = ErasurePreview(1, "Alan Wright", "Erased person 1", 0, 0, 0, 0, 0, 0)
    assert "Nothing is still to come for them" in what_ends(nothing)
    groups = ErasurePreview(1, "Alan Wright", "Erased person 1", 0, 0, 0, 0, 0, 0, 2, 1)
    text = what_ends(groups)
    assert "come off meeting groups' lists and stop facilitating (2 places)" in text
    assert "1 apology for meetings after today" in text
    assert "Nothing is still to come" not in text
