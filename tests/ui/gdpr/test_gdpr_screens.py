"""GDPR screens: the member page actions, the erase dialog, Settings → Privacy and the reviews."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from involve_desktop.core.models.people import Member
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import accounts, gdpr_review, members
from involve_desktop.core.services.member_dto import MemberInput, MemberStatus, Restricted
from involve_desktop.ui.gdpr import subject_access_export
from involve_desktop.ui.gdpr.consent_review_dialog import ConsentReviewDialog
from involve_desktop.ui.gdpr.erase_dialog import EraseDialog
from involve_desktop.ui.gdpr.privacy_tab import PrivacyTab
from involve_desktop.ui.gdpr.retention_review_dialog import RetentionReviewDialog
from involve_desktop.ui.members.member_page import MemberPage


@pytest.fixture
def facilitator(session, coordinator):
    """A facilitator account: no GDPR actions."""
    accounts.create_account(session, coordinator, "Fran", "fran", "tuesday group", Role.FACILITATOR)
    return accounts.sign_in(session, "fran", "tuesday group")


@pytest.fixture
def messages(monkeypatch):
    """Message boxes answered at once; what they said is kept."""
    said: list[str] = []

    def info(_parent, _title, text, *args):
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "information", info)
    monkeypatch.setattr(QMessageBox, "warning", info)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    return said


def _alan(session, coordinator, left_on=None) -> int:
    data = MemberInput(
        full_name="Alan Wright",
        email="alan@example.org",
        date_joined=date(2015, 1, 5),
        restricted=Restricted(True, "Mum", "Private"),
    )
    member_id = members.create_member(session, coordinator, data).id
    if left_on:
        members.change_status(session, coordinator, member_id, MemberStatus.LEFT, left_on)
    return member_id


def _page(qtbot, context, actor, member_id) -> MemberPage:
    page = MemberPage(context, actor)
    qtbot.addWidget(page)
    page.show()
    assert page.show_member(member_id)
    return page


def test_coordinator_exports_from_the_member_page(
    qtbot, context, coordinator, session, tmp_path, monkeypatch, messages
):
    member_id = _alan(session, coordinator)
    page = _page(qtbot, context, coordinator, member_id)
    assert page.access_button.isVisibleTo(page) and page.erase_button.isVisibleTo(page)
    out = tmp_path / "usb"
    out.mkdir()
    monkeypatch.setattr(subject_access_export, "choose_folder", lambda _parent: out)
    page.access_button.click()
    folder = next(out.iterdir())
    assert folder.name.startswith("alan-wright-subject-access-")
    assert sorted(p.suffix for p in folder.iterdir()) == [".json", ".pdf"]
    assert str(folder) in messages[-1]


def test_facilitator_sees_neither_action(qtbot, context, coordinator, facilitator, session):
    member_id = _alan(session, coordinator)
    page = _page(qtbot, context, facilitator, member_id)
    assert not page.access_button.isVisibleTo(page)
    assert not page.erase_button.isVisibleTo(page)


def test_erase_dialog_needs_the_name_and_keeps_a_wrong_one(
    qtbot, context, coordinator, session, messages
):
    member_id = _alan(session, coordinator)
    dialog = EraseDialog(context, coordinator, member_id, "Alan Wright")
    qtbot.addWidget(dialog)
    assert not dialog.erase_button.isEnabled()
    qtbot.keyClicks(dialog.typed, "Alan W")
    dialog.erase_button.click()
    assert "exactly as shown" in dialog.labels["typed_name"].text()
    assert dialog.typed.text() == "Alan W"
    assert session.get(Member, member_id).full_name == "Alan Wright"
    dialog.typed.setText("Alan Wright")
    dialog.erase_button.click()
    assert dialog.result() == EraseDialog.DialogCode.Accepted
    session.rollback()
    assert session.get(Member, member_id).full_name == f"Erased person {member_id}"
    assert "Backups made before" in messages[-1]


def test_privacy_tab_saves_years(qtbot, context, coordinator, session):
    tab = PrivacyTab(context, coordinator)
    qtbot.addWidget(tab)
    assert tab.years.value() == 6
    tab.years.setValue(3)
    tab.save_button.click()
    assert tab.saved_label.text() == "✓ Saved."
    session.rollback()
    assert gdpr_review.retention_years(session) == 3


def test_retention_review_anonymises_the_selected(qtbot, context, coordinator, session, messages):
    member_id = _alan(session, coordinator, left_on=date(2018, 3, 1))
    dialog = RetentionReviewDialog(context, coordinator)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.row_at(0).name == "Alan Wright"
    dialog.select_all_button.click()
    dialog.anonymise_button.click()
    assert messages[-1].startswith("1 person anonymised.")
    assert dialog.model.rowCount() == 0
    session.rollback()
    assert session.get(Member, member_id).erased_at is not None


def test_consent_review_opens_the_member(qtbot, context, coordinator, session):
    member_id = _alan(session, coordinator)
    dialog = ConsentReviewDialog(context, coordinator)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.data(dialog.model.index(0, 2)) == "Never recorded"
    with qtbot.waitSignal(dialog.member_chosen) as chosen:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Return)
    assert chosen.args == [member_id]


def test_models_pass_the_model_tester(qtbot, qtmodeltester, context, coordinator, session):
    _alan(session, coordinator, left_on=date(2018, 3, 1))
    members.create_member(session, coordinator, MemberInput(full_name="Cat Lee"))
    review = RetentionReviewDialog(context, coordinator)
    consent = ConsentReviewDialog(context, coordinator)
    qtbot.addWidget(review)
    qtbot.addWidget(consent)
    qtmodeltester.check(review.model)
    qtmodeltester.check(consent.model)
    assert review.model.rowCount() == 1 and consent.model.rowCount() == 1


def test_reviews_open_in_a_sensible_order(qtbot, context, coordinator, session):
    for name, left in (("Zed Early", date(2017, 1, 2)), ("Amy Later", date(2018, 5, 6))):
        member_id = members.create_member(
            session, coordinator, MemberInput(full_name=name, date_joined=date(2015, 1, 5))
        ).id
        members.change_status(session, coordinator, member_id, MemberStatus.LEFT, left)
    for name in ("Yan Zhou", "Bea Ames"):
        members.create_member(session, coordinator, MemberInput(full_name=name))
    review = RetentionReviewDialog(context, coordinator)
    consent = ConsentReviewDialog(context, coordinator)
    qtbot.addWidget(review)
    qtbot.addWidget(consent)

    def shown(dialog):
        proxy = dialog.proxy
        return [proxy.data(proxy.index(row, 0)) for row in range(proxy.rowCount())]

    assert shown(review) == ["Zed Early", "Amy Later"]  # longest gone first
    assert shown(consent) == ["Bea Ames", "Yan Zhou"]


def test_settings_has_privacy_for_coordinators_only(qtbot, context, coordinator, facilitator):
    from involve_desktop.ui.settings.settings_view import SettingsView

    def tabs(actor):
        view = SettingsView(context, actor)
        qtbot.addWidget(view)
        return [view.tabs.tabText(i).replace("&", "") for i in range(view.tabs.count())]

    assert "Privacy" in tabs(coordinator)
    assert "Privacy" not in tabs(facilitator)


def test_an_erased_person_has_no_erase_button(qtbot, context, coordinator, session):
    from involve_desktop.core.services import gdpr_erasure

    member_id = _alan(session, coordinator)
    gdpr_erasure.erase_member(session, coordinator, member_id, "Alan Wright")
    page = _page(qtbot, context, coordinator, member_id)
    assert page.name_label.text() == f"Erased person {member_id}"
    assert not page.erase_button.isVisibleTo(page)
    assert page.access_button.isVisibleTo(page)
