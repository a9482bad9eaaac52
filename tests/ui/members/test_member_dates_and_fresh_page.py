"""A member's dates in the edit dialog are kept as they are, and a member's page left open
shows what was changed in another area when the person comes back to Members."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialog
from sqlalchemy import update

from involve_desktop.core.models.people import Member
from involve_desktop.core.services import members, payments_expenses
from involve_desktop.core.services.member_dto import MemberInput
from involve_desktop.core.services.payments_dto import ExpenseInput, ExpenseKind
from involve_desktop.ui.main_window import MainWindow
from involve_desktop.ui.members.member_dialog import MemberDialog
from tests.ui.typing import type_text


def test_editing_other_details_keeps_an_old_date_joined_as_it_is(qtbot, context, coordinator):
    with context.session() as session:
        zoe = members.create_member(
            session, coordinator, MemberInput("Zoë Adams", date_joined=date(2020, 5, 1))
        )
        # An old record (from before dates were checked) says 1850.
        session.execute(
            update(Member).where(Member.id == zoe.id).values(date_joined=date(1850, 1, 1))
        )
        session.commit()
        zoe = members.get_member(session, coordinator, zoe.id)
    dialog = MemberDialog(context, coordinator, zoe)
    qtbot.addWidget(dialog, before_close_func=lambda d: QDialog.done(d, 0))
    dialog.show()
    assert dialog.fields.date_joined.date() == QDate(1850, 1, 1)  # shown, not moved to 1900
    type_text(qtbot, dialog.fields.phone, "07700 900123")
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is not None, dialog.fields.errors["date_joined"].text()
    with context.session() as session:
        saved = members.get_member(session, coordinator, zoe.id)
    assert saved.phone == "07700 900123" and saved.date_joined == date(1850, 1, 1)


def test_changing_an_old_date_joined_to_another_slip_is_refused_beside_the_field(
    qtbot, context, coordinator
):
    with context.session() as session:
        zoe = members.create_member(
            session, coordinator, MemberInput("Zoë Adams", date_joined=date(2020, 5, 1))
        )
    dialog = MemberDialog(context, coordinator, zoe)
    qtbot.addWidget(dialog, before_close_func=lambda d: QDialog.done(d, 0))
    dialog.show()
    dialog.fields.date_joined.setDate(QDate(1901, 1, 1))
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert dialog.saved is None
    assert "looks like a typing slip" in dialog.fields.errors["date_joined"].text()


def test_coming_back_to_members_shows_a_claim_added_in_payments(qtbot, context, coordinator):
    with context.session() as session:
        zoe = members.create_member(
            session, coordinator, MemberInput("Zoë Adams", date_joined=date(2020, 5, 1))
        )
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show()
    window.show_area("members")
    view = window.members_view
    view.open_member(zoe.id)
    assert any("expenses £0.00" in text for text in view.page.texts())

    window.show_area("payments")
    with context.session() as session:
        payments_expenses.add_claim(
            session,
            coordinator,
            ExpenseInput(zoe.id, ExpenseKind.TRAVEL, date.today(), 460, True, None),
        )
    window.show_area("members")
    assert view.showing_member()
    qtbot.waitUntil(lambda: any("expenses £4.60" in text for text in view.page.texts()))


def test_going_from_home_to_another_member_keeps_the_keyboard_in_the_window(
    qtbot, context, coordinator
):
    """Members is refreshed, then the other member's page opened, in one go (Home's "go to")."""
    with context.session() as session:
        ids = [
            members.create_member(
                session, coordinator, MemberInput(name, date_joined=date(2020, 5, 1))
            ).id
            for name in ("Zoë Adams", "Amir Khan")
        ]
    window = MainWindow(context, coordinator)
    qtbot.addWidget(window)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.go_to("members", ids[0])
    window.show_area("payments")
    window.go_to("members", ids[1])
    qtbot.wait(100)
    assert window.members_view.page.detail.display_name == "Amir Khan"
    assert QApplication.activeWindow() is window
    assert window.members_view.page.isAncestorOf(QApplication.focusWidget())
