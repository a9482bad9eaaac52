"""Dialogs that change one part of a member's record: status, roles, training and consent.

Each is ``Dialog(context, actor, member, parent=None)``; ``exec()`` returns Accepted when
something was saved, and ``saved`` then holds the member's refreshed record.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from involve_desktop.core.dates import add_months
from involve_desktop.core.formatting import format_date
from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import (
    meetings_facilitating,
    member_records,
    members,
    reference_lists,
    rota_shifts,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import (
    ConsentHow,
    MemberDetail,
    MemberStatus,
    RoleHeld,
)
from involve_desktop.core.services.member_records import CONSENT_REVIEW_MONTHS
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import tip_with_save_key
from involve_desktop.ui.members.dialog_record_base import RecordDialog
from involve_desktop.ui.members.dialog_record_text import CHANGES, role_text, status_sentence
from involve_desktop.ui.members.dialog_widgets import (
    OptionalDate,
    date_edit,
    from_qdate,
    radio_choices,
    to_qdate,
)


class StatusDialog(RecordDialog):
    """Step back (optional check-in date), return, leave (optional reason) or restore."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        member: MemberDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, actor, member, "Change status", "Save change", parent)
        self.changes = CHANGES[member.status]
        self.intro.setText(status_sentence(member) + " What has changed?")
        box, self.choice = radio_choices("Change", [c[1] for c in self.changes])
        self.add_row("Change:", box, "status")
        self.explain = QLabel()
        self.explain.setWordWrap(True)
        self.form.addRow("", self.explain)
        self.effective_on = date_edit(accessible_name="From")
        self.date_row = self.add_row("From:", self.effective_on, "effective_on")
        self.check_in = OptionalDate("Yes, on", "Check-in date")
        self.check_in.edit.setDate(to_qdate(add_months(date.today(), 1)))
        self.check_in_row = self.add_row("Check in:", self.check_in, "check_in_on")
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason (optional)")
        self.reason.setPlaceholderText("optional — e.g. moved away")
        self.reason_row = self.add_row("Reason:", self.reason, "reason")
        self.choice.idToggled.connect(lambda _id, on: on and self._show_choice())
        self._show_choice()
        self.finish()
        self.choice.checkedButton().setFocus()

    def chosen(self) -> MemberStatus:
        """The status the dialog will change to."""
        return self.changes[self.choice.checkedId()][0]

    def _show_choice(self) -> None:
        _status, _text, date_label, explanation = self.changes[self.choice.checkedId()]
        self.explain.setText(explanation)
        self.form.labelForField(self.date_row).setText(date_label)
        self.effective_on.setAccessibleName(date_label.rstrip(":"))
        self.set_row_visible(self.check_in_row, self.chosen() is MemberStatus.STEPPING_BACK)
        self.set_row_visible(self.reason_row, self.chosen() is MemberStatus.LEFT)

    def apply(self, session: Session) -> None:
        """Change the status through the members service (the history keeps the old one)."""
        status = self.chosen()
        members.change_status(
            session,
            self.actor,
            self.member.id,
            status,
            from_qdate(self.effective_on.date()),
            reason=self.reason.text() if status is MemberStatus.LEFT else None,
            check_in_on=self.check_in.value() if status is MemberStatus.STEPPING_BACK else None,
        )
        self.cover_note = None
        if status not in (MemberStatus.LEFT, MemberStatus.STEPPING_BACK):
            return
        name, notes = self.member.display_name, []
        if self.actor.can(Permission.MANAGE_ROTA):
            count = rota_shifts.shifts_ahead(session, self.actor, self.member.id)
            notes.append(rota_shifts.cover_needed_note(name, count))
        if self.actor.can(Permission.MANAGE_MEETING_GROUPS):
            ahead = meetings_facilitating.facilitating_ahead(session, self.actor, self.member.id)
            notes.append(meetings_facilitating.facilitating_note(name, ahead))
        self.cover_note = "\n\n".join(note for note in notes if note) or None

    def save(self) -> None:
        """Save; then say what from today needs someone else (shifts, meetings), if any."""
        self.cover_note: str | None = None
        super().save()
        if self.result() == QDialog.DialogCode.Accepted and self.cover_note:
            QMessageBox.information(
                self.parentWidget() or self, "Shifts and meetings to cover", self.cover_note
            )


class RoleDialog(RecordDialog):
    """Add a role (start date, optional end date) or end a role they hold now.

    Pass ``ending`` to open straight at "End a role" with that role chosen.
    """

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        member: MemberDetail,
        parent: QWidget | None = None,
        *,
        ending: RoleHeld | None = None,
    ) -> None:
        super().__init__(context, actor, member, "Roles", "Save", parent)
        self.current_roles = [r for r in member.roles if r.current]
        held = ", ".join(r.name for r in self.current_roles) or "no roles yet"
        self.intro.setText(f"{member.display_name} holds: {held}.")
        end_text = "End a role they hold now" if self.current_roles else "End a role (none held)"
        box, self.mode = radio_choices("What to do", ["Add a role", end_text])
        self.mode.button(1).setEnabled(bool(self.current_roles))
        self.add_row("Do this:", box)
        self.role = QComboBox()
        self.role.setAccessibleName("Role")
        with context.session() as session:
            for info in reference_lists.role_types(session):
                self.role.addItem(info.name, info.id)
        self.start_on = date_edit(accessible_name="Start date")
        self.end_on = OptionalDate("Has an end date", "End date")
        add_rows = [
            self.add_row("Role:", self.role, "role_type"),
            self.add_row("Started on:", self.start_on, "start_on"),
            self.add_row("Ends:", self.end_on, "end_on", "Leave unticked while they hold it."),
        ]
        self._add_errors = (dict(self.error_labels), dict(self.focus_targets))
        self.error_labels, self.focus_targets = {}, {}
        self.held = QComboBox()
        self.held.setAccessibleName("Role to end")
        for role in self.current_roles:
            self.held.addItem(role_text(role), role.id)
        self.ended_on = date_edit(accessible_name="Ended on")
        end_rows = [
            self.add_row("Role:", self.held),
            self.add_row(
                "Ended on:",
                self.ended_on,
                "end_on",
                "The role stays in their history with its dates.",
            ),
        ]
        self._end_errors = (dict(self.error_labels), dict(self.focus_targets))
        self._rows = (add_rows, end_rows)
        self.mode.idToggled.connect(lambda _id, on: on and self._show_mode())
        if ending is not None and self.held.findData(ending.id) >= 0:
            self.held.setCurrentIndex(self.held.findData(ending.id))
            self.mode.button(1).setChecked(True)
        self._show_mode()
        self.finish()
        self.mode.checkedButton().setFocus()

    def ending_mode(self) -> bool:
        """True when the dialog will end a role rather than add one."""
        return self.mode.checkedId() == 1

    def _show_mode(self) -> None:
        ending = self.ending_mode()
        for index, rows in enumerate(self._rows):
            for row in rows:
                self.set_row_visible(row, index == int(ending))
        self.error_labels, self.focus_targets = self._end_errors if ending else self._add_errors
        self.save_button.setText("End role" if ending else "Add role")
        tip_with_save_key(self.save_button)

    def apply(self, session: Session) -> None:
        """Add the role, or end the chosen one, through the member records service."""
        if self.ending_mode():
            member_records.end_role(
                session, self.actor, self.held.currentData(), from_qdate(self.ended_on.date())
            )
            return
        member_records.add_role(
            session,
            self.actor,
            self.member.id,
            self.role.currentData(),
            from_qdate(self.start_on.date()),
            self.end_on.value(),
        )


class TrainingDialog(RecordDialog):
    """Which training, when completed, and when it expires (pre-filled from its validity)."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        member: MemberDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, actor, member, "Record training", "Record training", parent)
        self.intro.setText(f"Record training that {member.display_name} has completed.")
        with context.session() as session:
            self.kinds = reference_lists.training_types(session)
        self.training = QComboBox()
        self.training.setAccessibleName("Training")
        for kind in self.kinds:
            self.training.addItem(kind.name, kind.id)
        self.completed_on = date_edit(accessible_name="Date completed")
        self.expiry = OptionalDate("Expires on", "Expiry date")
        self.expiry_note = QLabel()
        self.expiry_note.setWordWrap(True)
        self.add_row("Training:", self.training, "training_type")
        self.add_row("Completed on:", self.completed_on, "completed_on")
        self.add_row("Expiry:", self.expiry, "expires_on")
        self.form.addRow("", self.expiry_note)
        self._filling = False
        self._expiry_touched = False
        self.expiry.edit.dateChanged.connect(self._touched)
        self.training.currentIndexChanged.connect(lambda _i: self._prefill(reset=True))
        self.completed_on.dateChanged.connect(lambda _d: self._prefill(reset=False))
        self.expiry.check.toggled.connect(lambda _on: self._describe())
        self._prefill(reset=True)
        self.finish()
        self.training.setFocus()

    def _touched(self) -> None:
        if not self._filling:
            self._expiry_touched = True
            self._describe()

    def validity(self) -> int | None:
        """Months the chosen training stays current, or None when it does not expire."""
        index = self.training.currentIndex()
        return self.kinds[index].validity_months if index >= 0 else None

    def _prefill(self, reset: bool) -> None:
        if reset:
            self._expiry_touched = False
        months = self.validity()
        self._filling = True
        if months and not self._expiry_touched:
            completed = from_qdate(self.completed_on.date())
            self.expiry.set_value(add_months(completed, months))
        elif not months and reset:
            self.expiry.set_value(None)
        self._filling = False
        self._describe()

    def _describe(self) -> None:
        name = self.training.currentText()
        months = self.validity()
        if not self.expiry.check.isChecked():
            text = f"Does not expire. Tick “Expires on” if {name} should be renewed."
        elif months:
            text = (
                f"{name} stays current for {months} months — change the date if their "
                "certificate says otherwise."
            )
        else:
            text = f"{name} usually does not expire; untick to record it that way."
        self.expiry_note.setText(text)

    def apply(self, session: Session) -> None:
        """Record the training through the member records service."""
        member_records.record_training(
            session,
            self.actor,
            self.member.id,
            self.training.currentData(),
            from_qdate(self.completed_on.date()),
            self.expiry.value(),
            no_expiry=self.expiry.value() is None,
        )


CONSENT_FOR = (
    ("keeping_records", "Keeping their details on record"),
    ("contact_email", "Contact by email"),
    ("contact_phone", "Contact by phone"),
    ("contact_post", "Contact by post"),
    ("photos", "Photos"),
)


class ConsentDialog(RecordDialog):
    """Date given, how, what for (tick boxes, none pre-ticked) and a review date."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        member: MemberDetail,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, actor, member, "Record consent", "Record consent", parent)
        last = member.current_consent
        previous = (
            f" Last recorded {format_date(last.given_on)}: {last.describe().lower()}."
            if last
            else ""
        )
        self.intro.setText(
            f"Record what {member.display_name} agreed to.{previous} The new record replaces "
            "it; older records are kept."
        )
        self.given_on = date_edit(accessible_name="Date consent given")
        self.how = QComboBox()
        self.how.setAccessibleName("How consent was given")
        for how in ConsentHow:
            self.how.addItem(how.label, how.value)
        agreed = QWidget()
        agreed.setAccessibleName("What they agreed to")
        column = QVBoxLayout(agreed)
        column.setContentsMargins(0, 0, 0, 0)
        self.agreed: dict[str, QCheckBox] = {}
        for key, text in CONSENT_FOR:
            self.agreed[key] = QCheckBox(text)
            column.addWidget(self.agreed[key])
        self.review_on = date_edit(accessible_name="Review date")
        self.add_row("Given on:", self.given_on, "given_on")
        self.add_row("How given:", self.how, "how")
        self.add_row("Agreed to:", agreed, hint="Tick only what they said yes to.")
        self.add_row(
            "Review on:",
            self.review_on,
            "review_on",
            f"Usually {CONSENT_REVIEW_MONTHS} months later: ask again then.",
        )
        self._filling = False
        self._review_touched = False
        self.review_on.dateChanged.connect(self._touched)
        self.given_on.dateChanged.connect(lambda _d: self._prefill())
        self._prefill()
        self.finish()
        self.given_on.setFocus()

    def _touched(self) -> None:
        if not self._filling:
            self._review_touched = True

    def _prefill(self) -> None:
        if self._review_touched:
            return
        self._filling = True
        given = from_qdate(self.given_on.date())
        self.review_on.setDate(to_qdate(add_months(given, CONSENT_REVIEW_MONTHS)))
        self._filling = False

    def apply(self, session: Session) -> None:
        """Record the consent through the member records service."""
        ticks = {key: box.isChecked() for key, box in self.agreed.items()}
        member_records.record_consent(
            session,
            self.actor,
            self.member.id,
            from_qdate(self.given_on.date()),
            ConsentHow(self.how.currentData()),
            review_on=from_qdate(self.review_on.date()),
            **ticks,
        )


__all__ = [
    "ConsentDialog",
    "RoleDialog",
    "StatusDialog",
    "TrainingDialog",
    "role_text",
    "status_sentence",
]
