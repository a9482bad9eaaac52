"""Settings → Group: the group's name as printed on every sheet (coordinators only)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPushButton, QWidget

from involve_desktop.core.services import organisation
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.conflict import EditVersion
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.widgets import buttons_row, narrow, page


class GroupTab(QWidget):
    """Rename the group; emits ``renamed`` so the title bar and status bar follow."""

    renamed = Signal(str)

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        with context.session() as session:
            current = organisation.group_name(session) or ""
            version = organisation.settings_version(session)
        self.loaded_name = current
        self.version = EditVersion(self, version, self._load_theirs)
        self.name = QLineEdit(current)
        self.name.setAccessibleName("Group name")
        self.error = error_label()
        self.saved = QLabel()
        self.save_button = QPushButton("&Save")
        self.save_button.setAccessibleName("Save group name")
        self.save_button.clicked.connect(self.save)
        self.name.returnPressed.connect(self.save)
        self.errors = FieldErrors({"group_name": self.error}, self.error)
        form = QFormLayout()
        form.addRow("Group na&me:", self.name)
        form.addRow("", self.error)
        form.addRow("", buttons_row(self.save_button, self.saved))
        hint = QLabel("The group name is printed at the top of every sheet.")
        hint.setWordWrap(True)
        self.setLayout(page(narrow(form), hint))

    def save(self) -> None:
        """Save the new name through the service."""
        self.errors.clear()
        self.saved.clear()
        focus = {"group_name": self.name}
        names: list[str] = []

        def attempt(expected: int | None) -> None:
            with self.context.session() as session:
                names.append(
                    organisation.rename_group(
                        session, self.actor, self.name.text(), expected_version=expected
                    )
                )
                self.version.version = organisation.settings_version(session)

        if self.version.save(attempt, self.errors, focus).failed:
            return
        name = names[-1]
        self.loaded_name = name
        self.name.setText(name)
        self.saved.setText("✓ Saved.")
        self.renamed.emit(name)

    def _load_theirs(self) -> int:
        """Show the name as stored now (someone else's save), dropping what was typed."""
        with self.context.session() as session:
            self.loaded_name = organisation.group_name(session) or ""
            version = organisation.settings_version(session)
        self.name.setText(self.loaded_name)
        self.renamed.emit(self.loaded_name)  # the title and status bar follow
        return version

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Coming back to the tab with nothing typed: start from the settings as stored now
        (the screen-lock and privacy tabs save to the same record)."""
        super().showEvent(event)
        if self.name.text() == self.loaded_name:
            with self.context.session() as session:
                self.version.version = organisation.settings_version(session)
