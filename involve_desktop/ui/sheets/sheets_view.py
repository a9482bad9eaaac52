"""The Sheets area screen: the list of printable sheets, the chosen sheet's options, Preview….

Sheets come from ``core.sheets.catalogue`` (the same list the ``print`` command offers).
Preview… renders the sheet and opens ``PrintPreviewDialog``, where it can be printed or
saved. Bad input is shown under the field it is about; nothing opens until it is fixed.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.sheets.catalogue import SheetSpec, all_sheets, suggested_file_name
from involve_desktop.ui.print_preview import PrintPreviewDialog
from involve_desktop.ui.sheets.sheet_options_form import SheetOptionsForm, error_label

log = logging.getLogger(__name__)


class SheetsView(QWidget):
    """Choose a sheet, set its options and preview it; ``group_name`` is read at preview time."""

    def __init__(self, group_name: Callable[[], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._group_name = group_name
        self._specs = all_sheets()

        self.sheet_list = QListWidget(self)
        self.sheet_list.setAccessibleName("Sheets")
        for spec in self._specs:
            item = QListWidgetItem(spec.title, self.sheet_list)
            item.setData(Qt.ItemDataRole.UserRole, spec.key)
            item.setToolTip(spec.description)
        list_label = QLabel("&Sheets", self)
        list_label.setBuddy(self.sheet_list)

        self.heading = QLabel(self)
        self.heading.setAccessibleName("Sheet title")
        heading_font = self.heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.4)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.description = QLabel(self)
        self.description.setWordWrap(True)
        self.description.setAccessibleName("About this sheet")
        self.group_label = QLabel(self)
        self.group_label.setWordWrap(True)
        self.group_label.setAccessibleName("Group name on the sheet")
        self.group_error = error_label(self)
        self.form = SheetOptionsForm(self)
        self.preview_button = QPushButton("Preview…", self)
        self.preview_button.setAccessibleName("Preview")
        self.preview_button.setToolTip("Preview the sheet, then print it or save it (Ctrl+P)")
        self.preview_button.setDefault(True)
        self.preview_button.setMinimumWidth(140)
        self.preview_button.clicked.connect(self.preview)
        # Ctrl+P belongs to the main window's "Print…" action, which calls preview(); a
        # second shortcut here would make the key ambiguous and neither would fire.

        self._lay_out(list_label)
        self.sheet_list.currentRowChanged.connect(self._select_row)
        self.sheet_list.setCurrentRow(0)
        self.refresh_group_name()

    def _lay_out(self, list_label: QLabel) -> None:
        """List on the left; details, form and the Preview button on the right."""
        left = QVBoxLayout()
        left.addWidget(list_label)
        left.addWidget(self.sheet_list, 1)
        right = QVBoxLayout()
        right.addWidget(self.heading)
        right.addWidget(self.description)
        right.addWidget(self.group_label)
        right.addWidget(self.group_error)
        right.addSpacing(8)
        right.addWidget(self.form)
        right.addSpacing(8)
        buttons = QHBoxLayout()
        buttons.addWidget(self.preview_button)
        buttons.addStretch(1)
        right.addLayout(buttons)
        right.addStretch(1)
        right_panel = QWidget(self)
        right_panel.setLayout(right)
        right_panel.setMaximumWidth(720)
        layout = QHBoxLayout(self)
        self.sheet_list.setMaximumWidth(280)
        layout.addLayout(left, 0)
        layout.addSpacing(12)
        layout.addWidget(right_panel, 1)
        layout.addStretch(0)
        order = [self.sheet_list, *self.form.focus_order(), self.preview_button]
        for first, second in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    # -- state --------------------------------------------------------------------------
    def current_spec(self) -> SheetSpec:
        """The selected sheet (the first one if nothing is selected)."""
        row = self.sheet_list.currentRow()
        return self._specs[row if 0 <= row < len(self._specs) else 0]

    def select_sheet(self, key: str) -> None:
        """Select the sheet with this catalogue key (e.g. from a menu)."""
        keys = [spec.key for spec in self._specs]
        self.sheet_list.setCurrentRow(keys.index(key))

    def _select_row(self, row: int) -> None:
        spec = self.current_spec()
        self.heading.setText(spec.title)
        self.description.setText(spec.description)
        self.form.set_spec(spec)
        self.group_error.setVisible(False)

    def refresh_group_name(self) -> None:
        """Show which group name will be printed (it can change in Settings)."""
        name = self._current_group_name()
        self.group_label.setText(
            f"Group name on the sheet: {name}"
            if name
            else "No group name is set, so the sheet will not show one. Add it in Settings."
        )

    def _current_group_name(self) -> str:
        try:
            return (self._group_name() or "").strip()
        except Exception:  # noqa: BLE001 - the sheet can still print without it
            log.exception("Could not read the group name")
            return ""

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Re-read the group name each time the screen is shown."""
        self.refresh_group_name()
        super().showEvent(event)

    # -- preview ------------------------------------------------------------------------
    def preview(self) -> bool:
        """Render the selected sheet and open the preview; False if the input needs fixing."""
        spec = self.current_spec()
        self.form.clear_errors()
        self.group_error.setVisible(False)
        params = self.form.params(self._current_group_name())
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            pdf = spec.render(params, self.form.options())
        except ValidationError as error:
            self._show_input_error(error)
            return False
        except Exception:
            log.exception("Could not render the sheet %s", spec.key)
            QMessageBox.warning(
                self,
                "Could not make the sheet",
                "Something went wrong while making the sheet. The details are in the log "
                "file in the app's data folder.",
            )
            return False
        finally:
            QApplication.restoreOverrideCursor()
        title = params.title or spec.title
        dialog = PrintPreviewDialog(pdf, title, suggested_file_name(spec, params), self)
        self._open_preview(dialog)
        return True

    def _open_preview(self, dialog: PrintPreviewDialog) -> None:
        """Show the preview and wait until it is closed."""
        dialog.exec()
        dialog.deleteLater()

    def _show_input_error(self, error: ValidationError) -> None:
        """Put the message under its field (or under the group name), and focus that field."""
        if error.field == "group_name":
            self.group_error.setText(f"⚠ {error.message} Change it in Settings.")
            self.group_error.setVisible(True)
            return
        if not self.form.show_error(error.field, error.message):
            QMessageBox.warning(self, "Check the sheet options", error.message)
            return
        target = {
            "title": self.form.title_edit,
            "rows": self.form.rows_spin,
            "meeting": self.form.meeting_edit,
            "date": self.form.date_edit,
            "venue": self.form.venue_edit,
        }.get(error.field)
        if target is not None:
            target.setFocus()
