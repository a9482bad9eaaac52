"""Set how a person wants to be paid: bank transfer, cash, voucher, expenses only, or
declined; when benefits advice was offered to them (optional, with a "Today" shortcut); a
note. Used by the Payments area's People tab and by the member page.

Some people on benefits must cap or decline payment: recording that advice was offered is
part of paying people fairly, so the date sits beside the method.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)
from sqlalchemy.orm import Session

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.formatting import format_timestamp
from involve_desktop.core.services import payments_preferences
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.payments_dto import (
    PaymentMethod,
    PreferenceInfo,
    PreferenceInput,
)
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.dialog_widgets import OptionalDate
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.payments.form_dialog import FormDialog

INTRO = (
    "How {name} wants to be paid for their time. Expenses (travel, care) are paid back "
    "whatever is chosen here, so nobody is out of pocket; people who decline payment or want "
    "expenses only still have their involvement recorded."
)


class PreferenceDialog(FormDialog):
    """Method, benefits advice offered on, note; ``saved`` holds the result after Save."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        current: PreferenceInfo,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(
            context, actor, f"Payment preference — {current.name}", "&Save preference", parent
        )
        self.current = current
        self.today = today or date.today()
        self.saved: PreferenceInfo | None = None
        self.set_intro(INTRO.format(name=current.name))
        self.method = QComboBox()
        self.method.setAccessibleName("How they are paid")
        if current.method is None:
            self.method.addItem("Choose…", None)
        for method in PaymentMethod:
            self.method.addItem(method.label, method)
        self.method.setCurrentIndex(max(self.method.findData(current.method), 0))
        self.advice = OptionalDate("Offered on", "Benefits advice offered on")
        self.advice.set_value(current.benefits_advice_offered_on)
        self.today_button = QPushButton("&Today")
        self.today_button.setAutoDefault(False)  # Enter saves; it never records advice
        self.today_button.setToolTip("Benefits advice was offered today")
        self.today_button.clicked.connect(lambda _c=False: self.advice.set_value(self.today))
        advice_row = QWidget()
        row = QHBoxLayout(advice_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.advice, 1)
        row.addWidget(self.today_button)
        advice_row.setFocusProxy(self.advice)
        self.note = QLineEdit(current.note or "")
        self.note.setAccessibleName("Note")
        self.note.setPlaceholderText("e.g. vouchers only until their benefits review in March")
        self.add_row("&Paid by:", self.method, "method")
        self.add_row(
            "&Benefits advice:",
            advice_row,
            "benefits_advice_offered_on",
            hint="Leave unticked if it has not been offered yet.",
        )
        self.add_row("&Note:", self.note, "note")
        if current.updated_by:
            self.add_row(
                "Last changed:",
                _plain(f"{format_timestamp(current.updated_at)} by {current.updated_by}"),
            )
        self.finish()

    def state(self) -> tuple:
        """Method, advice date and note as typed."""
        return (self.method.currentData(), self.advice.value(), self.note.text())

    def apply(self, session: Session) -> None:
        """Save the preference (a method must be chosen)."""
        method = self.method.currentData()
        if method is None:
            raise ValidationError(
                "method", "Choose how they want to be paid — or Declined payment if they do not."
            )
        self.saved = payments_preferences.set_preference(
            session,
            self.actor,
            self.current.member_id,
            PreferenceInput(
                method=PaymentMethod(method),
                benefits_advice_offered_on=self.advice.value(),
                note=self.note.text().strip() or None,
            ),
            today=self.today,
        )


def _plain(text: str) -> QWidget:
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def edit_preference(
    context: AppContext,
    actor: Actor,
    member_id: int,
    parent: QWidget,
    *,
    today: date | None = None,
) -> PreferenceInfo | None:
    """Open the dialog for ``member_id``; the saved preference, or None if nothing saved."""
    current: PreferenceInfo | None = None
    with service_call(parent, title="Payments"), context.session() as session:
        current = payments_preferences.get_preference(session, actor, member_id)
    if current is None:
        return None
    dialog = PreferenceDialog(context, actor, current, parent, today=today)
    dialog.exec()
    saved = dialog.saved
    dialog.deleteLater()
    if saved is not None and saved.taken_out_words:
        QMessageBox.information(parent, "Payment preference", saved.taken_out_words)
    return saved
