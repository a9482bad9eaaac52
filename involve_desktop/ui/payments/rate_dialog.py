"""Add a rate: what activity, per hour or per session, the amount in pounds ("12.50"),
and the day it starts. A rate stays until the next rate for the same activity starts; a
rate for the same activity and start day replaces the old one.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget
from sqlalchemy.orm import Session

from involve_desktop.core.money import parse_pounds
from involve_desktop.core.services import payments_rates
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.payments_dto import Activity, RateBasis, RateInfo, RateInput
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.dialog_widgets import date_edit, from_qdate
from involve_desktop.ui.payments.form_dialog import FormDialog

INTRO = (
    "A rate applies from its first day until the next rate for the same activity starts, "
    "so older pay lines keep the rate of their day."
)


def pounds_box(accessible_name: str, text: str = "") -> QLineEdit:
    """A box for an amount in pounds, typed as "12.50" (the £ sign is optional)."""
    edit = QLineEdit(text)
    edit.setAccessibleName(accessible_name)
    edit.setPlaceholderText("e.g. 12.50")
    edit.setMaximumWidth(edit.fontMetrics().averageCharWidth() * 16)
    return edit


def pounds_text(pence: int) -> str:
    """Pence as the box shows them: 1250 → "12.50"."""
    return f"{pence // 100}.{pence % 100:02d}"


class RateDialog(FormDialog):
    """Activity, basis, amount, valid from; ``saved`` holds the new rate after Save."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        parent: QWidget | None = None,
        *,
        activity: Activity | None = None,
        valid_from: date | None = None,
    ) -> None:
        super().__init__(context, actor, "Add a rate", "&Save rate", parent)
        self.saved: RateInfo | None = None
        self.set_intro(INTRO)
        self.activity = QComboBox()
        self.activity.setAccessibleName("Activity")
        for item in Activity:
            self.activity.addItem(item.label, item)
        if activity is not None:
            self.activity.setCurrentIndex(self.activity.findData(activity))
        self.basis = QComboBox()
        self.basis.setAccessibleName("Paid")
        for item in RateBasis:
            self.basis.addItem(item.label.capitalize(), item)
        self.activity.currentIndexChanged.connect(lambda _i: self._suggest_basis())
        self._suggest_basis()
        self.amount = pounds_box("Amount in pounds")
        self.valid_from = date_edit(valid_from, "Valid from")
        self.add_row("&Activity:", self.activity, "activity")
        self.add_row("&Paid:", self.basis, "basis")
        self.add_row(
            "A&mount (£):", self.amount, "amount", "amount_pence", hint="In pounds, e.g. 12.50"
        )
        self.add_row("&Valid from:", self.valid_from, "valid_from")
        self.finish()

    def _suggest_basis(self) -> None:
        """Shifts are usually paid by the hour, panels and meetings by the session."""
        hourly = self.activity.currentData() == Activity.ROTA_SHIFT
        wanted = RateBasis.PER_HOUR if hourly else RateBasis.PER_SESSION
        self.basis.setCurrentIndex(self.basis.findData(wanted))

    def state(self) -> tuple:
        """What is typed."""
        return (
            self.activity.currentData(),
            self.basis.currentData(),
            self.amount.text(),
            self.valid_from.date(),
        )

    def apply(self, session: Session) -> None:
        """Read the amount as pence and save the rate."""
        pence = parse_pounds(self.amount.text(), "amount")
        self.saved = payments_rates.set_rate(
            session,
            self.actor,
            RateInput(
                activity=Activity(self.activity.currentData()),
                basis=RateBasis(self.basis.currentData()),
                amount_pence=pence,
                valid_from=from_qdate(self.valid_from.date()),
            ),
        )
