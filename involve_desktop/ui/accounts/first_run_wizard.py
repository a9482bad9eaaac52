"""First start on a new database: name the group, then create the first coordinator account."""

from __future__ import annotations

from html import escape

from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import accounts
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.organisation import GROUP_NAME_MAX
from involve_desktop.ui.accounts.account_fields import AccountFields
from involve_desktop.ui.context import AppContext
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
        with service_call(self, self.errors, self.fields.focus_targets) as call:
            try:
                self.fields.check_confirmation()
                with self._wizard.context.session() as session:
                    actor = accounts.set_up_group(
                        session,
                        self.field("group_name"),
                        self.fields.display_name.text(),
                        self.fields.username.text(),
                        self.fields.password.text(),
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
        self._wizard.created = actor
        return True


class DonePage(QWizardPage):
    """Step 3: what was made, and what happens next."""

    def __init__(self, wizard: FirstRunWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle("All set")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        actor = self._wizard.created
        if actor is None:
            return
        self.summary.setText(
            f"<p><b>{escape(self.field('group_name').strip())}</b> is set up, and your "
            f"coordinator account <b>{escape(actor.username)}</b> is ready.</p>"
            "<p>Press <b>Finish</b>, then sign in with your username and password. "
            "Keep your password safe: everyone who uses this laptop has their own account.</p>"
        )


class FirstRunWizard(QWizard):
    """The short wizard shown when the database has no group yet."""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.created: Actor | None = None
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
