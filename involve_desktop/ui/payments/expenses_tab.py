"""The Expenses tab: the period's expense claims (travel, care, other) — add, change or
remove one while it waits for approval, approve, send back and mark paid like pay lines."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QWidget
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date, format_pence
from involve_desktop.core.services import payments_expenses
from involve_desktop.core.services.payments_dto import ExpenseInfo, PayStatus
from involve_desktop.ui.messages import ask
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.payments.expense_dialog import ExpenseDialog
from involve_desktop.ui.payments.items_tab import TITLE, ItemsTab
from involve_desktop.ui.payments.payments_columns import CLAIM_COLUMNS

EMPTY = "No expense claims in this period — Add expense claim… records one (Ctrl+N)."


class ExpensesTab(ItemsTab):
    """Claims with Add / Change / Remove and the approval buttons."""

    thing = "claim"
    columns = CLAIM_COLUMNS

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - ItemsTab's
        super().__init__(*args, **kwargs)
        self.table.activated.connect(lambda _i: self.edit_claim())

    def list_name(self) -> str:
        return "Expense claims"

    def action_buttons(self) -> list[QWidget]:
        self.add_button = QPushButton("&Add expense claim…")
        self.add_button.setToolTip("Travel, care or other costs someone paid to take part (Ctrl+N)")
        self.add_button.clicked.connect(lambda _c=False: self.add_claim())
        self.edit_button = QPushButton("Chang&e…")
        self.edit_button.setToolTip("Change the claim chosen (only while it waits for approval)")
        self.edit_button.clicked.connect(lambda _c=False: self.edit_claim())
        self.remove_button = QPushButton("&Remove…")
        self.remove_button.setToolTip("Remove the claim chosen (only while it waits for approval)")
        self.remove_button.clicked.connect(lambda _c=False: self.remove_claim())
        return [
            self.add_button,
            self.edit_button,
            self.remove_button,
            self.approve_button,
            self.unapprove_button,
            self.paid_button,
        ]

    def empty_text(self) -> str:
        return EMPTY

    def read(self, session: Session, start: date, end: date) -> list[ExpenseInfo]:
        return payments_expenses.list_claims(session, self.actor, start, end)

    def approve_call(self, session: Session, ids: list[int]) -> object:
        return payments_expenses.approve_claims(session, self.actor, ids)

    def unapprove_call(self, session: Session, ids: list[int]) -> object:
        return payments_expenses.unapprove_claims(session, self.actor, ids)

    def paid_call(self, session: Session, ids: list[int], day: date) -> object:
        return payments_expenses.mark_claims_paid(session, self.actor, ids, day, today=self.today)

    def update_buttons(self) -> None:
        super().update_buttons()
        chosen = self.selected()
        one_pending = len(chosen) == 1 and chosen[0].status is PayStatus.PENDING
        self.edit_button.setEnabled(one_pending)
        self.remove_button.setEnabled(one_pending)

    # -- claims -----------------------------------------------------------------------------

    def _day_for_new(self) -> date:
        """A new claim's date: today when today is in the period, else the period's last day."""
        return self.today if self.start <= self.today <= self.end else min(self.end, self.today)

    def add_claim(self, member_id: int | None = None) -> ExpenseInfo | None:
        """Ctrl+N: a new claim (for ``member_id`` when given)."""
        dialog = ExpenseDialog(
            self.context,
            self.actor,
            None,
            self,
            member_id=member_id,
            day=self._day_for_new(),
            today=self.today,
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        saved = dialog.saved
        dialog.deleteLater()
        if accepted and saved is not None:
            self.reload([saved.id])
            self.changed.emit()
            if not self.start <= saved.day <= self.end:
                QMessageBox.information(
                    self,
                    TITLE,
                    f"The claim for {saved.name} is saved. It is dated {format_date(saved.day)}, "
                    "outside the period shown, so it is listed when that period is shown.",
                )
        return saved

    def edit_claim(self) -> None:
        """Change the chosen claim (only while it waits for approval)."""
        chosen = self.selected()
        if len(chosen) != 1:
            return
        claim: ExpenseInfo = chosen[0]
        if claim.status is not PayStatus.PENDING:
            QMessageBox.information(
                self,
                TITLE,
                f"This claim is “{claim.status.label}”: only a claim waiting for approval can be "
                "changed. Send it back to pending first if it is approved.",
            )
            return
        dialog = ExpenseDialog(self.context, self.actor, claim, self, today=self.today)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload([claim.id])
            self.changed.emit()
        dialog.deleteLater()

    def remove_claim(self) -> None:
        """Remove the chosen pending claim, asking first."""
        chosen = self.selected()
        if len(chosen) != 1 or chosen[0].status is not PayStatus.PENDING:
            return
        claim: ExpenseInfo = chosen[0]
        if not ask(
            self,
            "Remove claim",
            f"Remove {claim.name}'s {claim.kind.label.lower()} claim of "
            f"{format_pence(claim.amount_pence)} for {format_date(claim.day)}? "
            "It has not been approved or paid.",
        ):
            return
        with service_call(self, title=TITLE), self.context.session() as session:
            payments_expenses.remove_claim(session, self.actor, claim.id)
        self.reload()
        self.changed.emit()
