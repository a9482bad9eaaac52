"""Walk-ins on the attendance screen: someone who came but was not printed on the sheet.

The typed name is checked against the members first, so "Jo Smith" who is already a member
is not added twice: one exact match is added straight away; several possible matches are
offered in a list with "Someone new" last; no match opens the newcomer form, which asks the
consent question from the sheet's "New here?" section.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import meetings_walk_in
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import WalkInAdded, WalkInInput, WalkInMatch
from involve_desktop.core.services.members import PossibleDuplicateError
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.members.dialog_widgets import save_cancel
from involve_desktop.ui.messages import FieldErrors, ask, error_label
from involve_desktop.ui.operations import service_call

TITLE = "Attendance"
NEW_PERSON = -1
MATCH_ROLE = Qt.ItemDataRole.UserRole + 41
CONSENT_QUESTION = "May we keep their name and contact details to tell them about meetings?"


def room_for_words(rows: QListWidget) -> None:
    """Rows tall enough that the focus ring round the chosen one does not cover its words
    (the first row read as clipped), and a list wide enough to show each label whole."""
    metrics = rows.fontMetrics()
    widest = 0
    for row in range(rows.count()):
        item = rows.item(row)
        width = metrics.horizontalAdvance(item.text()) + 24
        item.setSizeHint(QSize(width, metrics.height() + 12))
        widest = max(widest, width)
    rows.setMinimumWidth(min(max(widest + 24, 360), 760))


class ChooseWalkInDialog(QDialog):
    """Is the walk-in one of these members, or someone new? ``chosen`` holds the answer
    (a member id, or ``NEW_PERSON``)."""

    def __init__(self, typed: str, matches: list[WalkInMatch], parent: QWidget | None = None):
        super().__init__(parent)
        self.chosen: int | None = None
        self.setWindowTitle("Who is this?")
        self.list = QListWidget()
        self.list.setAccessibleName("Possible members")
        for match, label in zip(matches, meetings_walk_in.match_labels(matches), strict=True):
            item = QListWidgetItem(label)
            item.setData(MATCH_ROLE, match.member_id)
            self.list.addItem(item)
        new = QListWidgetItem(f"Someone new called {typed}")
        new.setData(MATCH_ROLE, NEW_PERSON)
        self.list.addItem(new)
        self.list.setCurrentRow(0)
        room_for_words(self.list)
        self.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Choose")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        label = QLabel(f"“{typed}” may already be a member. Choose them, or add someone new:")
        label.setWordWrap(True)
        layout.addWidget(label)
        layout.addWidget(self.list)
        layout.addWidget(buttons)
        self.list.setFocus()

    def accept(self) -> None:
        """Keep the highlighted choice."""
        item = self.list.currentItem()
        if item is not None:
            self.chosen = int(item.data(MATCH_ROLE))
        super().accept()


class NewcomerDialog(EditDialog):
    """Add a newcomer as a new member, present at the meeting; ``added`` after saving."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        meeting_id: int,
        typed: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.meeting_id = context, actor, meeting_id
        self.added: WalkInAdded | None = None
        self.setWindowTitle("New here")
        self.full_name = QLineEdit(typed)
        self.full_name.setAccessibleName("Full name")
        self.preferred = QLineEdit()
        self.preferred.setAccessibleName("Name they go by")
        self.preferred.setPlaceholderText("Optional")
        self.phone = QLineEdit()
        self.phone.setAccessibleName("Phone")
        self.phone.setPlaceholderText("Optional")
        self.email = QLineEdit()
        self.email.setAccessibleName("Email")
        self.email.setPlaceholderText("Optional")
        self.consent_yes = QRadioButton("&Yes (they ticked the box or said yes)")
        self.consent_no = QRadioButton("&No")
        self.consent_unknown = QRadioButton("Not &asked yet")
        self.consent_unknown.setChecked(True)
        self.consent = QButtonGroup(self)
        for button in (self.consent_yes, self.consent_no, self.consent_unknown):
            self.consent.addButton(button)
        names = ["full_name", "preferred_name", "phone", "email", "consent_how", "meeting"]
        self.labels: dict[str, QLabel] = {n: error_label() for n in names}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        self.focus: dict[str, QWidget] = {
            "full_name": self.full_name,
            "preferred_name": self.preferred,
            "phone": self.phone,
            "email": self.email,
        }
        form = QFormLayout()
        for label, widget, key in (
            ("&Full name:", self.full_name, "full_name"),
            ("Name they &go by:", self.preferred, "preferred_name"),
            ("&Phone:", self.phone, "phone"),
            ("&Email:", self.email, "email"),
        ):
            column = QVBoxLayout()
            column.setSpacing(2)
            column.addWidget(widget)
            column.addWidget(self.labels[key])
            name = QLabel(label)
            name.setBuddy(widget)  # a layout in the field column needs the buddy set by hand
            form.addRow(name, column)
        question = QLabel(CONSENT_QUESTION)
        question.setWordWrap(True)
        consent_box = QVBoxLayout()
        consent_box.addWidget(question)
        for button in (self.consent_yes, self.consent_no, self.consent_unknown):
            consent_box.addWidget(button)
        buttons = save_cancel("Add and mark present")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        intro = QLabel(
            "They will be added to the members as a new member who joined on the day of the "
            "meeting, and marked present. Only the name is needed."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addLayout(consent_box)
        layout.addWidget(self.labels["meeting"])
        layout.addWidget(self.fallback)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.full_name.setFocus()
        self.full_name.selectAll()
        self.save_keys(self.save, buttons.button(buttons.StandardButton.Save))

    def value(self) -> WalkInInput:
        """What is typed, as the service's input."""
        consent = (
            True if self.consent_yes.isChecked() else False if self.consent_no.isChecked() else None
        )
        return WalkInInput(
            full_name=self.full_name.text(),
            preferred_name=self.preferred.text() or None,
            phone=self.phone.text() or None,
            email=self.email.text() or None,
            consent=consent,
        )

    def save(self, allow_duplicate: bool = False) -> None:
        """Add them through the service; a possible duplicate asks before adding anyway."""
        data = self.value()
        duplicate: PossibleDuplicateError | None = None
        with service_call(self, self.errors, self.focus, TITLE) as call:
            try:
                with self.context.session() as session:
                    self.added = meetings_walk_in.create_walk_in(
                        session,
                        self.actor,
                        self.meeting_id,
                        data,
                        allow_duplicate=allow_duplicate,
                    )
            except PossibleDuplicateError as error:
                duplicate = error
        if duplicate is not None:
            if ask(
                self,
                TITLE,
                f"{duplicate}\n\nAdd {data.full_name.strip()} as a different person?",
            ):
                self.save(allow_duplicate=True)
            return
        if not call.failed and self.added is not None:
            self.accept()
