"""First start on a new database: name the group, then create the first coordinator account.

On the laptop's own SQLite file the database is then encrypted (``encryption``): the
account's password opens it, and the last step shows the recovery key once, with a
recovery sheet to print; Finish waits until the person says they have kept it.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from involve_desktop.core.errors import InvolveError, ValidationError
from involve_desktop.core.services import accounts, encryption
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.organisation import GROUP_NAME_MAX
from involve_desktop.ui import dialog_keys
from involve_desktop.ui.accounts.account_fields import AccountFields
from involve_desktop.ui.accounts.busy import hashing_password
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.encryption.recovery_key_dialog import print_recovery_sheet
from involve_desktop.ui.encryption.reopen import reopen_encrypted
from involve_desktop.ui.encryption.unlock_dialog import remember_username
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call


class GroupPage(QWizardPage):
    """Step 1: the group's name, as it should appear on every printed sheet."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Welcome to Involve Desktop")
        self.setSubTitle(
            "Step 1 of 2. Let's set up your group; you can change any of it later in Settings."
        )
        self.group_name = QLineEdit()
        self.group_name.setAccessibleName("Group name")
        self.group_name.setPlaceholderText("e.g. Riverside Voices")
        self.group_name.setMaxLength(GROUP_NAME_MAX)
        self.error = error_label()
        hint = QLabel("This name is printed at the top of sign-in sheets and reports.")
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow("Group name:", self.group_name)
        form.addRow("", self.error)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addStretch(1)
        self.registerField("group_name", self.group_name)

    def validatePage(self) -> bool:  # noqa: N802
        if self.group_name.text().strip():
            self.error.setVisible(False)
            return True
        self.show_problem("Group name is needed — type the name your group goes by.")
        return False

    def show_problem(self, message: str) -> None:
        """Show what is wrong with the group name under the box, and put the cursor there."""
        self.error.setText(f"⚠ {message}")
        self.error.setVisible(True)
        self.group_name.setFocus()


# Turned off while the account is being made (the page's Create account button as well).
WIZARD_BUTTONS = (
    QWizard.WizardButton.BackButton,
    QWizard.WizardButton.NextButton,
    QWizard.WizardButton.FinishButton,
    QWizard.WizardButton.CancelButton,
)


class AccountPage(QWizardPage):
    """Step 2: the first coordinator account; saving happens when this page is accepted."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("Your account")
        self.setSubTitle(
            "Step 2 of 2. You will be the first coordinator: you can add accounts for others "
            "who share this laptop (coordinators and facilitators)."
        )
        self.fields = AccountFields("Your name")
        self.general_error = error_label()
        layout = QVBoxLayout(self)
        layout.addWidget(self.fields)
        layout.addWidget(self.general_error)
        layout.addStretch(1)
        self.errors = FieldErrors(self.fields.errors, self.general_error)
        self.setCommitPage(True)
        self.setButtonText(QWizard.WizardButton.CommitButton, "Create account")

    def validatePage(self) -> bool:  # noqa: N802
        self.errors.clear()
        wizard = self._wizard
        # Hashing the password, then encrypting the file, each take a second or more.
        busy = [wizard.button(b) for b in (*WIZARD_BUTTONS, QWizard.WizardButton.CommitButton)]
        with service_call(self, self.errors, self.fields.focus_targets) as call:
            try:
                with hashing_password(*busy), wizard.context.session() as session:
                    actor = accounts.set_up_group(
                        session,
                        self.field("group_name"),
                        self.fields.display_name.text(),
                        self.fields.username.text(),
                        self.fields.password.text(),
                        again=self.fields.confirm.text(),
                    )
            except ValidationError as error:
                if error.field != "group_name":
                    raise
                # The group name was typed on step 1: go back there and show it under the box.
                self._wizard.back()
                self._wizard.group_page.show_problem(error.message)
                return False
        if call.failed:
            return False
        wizard.created = actor
        wizard.encrypt_new_database(actor, self.fields.password.text(), busy)
        return True


class DonePage(QWizardPage):
    """Step 3: what was made, and what happens next."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("All set")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.key_label = QLabel()
        self.key_label.setAccessibleName("Recovery key")
        # Selectable, so it can be copied into a password manager as well as written down.
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.key_label.font()
        font.setFamily("monospace")
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        self.key_label.setFont(font)
        self.print_button = QPushButton("&Print the recovery sheet…")
        self.print_button.clicked.connect(self.print_sheet)
        self.print_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.kept = QCheckBox(
            "I have printed the sheet or written the key down, and will &keep it safe"
        )
        self.kept.toggled.connect(lambda _on: self.completeChanged.emit())
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.key_label)
        layout.addWidget(self.print_button)
        layout.addWidget(self.kept)
        self.next_step = QLabel()
        self.next_step.setWordWrap(True)
        layout.addWidget(self.next_step)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        actor = self._wizard.created
        if actor is None:
            return
        recovery = self._wizard.recovery_key
        for widget in (self.key_label, self.print_button, self.kept):
            widget.setVisible(recovery is not None)
        self.key_label.setText(recovery or "")
        encrypted = (
            "<p>The data on this laptop is <b>encrypted</b>: your password opens it. If "
            "every coordinator forgets their password, only this <b>recovery key</b> can "
            "open it. It is shown <b>this once</b> — print the recovery sheet and keep it "
            "locked away from the laptop.</p>"
            if recovery
            else ""
        )
        self.summary.setText(
            f"<p><b>{escape(self.field('group_name').strip())}</b> is set up, and your "
            f"coordinator account <b>{escape(actor.username)}</b> is ready.</p>"
            f"{encrypted}"
        )
        self.next_step.setText(
            "<p>Press <b>Finish</b>, then sign in with your username and password. "
            "Keep your password safe: everyone who uses this laptop has their own account.</p>"
        )

    def isComplete(self) -> bool:  # noqa: N802
        return self._wizard.recovery_key is None or self.kept.isChecked()

    def print_sheet(self) -> None:
        """Preview the recovery sheet (the same as Settings → Backups shows)."""
        if self._wizard.recovery_key is not None:
            print_recovery_sheet(self, self._wizard.recovery_key, self.field("group_name").strip())


class FirstRunWizard(QWizard):
    """The short wizard shown when the database has no group yet."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.created: Actor | None = None
        self.recovery_key: str | None = None
        self.setWindowTitle("Set up Involve Desktop" + (" — DEMO" if context.demo else ""))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.group_page = GroupPage()
        self.account_page = AccountPage(self)
        self.done_page = DonePage(self)
        for page in (self.group_page, self.account_page, self.done_page):
            self.addPage(page)
        self.resize(620, 460)

    def reject(self) -> None:
        """Esc, Cancel or the window's close button: not while an unkept recovery key is
        shown (it is shown only once); before the account is made, what was typed is thrown
        away only if the person says so (the app's "Discard your changes?")."""
        if self.currentPage() is self.done_page and not self.done_page.isComplete():
            self.done_page.kept.setFocus()
            return
        if self.created is None and self.typed() and not dialog_keys.ask_discard(self):
            return
        super().reject()

    def typed(self) -> bool:
        """Whether anything has been typed into the group name or the account's boxes."""
        fields = self.account_page.fields
        boxes = (
            self.group_page.group_name,
            fields.display_name,
            fields.username,
            fields.password,
            fields.confirm,
        )
        return any(box.text() for box in boxes)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """The window's close button is Esc; the app closing the window itself (the laptop
        shutting down sends SIGTERM) closes it at once, with no question to wait for."""
        if event.spontaneous():
            super().closeEvent(event)
            return
        self.done(QDialog.DialogCode.Rejected)
        event.accept()

    def encrypt_new_database(
        self, actor: Actor, password: str, busy: Sequence[QWidget | None] = ()
    ) -> None:
        """Encrypt the new SQLite file (not the demo, nor a server) and keep the recovery key;
        ``busy``: buttons turned off meanwhile (the busy cursor shows).

        If it cannot be done, the group still works unencrypted, and the person is told
        where to try again.
        """
        if self.context.demo:
            return
        try:
            with hashing_password(*busy), self.context.session() as session:
                status = encryption.status(session)
                if not status.applies or status.encrypted:
                    return
                converted = encryption.encrypt_database(session, actor, password)
        except InvolveError as error:
            QMessageBox.warning(
                self,
                "Not encrypted",
                f"The data could not be encrypted: {error.message}\n\nEverything else is "
                "set up. Try again in Settings → Backups → Encrypt the database….",
            )
            return
        reopen_encrypted(self.context, converted.key)
        self.recovery_key = converted.recovery_key
        remember_username(actor.username)
