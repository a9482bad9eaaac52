"""Ask the day money was paid (today unless changed) and mark the chosen lines or claims
paid with it; the date cannot go before the latest day among them (``earliest``), and a
refusal (e.g. a date still to come) is shown beside the date."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget
from sqlalchemy.orm import Session

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.dialog_widgets import date_edit, from_qdate, to_qdate
from involve_desktop.ui.payments.form_dialog import FormDialog


class PaidDateDialog(FormDialog):
    """ "Paid on" and Mark paid; ``mark(session, day)`` does the marking through a service.

    ``earliest`` (the latest work or expense day among the items) is the picker's minimum.
    """

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        what: str,
        mark: Callable[[Session, date], object],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        earliest: date | None = None,
    ) -> None:
        super().__init__(context, actor, "Mark paid", "&Mark paid", parent)
        self._mark = mark
        self.result_value: object = None
        self.set_intro(
            f"Mark {what} as paid. Only approved items can be marked paid; the date is the day "
            "the money went out (or the cash or voucher was handed over)."
        )
        self.paid_on = date_edit(today or date.today(), "Paid on")
        hint = None
        if earliest is not None:
            # Money cannot go out before the work or expense it pays for.
            self.paid_on.setMinimumDate(to_qdate(earliest))
            hint = f"Not before {format_date(earliest)}, the day of the latest item chosen."
        self.add_row("&Paid on:", self.paid_on, "paid_on", "day", "date", hint=hint)
        self.finish()

    def state(self) -> tuple:
        """Always the same: nothing typed here is worth asking about."""
        return ()

    def day(self) -> date:
        """The date chosen."""
        return from_qdate(self.paid_on.date())

    def apply(self, session: Session) -> None:
        """Mark the items paid on the chosen day."""
        self.result_value = self._mark(session, self.day())
