"""One "you said, we did" entry: what people said, what was done, its status (planned /
done / not possible with the reason), who is responsible and, optionally, the activity
where it was said. Errors show beside the field; Esc asks before losing typing."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QComboBox, QLineEdit, QWidget

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import activities, you_said
from involve_desktop.core.services.activities_dto import YouSaidInfo, YouSaidInput, YouSaidStatus
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.cohorts.form_dialog import FormDialog
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.involvement.activity_dialog import choice_box, text_box
from involve_desktop.ui.members.dialog_widgets import date_edit, from_qdate, to_qdate
from involve_desktop.ui.operations import service_call

FIELDS = (
    "day",
    "you_said",
    "we_did",
    "status",
    "reason",
    "responsible",
    "activity_id",
    "version",
)


class YouSaidDialog(FormDialog):
    """See the module docstring. ``entry`` None: a new entry."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        entry: YouSaidInfo | None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        title = "New you said, we did entry" if entry is None else "You said, we did entry"
        super().__init__(context, title, "&Save entry", FIELDS, parent)
        self.actor, self.entry, self.today = actor, entry, today or date.today()
        self.resize(640, 520)
        self.day = date_edit(self.today, "Date it was said")
        self.said = text_box("You said", 3, self, "What people told us, in their words")
        self.did = text_box("We did", 3, self, "What was done about it")
        self.status = choice_box("Status", [(s.label, s) for s in YouSaidStatus])
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Why it was not possible")
        self.responsible = QLineEdit()
        self.responsible.setAccessibleName("Who is responsible")
        self.responsible.setPlaceholderText("A role or team, e.g. Involvement lead")
        self.activity = QComboBox()
        self.activity.setAccessibleName("Said at activity")
        self.activity.addItem("Not linked to an activity", None)
        with service_call(self, title=self.title), context.session() as session:
            for a in activities.list_activities(session, actor):
                self.activity.addItem(f"{format_date(a.day)} — {a.title}", a.id)
        self.row("&Date said:", "day", self.day)
        self.row("&You said:", "you_said", self.said)
        self.row("&We did:", "we_did", self.did)
        self.row("&Status:", "status", self.status)
        self.row("&Reason:", "reason", self.reason, "Needed when it was not possible")
        self.row("Res&ponsible:", "responsible", self.responsible, "Not printed on the poster")
        self.row("&Activity:", "activity_id", self.activity)
        if entry is not None:
            self.day.setDate(to_qdate(entry.day))
            self.said.setPlainText(entry.you_said)
            self.did.setPlainText(entry.we_did or "")
            self.status.setCurrentIndex(max(self.status.findData(entry.status), 0))
            self.reason.setText(entry.reason or "")
            self.responsible.setText(entry.responsible or "")
            self.activity.setCurrentIndex(max(self.activity.findData(entry.activity_id), 0))
        self.finish()
        self.said.setFocus()

    def data(self) -> YouSaidInput:
        """What is typed, as the service's input."""
        return YouSaidInput(
            day=from_qdate(self.day.date()),
            you_said=self.said.toPlainText(),
            we_did=self.did.toPlainText(),
            status=self.status.currentData(),
            reason=self.reason.text(),
            responsible=self.responsible.text(),
            activity_id=self.activity.currentData(),
            version=None if self.entry is None else self.entry.version,
        )

    def apply(self) -> YouSaidInfo:
        """Save through the you said, we did services."""
        with self.context.session() as session:
            if self.entry is None:
                return you_said.create_entry(session, self.actor, self.data(), today=self.today)
            return you_said.update_entry(
                session, self.actor, self.entry.id, self.data(), today=self.today
            )
