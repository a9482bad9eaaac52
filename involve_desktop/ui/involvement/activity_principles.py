"""The group's 4PI principles: the shared values it agreed and when (the Activities tab's
"Our principles…"). They open every printed 4PI record."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QWidget

from involve_desktop.core.services import activities_principles
from involve_desktop.core.services.activities_dto import Principles
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.cohorts.form_dialog import FormDialog
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.involvement.activity_dialog import text_box
from involve_desktop.ui.members.dialog_widgets import OptionalDate
from involve_desktop.ui.operations import service_call


class PrinciplesDialog(FormDialog):
    """See the module docstring."""

    def __init__(
        self, context: AppContext, actor: Actor, parent: QWidget | None = None, *, today: date
    ) -> None:
        super().__init__(
            context, "Our principles", "&Save principles", ("text", "agreed_on"), parent
        )
        self.actor, self.today = actor, today
        self.resize(620, 420)
        self.text = text_box(
            "Principles", 10, self, "The shared values the group agreed, one a line"
        )
        self.agreed = OptionalDate("Agreed on", "Date the principles were agreed")
        current = Principles()
        with service_call(self, title=self.title), context.session() as session:
            current = activities_principles.get_principles(session, actor)
        self.text.setPlainText(current.text)
        self.agreed.set_value(current.agreed_on)
        self.row("&Principles:", "text", self.text)
        self.row("&Agreed:", "agreed_on", self.agreed)
        self.finish()
        self.text.setFocus()

    def apply(self) -> Principles:
        """Save through the principles service."""
        data = Principles(self.text.toPlainText(), self.agreed.value())
        with self.context.session() as session:
            return activities_principles.save_principles(
                session, self.actor, data, today=self.today
            )
