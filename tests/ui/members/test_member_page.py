"""A member's page: details, restricted notes for coordinators only, training and consent words."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, member_records, members, reference_lists
from involve_desktop.core.services.member_dto import (
    AccessNeeds,
    ConsentHow,
    MemberInput,
    MemberStatus,
    Restricted,
)
from involve_desktop.ui.members import record_dialogs
from involve_desktop.ui.members.member_page import MemberPage
from involve_desktop.ui.members.members_view import MembersView
from tests.ui.members.test_members_view import (
    TODAY,
    YEAR_AGO,
    add,
    expired_training,
    give_role,
)


@pytest.fixture
def facilitator(session, coordinator):
    """A facilitator account: sees members, never restricted fields or the audit trail."""
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    return accounts.sign_in(session, "fran", "tuesday group")


SECRET = Restricted(lived_experience=True, emergency_contact="Mum, 07700 900999", notes="Private")


def make_page(qtbot, context, actor, member_id: int) -> MemberPage:
    page = MemberPage(context, actor)
    qtbot.addWidget(page)
    page.resize(1180, 680)
    page.show()
    assert page.show_member(member_id)
    return page


def everything(page: MemberPage) -> str:
    return "\n".join(page.texts())


def zoe(session, coordinator):
    return add(
        session,
        coordinator,
        "Zoë Adams",
        preferred_name="Zo",
        pronouns="she/her",
        email="zoe@example.org",
        access=AccessNeeds(large_print=True, step_free=True),
        restricted=SECRET,
    )


def test_coordinator_sees_details_restricted_notes_and_audit_trail(
    qtbot, context, coordinator, session
):
    member = zoe(session, coordinator)
    page = make_page(qtbot, context, coordinator, member.id)
    assert page.name_label.text() == "Zo Adams"
    assert page.summary_label.text() == "Active · she/her"
    text = everything(page)
    for expected in (
        "Zoë Adams",
        "zoe@example.org",
        format_date(YEAR_AGO),
        "Large print, Step-free access",
        "Mum, 07700 900999",
        "Private",
        "Added to the records",
    ):
        assert expected in text
    assert page.restricted.isVisibleTo(page)
    assert page.audit_trail.isVisibleTo(page)


def test_facilitator_page_has_no_restricted_section_and_no_audit_trail(
    qtbot, context, coordinator, facilitator, session
):
    member = zoe(session, coordinator)
    page = make_page(qtbot, context, facilitator, member.id)
    assert not page.restricted.isVisibleTo(page)
    assert not page.audit_trail.isVisibleTo(page)
    text = everything(page)
    assert "Zoë Adams" in text
    assert "07700 900999" not in text and "Private" not in text
    assert "Added to the records" not in text
    assert page.edit_button.isVisibleTo(page)  # facilitators may still edit details


def test_expired_and_due_training_in_words_with_icons(qtbot, context, coordinator, session):
    member = add(session, coordinator, "Amir Khan")
    expires = expired_training(session, coordinator, member.id)
    safeguarding = reference_lists.training_type_id(session, "safeguarding")
    due = TODAY + timedelta(days=20)
    member_records.record_training(
        session, coordinator, member.id, safeguarding, TODAY - timedelta(days=300), due
    )
    page = make_page(qtbot, context, coordinator, member.id)
    lines = page.training.texts()
    assert f"Peer support: Expired {format_date(expires)}" in "\n".join(lines)
    assert f"Safeguarding: Due for renewal — expires {format_date(due)}" in "\n".join(lines)
    icons = [label for label in page.training.findChildren(type(page.name_label)) if label.pixmap()]
    names = sorted(icon.accessibleName() for icon in icons if not icon.pixmap().isNull())
    assert names == ["Attention: ", "Problem: "]


def test_roles_current_and_past_with_dates(qtbot, context, coordinator, session):
    member = add(session, coordinator, "Bea Lowe")
    give_role(session, coordinator, member.id, "peer_supporter", date(2024, 5, 1))
    facilitator_role = reference_lists.role_type_id(session, "facilitator")
    member_records.add_role(
        session, coordinator, member.id, facilitator_role, date(2023, 1, 9), date(2024, 2, 1)
    )
    page = make_page(qtbot, context, coordinator, member.id)
    text = "\n".join(page.roles.texts())
    assert f"Peer supporter — since {format_date(date(2024, 5, 1))}" in text
    assert (
        f"Facilitator — {format_date(date(2023, 1, 9))} to {format_date(date(2024, 2, 1))} (ended)"
        in text
    )
    assert "Peer supporter" in page.summary_label.text()


def test_consent_review_due_and_empty_involvement(qtbot, context, coordinator, session):
    member = add(session, coordinator, "Chidi Okafor")
    page = make_page(qtbot, context, coordinator, member.id)
    assert "No consent recorded yet" in "\n".join(page.consent.texts())
    review = TODAY + timedelta(days=10)
    member_records.record_consent(
        session,
        coordinator,
        member.id,
        TODAY - timedelta(days=355),
        ConsentHow.WRITTEN,
        keeping_records=True,
        contact_email=True,
        review_on=review,
    )
    page.show_member(member.id)
    text = "\n".join(page.consent.texts())
    assert "No consent recorded yet" not in text
    assert "Agreed to: Keeping records, contact by email" in text
    assert f"Review due — by {format_date(review)}" in text
    assert "Nothing yet — shifts, meetings, panels and courses will appear here." in everything(
        page
    )


def test_stepping_back_shows_check_in_and_keeps_history(qtbot, context, coordinator, session):
    member = add(session, coordinator, "Dev Patel")
    check_in = TODAY + timedelta(days=30)
    members.change_status(
        session,
        coordinator,
        member.id,
        MemberStatus.STEPPING_BACK,
        TODAY,
        reason="A break",
        check_in_on=check_in,
    )
    page = make_page(qtbot, context, coordinator, member.id)
    assert page.summary_label.text() == f"Stepping back — check in on {format_date(check_in)}"
    history = page.history.texts()
    assert history[0].startswith(f"{format_date(TODAY)} — Stepping back: A break")
    assert history[1].startswith(f"{format_date(YEAR_AGO)} — Active: Joined")


def test_after_a_dialog_saves_the_page_and_list_row_refresh(
    qtbot, context, coordinator, session, monkeypatch
):
    member = add(session, coordinator, "Ewa Nowak")

    class FakeStatusDialog(QDialog):
        """Stands in for Change status…: saves through the service, as the real one does."""

        def __init__(self, context, actor, detail, parent=None):
            super().__init__(parent)
            self.context, self.actor, self.detail = context, actor, detail

        def exec(self) -> int:
            with self.context.session() as s:
                members.change_status(
                    s, self.actor, self.detail.id, MemberStatus.STEPPING_BACK, TODAY
                )
            return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(record_dialogs, "StatusDialog", FakeStatusDialog)
    view = MembersView(context, coordinator)
    qtbot.addWidget(view)
    view.show()
    view.open_member(member.id)
    qtbot.mouseClick(view.page.status_button, Qt.MouseButton.LeftButton)
    assert view.page.summary_label.text() == "Stepping back"
    assert view.model.index(0, 1).data() == "Stepping back"
    assert "Status: Active → Stepping back" in everything(view.page)  # the audit trail


def test_edit_fields_change_is_described_in_the_audit_trail(qtbot, context, coordinator, session):
    member = add(session, coordinator, "Fay Hill", email="fay@example.org")
    members.update_member(
        session, coordinator, member.id, MemberInput("Fay Hill", email="fay.hill@example.org")
    )
    page = make_page(qtbot, context, coordinator, member.id)
    assert "Email: fay@example.org → fay.hill@example.org" in everything(page)


def test_an_erased_persons_page_offers_no_change_and_says_why(qtbot, context, coordinator, session):
    """Erasure is read from the service (not the name): every action that would change or
    add something is disabled, and the page says so in place of the hints to use them."""
    from involve_desktop.core.services import gdpr_erasure

    member = add(session, coordinator, "Ruth Erased")
    gdpr_erasure.erase_member(session, coordinator, member.id, "Ruth Erased")
    page = make_page(qtbot, context, coordinator, member.id)
    erased_on = page.detail.erased_on
    assert erased_on is not None
    said = f"Erased on {format_date(erased_on)}: nothing about them can be changed or added."
    closed = [
        page.edit_button,
        page.status_button,
        page.role_button,
        page.training_button,
        page.consent_button,
        page.payment_button,
    ]
    for button in closed:
        assert button.isVisible() and not button.isEnabled(), button.text()
        assert button.toolTip() == said
    assert page.access_button.isEnabled()  # they may still ask what is held
    assert not page.erase_button.isVisible()
    assert said in page.summary_label.text()
    text = everything(page)
    assert said in "\n".join(page.consent.texts())
    assert "use Record consent" not in text and "use Set payment preference" not in text
    page.focus_first()
    assert page.focusWidget() is page.access_button  # the first action still open


def test_someone_named_like_an_erased_record_is_not_taken_for_erased(
    qtbot, context, coordinator, session
):
    """Only the service's erased flag closes a page: a name is only a name."""
    from dataclasses import replace

    from involve_desktop.core.services.member_names import anonymous_name

    member = add(session, coordinator, "Placeholder")
    data = members.get_member(session, coordinator, member.id).to_input()
    members.update_member(
        session, coordinator, member.id, replace(data, full_name=anonymous_name(member.id))
    )
    page = make_page(qtbot, context, coordinator, member.id)
    assert page.detail.erased_on is None
    assert page.edit_button.isEnabled() and page.erase_button.isVisible()
    assert "No consent recorded yet — use Record consent…" in "\n".join(page.consent.texts())
