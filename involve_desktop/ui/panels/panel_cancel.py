"""Cancelling a panel: the reason is required and kept with the panel (it stays listed)."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from involve_desktop.core.services import panels
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.panels_dto import PanelInfo
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.members.dialog_widgets import save_cancel, with_error
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call


class CancelPanelDialog(EditDialog):
    """Ask why the panel is cancelled, then cancel it (``result_info`` holds the panel)."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        panel: PanelInfo,
        parent: QWidget | None = None,
        *,
        expected_version: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.panel = context, actor, panel
        # the version the panel dialog's fields show (it may be older than ``panel``'s)
        self.expected_version = panel.version if expected_version is None else expected_version
        self.result_info: PanelInfo | None = None
        self.setWindowTitle(f"Cancel panel — {panel.post_title}")
        self.setMinimumWidth(480)
        intro = QLabel(
            f"Cancel the panel for {panel.title} on {panel.when}? It stays in the list, "
            "marked cancelled, with the people on it kept; you can reinstate it later."
        )
        intro.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason for cancelling")
        self.reason.setPlaceholderText("e.g. Post put on hold")
        self.reason_error = error_label()
        self.fallback = error_label()
        self.errors = FieldErrors({"reason": self.reason_error}, self.fallback)
        form = QFormLayout()
        label = QLabel("&Reason:")
        label.setBuddy(self.reason)
        form.addRow(label, with_error(self.reason, self.reason_error))
        buttons = save_cancel("Cancel &panel")
        buttons.button(buttons.StandardButton.Cancel).setText("&Keep it")
        buttons.accepted.connect(self.cancel_panel)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.fallback)
        column.addWidget(buttons)
        self.save_keys(self.cancel_panel, buttons.button(buttons.StandardButton.Save))

    def cancel_panel(self) -> None:
        """Cancel with the reason typed; a missing reason is shown beside the box."""
        self.errors.clear()
        info = None
        with (
            service_call(self, self.errors, {"reason": self.reason}, "Cancel panel") as call,
            self.context.session() as session,
        ):
            info = panels.cancel_panel(
                session,
                self.actor,
                self.panel.id,
                self.reason.text(),
                expected_version=self.expected_version,
            )
        if call.failed:
            return
        self.result_info = info
        self.accept()
