"""The fields of the Add/Edit member dialog, grouped: Person, Contact, Access needs, Restricted.

The Restricted group exists only for roles that may see restricted information; without it
``to_input`` sends ``restricted=None`` so nothing restricted changes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services.member_dto import (
    AccessNeeds,
    ContactMethod,
    MemberInput,
    Restricted,
)
from involve_desktop.ui.members.dialog_widgets import date_edit, from_qdate, to_qdate, with_error
from involve_desktop.ui.messages import error_label

FIELDS = (
    "full_name",
    "preferred_name",
    "pronouns",
    "date_joined",
    "email",
    "phone",
    "address",
    "postcode",
    "preferred_contact",
    "access_other",
    "lived_experience",
    "emergency_contact",
    "notes",
)
LIVED_EXPERIENCE = (("Not recorded", None), ("Yes", True), ("No", False))


def _line(name: str, placeholder: str = "") -> QLineEdit:
    edit = QLineEdit()
    edit.setAccessibleName(name)
    edit.setPlaceholderText(placeholder)
    return edit


def _text_box(name: str, lines: int) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)  # Tab moves on, as in every other box
    height = box.fontMetrics().lineSpacing() * lines + 14
    box.setFixedHeight(height)
    return box


def _value(method: ContactMethod | None) -> str | None:
    return method.value if method else None


def _text(value: str) -> str | None:
    return value.strip() or None


class MemberFields(QWidget):
    """Every editable box of a member, in two columns that fit a 1366×768 screen."""

    def __init__(
        self, show_restricted: bool, edit_restricted: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.errors = {field: error_label() for field in FIELDS}
        self.full_name = _line("Full name", "e.g. Siobhán Ó Briain")
        self.preferred_name = _line("Preferred name", "if different, e.g. Shiv")
        self.pronouns = _line("Pronouns", "e.g. she/her, they/them")
        self.date_joined = date_edit(accessible_name="Date joined")
        self.email = _line("Email", "name@example.org")
        self.phone = _line("Phone", "e.g. 07700 900123")
        self.address = _text_box("Address", 3)
        self.postcode = _line("Postcode", "e.g. SW1A 1AA")
        self.postcode.setMaximumWidth(160)
        self.preferred_contact = QComboBox()
        self.preferred_contact.setAccessibleName("Preferred contact")
        self.preferred_contact.addItem("Not said", None)
        for method in ContactMethod:
            self.preferred_contact.addItem(method.label, method.value)  # Qt keeps str, not enum
        self.large_print = QCheckBox("Large print")
        self.interpreter = QCheckBox("Interpreter")
        self.step_free = QCheckBox("Step-free access")
        self.hearing_loop = QCheckBox("Hearing loop")
        self.access_other = _line("Other access needs", "anything else that helps them take part")

        left = QVBoxLayout()
        left.addWidget(self._person_group())
        left.addWidget(self._contact_group())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._access_group())
        self.restricted_group: QGroupBox | None = None
        self.edit_restricted = show_restricted and edit_restricted
        if show_restricted:
            self.restricted_group = self._restricted_group(edit_restricted)
            right.addWidget(self.restricted_group)
        right.addStretch(1)
        columns = QHBoxLayout(self)
        columns.setContentsMargins(0, 0, 0, 0)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

    def _person_group(self) -> QGroupBox:
        group = QGroupBox("Person")
        form = QFormLayout(group)
        err = self.errors
        form.addRow("&Full name (needed):", with_error(self.full_name, err["full_name"]))
        form.addRow(
            "P&referred name:",
            with_error(
                self.preferred_name,
                err["preferred_name"],
                "The first name they go by (e.g. Shiv), or a whole name — printed on sheets.",
            ),
        )
        form.addRow("Pro&nouns:", with_error(self.pronouns, err["pronouns"]))
        form.addRow("Date &joined:", with_error(self.date_joined, err["date_joined"]))
        return group

    def _contact_group(self) -> QGroupBox:
        group = QGroupBox("Contact")
        form = QFormLayout(group)
        err = self.errors
        form.addRow("&Email:", with_error(self.email, err["email"]))
        form.addRow("&Phone:", with_error(self.phone, err["phone"]))
        form.addRow("&Address:", with_error(self.address, err["address"]))
        form.addRow("Post&code:", with_error(self.postcode, err["postcode"]))
        form.addRow(
            "Prefers contact &by:",
            with_error(self.preferred_contact, err["preferred_contact"]),
        )
        return group

    def _access_group(self) -> QGroupBox:
        group = QGroupBox("Access needs")
        layout = QVBoxLayout(group)
        intro = QLabel("What helps them take part:")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        for box in (self.large_print, self.interpreter, self.step_free, self.hearing_loop):
            layout.addWidget(box)
        form = QFormLayout()
        form.addRow("&Other:", with_error(self.access_other, self.errors["access_other"]))
        layout.addLayout(form)
        return group

    def _restricted_group(self, editable: bool) -> QGroupBox:
        group = QGroupBox("Restricted — coordinators only")
        self.lived_experience = QComboBox()
        self.lived_experience.setAccessibleName("Lived experience")
        for text, value in LIVED_EXPERIENCE:
            self.lived_experience.addItem(text, value)
        self.emergency_contact = _text_box("Emergency contact", 2)
        self.emergency_contact.setPlaceholderText("name, how they are related, phone")
        self.notes = _text_box("Notes", 4)
        note = QLabel(
            "Only coordinators can see these. They are never printed on sheets or "
            "shown to facilitators."
        )
        note.setWordWrap(True)
        form = QFormLayout(group)
        err = self.errors
        form.addRow(note)
        form.addRow(
            "&Lived experience:", with_error(self.lived_experience, err["lived_experience"])
        )
        form.addRow(
            "E&mergency contact:", with_error(self.emergency_contact, err["emergency_contact"])
        )
        form.addRow("No&tes:", with_error(self.notes, err["notes"]))
        if not editable:
            self.lived_experience.setEnabled(False)
            self.emergency_contact.setReadOnly(True)
            self.notes.setReadOnly(True)
        return group

    @property
    def focus_targets(self) -> dict[str, QWidget]:
        """Which widget to focus for a ValidationError's field."""
        targets: dict[str, QWidget] = {
            "full_name": self.full_name,
            "preferred_name": self.preferred_name,
            "pronouns": self.pronouns,
            "date_joined": self.date_joined,
            "email": self.email,
            "phone": self.phone,
            "address": self.address,
            "postcode": self.postcode,
            "preferred_contact": self.preferred_contact,
            "access_other": self.access_other,
        }
        if self.restricted_group is not None:
            targets |= {
                "lived_experience": self.lived_experience,
                "emergency_contact": self.emergency_contact,
                "notes": self.notes,
            }
        return targets

    def load(self, data: MemberInput) -> None:
        """Fill every box from ``data`` (an existing member's details)."""
        self.full_name.setText(data.full_name)
        self.preferred_name.setText(data.preferred_name or "")
        self.pronouns.setText(data.pronouns or "")
        if data.date_joined:
            joined = to_qdate(data.date_joined)
            if joined < self.date_joined.minimumDate():  # shown as it is, never moved
                self.date_joined.setMinimumDate(joined)
            self.date_joined.setDate(joined)
        self.email.setText(data.email or "")
        self.phone.setText(data.phone or "")
        self.address.setPlainText(data.address or "")
        self.postcode.setText(data.postcode or "")
        self.preferred_contact.setCurrentIndex(
            max(0, self.preferred_contact.findData(_value(data.preferred_contact)))
        )
        access = data.access
        self.large_print.setChecked(access.large_print)
        self.interpreter.setChecked(access.interpreter)
        self.step_free.setChecked(access.step_free)
        self.hearing_loop.setChecked(access.hearing_loop)
        self.access_other.setText(access.other or "")
        if self.restricted_group is not None and data.restricted is not None:
            restricted = data.restricted
            index = [v for _t, v in LIVED_EXPERIENCE].index(restricted.lived_experience)
            self.lived_experience.setCurrentIndex(index)
            self.emergency_contact.setPlainText(restricted.emergency_contact or "")
            self.notes.setPlainText(restricted.notes or "")

    def contact_method(self) -> ContactMethod | None:
        """The chosen preferred contact, or None for "Not said"."""
        value = self.preferred_contact.currentData()
        return ContactMethod(value) if value else None

    def date_joined_value(self) -> date:
        """The date in the Date joined box."""
        return from_qdate(self.date_joined.date())

    def to_input(self) -> MemberInput:
        """What is typed, as the service's input (restricted only when it may be changed)."""
        restricted = None
        if self.restricted_group is not None and self.edit_restricted:
            restricted = Restricted(
                self.lived_experience.currentData(),
                _text(self.emergency_contact.toPlainText()),
                _text(self.notes.toPlainText()),
            )
        return MemberInput(
            full_name=self.full_name.text(),
            preferred_name=_text(self.preferred_name.text()),
            pronouns=_text(self.pronouns.text()),
            email=_text(self.email.text()),
            phone=_text(self.phone.text()),
            address=_text(self.address.toPlainText()),
            postcode=_text(self.postcode.text()),
            preferred_contact=self.contact_method(),
            date_joined=self.date_joined_value(),
            access=AccessNeeds(
                self.large_print.isChecked(),
                self.interpreter.isChecked(),
                self.step_free.isChecked(),
                self.hearing_loop.isChecked(),
                _text(self.access_other.text()),
            ),
            restricted=restricted,
        )
