"""The lock screen: the same account's password, or switch to another account."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.errors import InvolveError
from involve_desktop.core.services import accounts
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.messages import error_label, grow_to_fit
from involve_desktop.ui.operations import service_call


class LockDialog(QDialog):
    """Shown on top of every window after no input; it cannot be closed, only unlocked.

    Emits ``unlocked`` with the account (read afresh) or ``switch_requested``.
    """

    unlocked = Signal(object)
    switch_requested = Signal()

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        group: str,
        parent: QWidget | None = None,
        *,
        asked: bool = False,
    ) -> None:
        """``asked``: locked with Lock now (Ctrl+L), not after no one used the laptop."""
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self.setWindowTitle(f"Locked — {group}")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        heading = QLabel(f"<h2>Locked</h2><p>{escape(group)}</p>")
        heading.setTextFormat(Qt.TextFormat.RichText)
        why = (
            "The app was locked with Lock now."
            if asked
            else "Nobody used the laptop for a while, so it locked."
        )
        intro = QLabel(
            f"{why} {escape(actor.display_name)}: type your password to carry on where you "
            "left off. Anything typed in an open window is kept."
        )
        intro.setWordWrap(True)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setAccessibleName(f"Password for {actor.display_name}")
        self.password.returnPressed.connect(self.try_unlock)
        self.error = error_label()
        self.error.setAccessibleName("Unlock problem")
        form = QFormLayout()
        form.addRow("Account:", QLabel(f"{actor.display_name} ({actor.username})"))
        form.addRow("&Password:", self.password)
        label = form.itemAt(1, QFormLayout.ItemRole.LabelRole).widget()
        if isinstance(label, QLabel):
            label.setBuddy(self.password)
        self.unlock_button = QPushButton("&Unlock")
        self.unlock_button.setDefault(True)
        self.unlock_button.clicked.connect(self.try_unlock)
        self.switch_button = QPushButton("S&witch account…")
        self.switch_button.setToolTip("Sign out so someone else can sign in")
        self.switch_button.clicked.connect(self.switch_requested.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(440)
        self.password.setFocus()

    def try_unlock(self) -> None:
        """Check the password: emit ``unlocked`` if right, else say so (and how long to wait)."""
        with service_call(self) as call:
            try:
                with self.context.session() as session:
                    actor = accounts.unlock(session, self.actor, self.password.text())
            except InvolveError as error:
                self.error.setText(f"⚠ {error.message}")
                self.error.setVisible(True)
                grow_to_fit(self.error)
                self.password.clear()
                self.password.setFocus()
                return
        if call.failed:
            return
        self.error.setVisible(False)
        self.password.clear()
        self.unlocked.emit(actor)

    # The lock screen is not dismissed by Esc or the window's close button.
    def reject(self) -> None:
        """Esc does nothing here: only the password (or switching account) unlocks."""

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        event.ignore()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() == Qt.Key.Key_Escape:
            return
        super().keyPressEvent(event)
