"""Add or change an expense claim: who, what kind (travel, care, other), the day, the
amount typed in pounds ("12.50"), whether the receipt is held, and what it was for.

Only a claim still waiting for approval can be changed. A person who declined payment for
their time is still paid their expenses. Errors are shown beside the field they name and
everything typed stays in the dialog.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QWidget
from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.money import parse_pounds
from involve_desktop.core.services import payments_expenses
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.payments_dto import ExpenseInfo, ExpenseInput, ExpenseKind
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.dialog_widgets import date_edit, from_qdate, to_qdate
from involve_desktop.ui.payments.form_dialog import FormDialog
from involve_desktop.ui.payments.person_chooser import PersonChooser, member_choices
from involve_desktop.ui.payments.rate_dialog import pounds_box, pounds_text

INTRO = (
    "Money someone spent to take part (bus fare, parking, childcare), paid back so nobody is "
    "out of pocket — also for people who decline payment for their time."
)


class ExpenseDialog(FormDialog):
    """Add a claim (``claim`` None) or change a pending one; ``saved`` after Save."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        claim: ExpenseInfo | None = None,
        parent: QWidget | None = None,
        *,
        member_id: int | None = None,
        day: date | None = None,
        today: date | None = None,
    ) -> None:
        title = "Change expense claim" if claim else "Add expense claim"
        super().__init__(context, actor, title, "&Save claim", parent)
        self.claim = claim
        self.today = today or date.today()
        self.saved: ExpenseInfo | None = None
        self.set_intro(INTRO)
        self.person = PersonChooser("Who")
        chosen = claim.member_id if claim else member_id
        self.person.set_choices(member_choices(context, actor, self, chosen), chosen)
        self.kind = QComboBox()
        self.kind.setAccessibleName("Kind of expense")
        for kind in ExpenseKind:
            self.kind.addItem(kind.label, kind)
        self.day = date_edit(claim.day if claim else day, "Date of the expense")
        self.amount = pounds_box(
            "Amount in pounds", pounds_text(claim.amount_pence) if claim else ""
        )
        self.receipt = QCheckBox("&Receipt held (kept on file)")
        self.description = QLineEdit(claim.description or "" if claim else "")
        self.description.setAccessibleName("What it was for")
        self.description.setPlaceholderText("e.g. bus to Ward 4 and back")
        if claim is not None:
            self.kind.setCurrentIndex(self.kind.findData(claim.kind))
            self.receipt.setChecked(claim.receipt_held)
            self.version.version = claim.version
        self.add_row("&Who:", self.person, "member", "member_id", "person")
        self.add_row("&Kind:", self.kind, "kind")
        self.add_row("&Date:", self.day, "day", "date")
        self.add_row("A&mount (£):", self.amount, "amount", "amount_pence", hint="e.g. 12.50")
        self.add_row("", self.receipt, "receipt_held")
        self.add_row("What &for:", self.description, "description")
        self.finish()

    def state(self) -> tuple:
        """What is typed."""
        return (
            self.person.member_id(),
            self.kind.currentData(),
            self.day.date(),
            self.amount.text(),
            self.receipt.isChecked(),
            self.description.text(),
        )

    def data(self) -> ExpenseInput:
        """The claim as typed (raises ValidationError naming the field)."""
        member_id = self.person.member_id()
        if member_id is None:
            raise ValidationError(
                "member", "Choose who the claim is for — type part of their name above."
            )
        return ExpenseInput(
            member_id=member_id,
            kind=ExpenseKind(self.kind.currentData()),
            day=from_qdate(self.day.date()),
            amount_pence=parse_pounds(self.amount.text(), "amount"),
            receipt_held=self.receipt.isChecked(),
            description=self.description.text().strip() or None,
        )

    def apply(self, session: Session) -> None:
        """Add the claim or save the changes."""
        data = self.data()
        if self.claim is None:
            self.saved = payments_expenses.add_claim(session, self.actor, data, today=self.today)
        else:
            self.saved = payments_expenses.update_claim(
                session,
                self.actor,
                self.claim.id,
                data,
                today=self.today,
                expected_version=self.version.version,
            )

    def load_theirs(self) -> int:
        """Show the claim as stored now (someone else's save), dropping what was typed."""
        assert self.claim is not None
        with self.context.session() as session:
            claim = payments_expenses.get_claim(session, self.actor, self.claim.id)
        self.claim = claim
        self.person.set_choices(
            member_choices(self.context, self.actor, self, claim.member_id), claim.member_id
        )
        self.kind.setCurrentIndex(self.kind.findData(claim.kind))
        self.day.setDate(to_qdate(claim.day))
        self.amount.setText(pounds_text(claim.amount_pence))
        self.receipt.setChecked(claim.receipt_held)
        self.description.setText(claim.description or "")
        self._start_state = self.state()
        return claim.version
