"""Printing sign-in sheets from the Meetings area: which meetings, blank rows, "New here?".

``SignInPrintDialog(context, actor, group, meeting=None, parent=None)``: this meeting (when
one is chosen), the group's next N meetings (4 unless changed) or every meeting next month;
empty rows for newcomers, the "New here?" box, large print and how names are printed (the
print pipeline's options). Preview… makes the PDF with ``meeting_sign_in_pdf`` and opens
the print preview, where it is printed or saved.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import meetings_meetings
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import GroupInfo, MeetingInfo
from involve_desktop.core.sheets.meeting_data import meeting_sign_in_pdf
from involve_desktop.core.sheets.meeting_sign_in import (
    DEFAULT_BLANK_ROWS,
    MAX_BLANK_ROWS,
    MIN_BLANK_ROWS,
)
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import SheetOptions
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.print_preview import PrintPreviewDialog
from involve_desktop.ui.rota.setup_widgets import month_name, next_month, with_error
from involve_desktop.ui.spin_range import RangeWatch, said_out_of_range

DEFAULT_COUNT = 4


class SignInPrintDialog(QDialog):
    """Choose the meetings and options, then preview their sign-in sheets."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        group: GroupInfo,
        meeting: MeetingInfo | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.group, self.meeting = context, actor, group, meeting
        self.today = today or date.today()
        self.pdf: bytes | None = None
        self.setWindowTitle(f"Print sign-in sheets — {group.name}")
        self.setMinimumWidth(520)
        usable = meeting is not None and not meeting.cancelled
        self.this_radio = QRadioButton(
            f"&This meeting: {meeting.when}" if meeting else "This meeting (choose one first)"
        )
        self.this_radio.setEnabled(usable)
        self.next_radio = QRadioButton("The &next")
        self.count = QSpinBox()
        self.count.setRange(1, 26)
        self.count.setValue(DEFAULT_COUNT)
        self.count.setSuffix(" meetings")
        self.count.setAccessibleName("How many meetings")
        self.count.valueChanged.connect(lambda _v: self.next_radio.setChecked(True))
        self.watches = [RangeWatch(self.count)]  # "0": Qt would put 4 back and print 4
        first, _last = next_month(self.today)
        self.month_radio = QRadioButton(f"Every meeting ne&xt month ({month_name(first)})")
        (self.this_radio if usable else self.next_radio).setChecked(True)
        choice = QButtonGroup(self)
        for radio in (self.this_radio, self.next_radio, self.month_radio):
            choice.addButton(radio)
        next_row = QHBoxLayout()
        next_row.addWidget(self.next_radio)
        next_row.addWidget(self.count)
        next_row.addStretch(1)
        which = QVBoxLayout()
        which.addWidget(self.this_radio)
        which.addLayout(next_row)
        which.addWidget(self.month_radio)

        self.rows = QSpinBox()
        self.rows.setRange(MIN_BLANK_ROWS, MAX_BLANK_ROWS)
        self.rows.setValue(DEFAULT_BLANK_ROWS)
        self.rows.setAccessibleName("Empty rows for newcomers")
        self.new_here = QCheckBox("Add the “New here?” box (name, contact, consent tick)")
        self.new_here.setChecked(True)
        self.large_print = QCheckBox("Lar&ge print (16 pt text, taller rows)")
        self.privacy = QComboBox()
        self.privacy.setAccessibleName("How names are printed")
        for mode in PrivacyMode:
            self.privacy.addItem(mode.label, mode)
        self.privacy.setCurrentIndex(list(PrivacyMode).index(SheetOptions().privacy))
        self.meetings_error = error_label()
        self.rows_error = error_label()
        self.fallback = error_label()
        self.errors = FieldErrors(
            {"meeting": self.meetings_error, "rows": self.rows_error}, self.fallback
        )
        box = QWidget()
        box.setLayout(which)
        form = QFormLayout()
        form.addRow("Which:", with_error(box, self.meetings_error))
        rows_label = QLabel("Empty &rows:")
        rows_label.setBuddy(self.rows)
        form.addRow(rows_label, with_error(self.rows, self.rows_error))
        form.addRow("", self.new_here)
        form.addRow("Text size:", self.large_print)
        names_label = QLabel("&Names:")
        names_label.setBuddy(self.privacy)
        form.addRow(names_label, self.privacy)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        preview = buttons.button(QDialogButtonBox.StandardButton.Ok)
        preview.setText("&Preview…")
        preview.setDefault(True)
        buttons.accepted.connect(self.preview)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(buttons)

    def options(self) -> SheetOptions:
        """Large print and privacy as chosen (sign-in sheets are portrait)."""
        return SheetOptions(
            large_print=self.large_print.isChecked(),
            privacy=PrivacyMode(self.privacy.currentData()),
        )

    def chosen_meetings(self, session) -> list[MeetingInfo]:  # noqa: ANN001 - a Session
        """The meetings the choice means (never cancelled ones)."""
        if self.this_radio.isChecked() and self.meeting is not None:
            return [self.meeting]
        if self.month_radio.isChecked():
            first, last = next_month(self.today)
            found = meetings_meetings.list_meetings(
                session, self.actor, self.group.id, first, last, include_cancelled=False
            )
            if not found:
                raise ValidationError(
                    "meeting",
                    f"{self.group.name} has no meetings in {month_name(first)} yet — make them "
                    "with Generate meetings… first.",
                )
            return found
        found = meetings_meetings.next_meetings(
            session, self.actor, self.group.id, self.count.value(), self.today
        )
        if not found:
            raise ValidationError(
                "meeting",
                f"{self.group.name} has no meetings from today on — make them with Generate "
                "meetings… or add one.",
            )
        return found

    def preview(self) -> None:
        """Make the PDF and open the print preview; a problem is shown in the dialog."""
        self.errors.clear()
        this_one = self.this_radio.isChecked() and self.meeting is not None
        counted = not (this_one or self.month_radio.isChecked())  # else the box is not used
        if counted and said_out_of_range(self.watches, self.errors, {"meeting": self.count}):
            return
        pdf: bytes | None = None
        with (
            service_call(self, self.errors, {"rows": self.rows}, "Sign-in sheets") as call,
            self.context.session() as session,
        ):
            chosen = self.chosen_meetings(session)
            pdf = meeting_sign_in_pdf(
                session,
                self.actor,
                [m.id for m in chosen],
                self.options(),
                blank_rows=self.rows.value(),
                new_here=self.new_here.isChecked(),
                today=self.today,
            )
        if call.failed or pdf is None:
            return
        self.pdf = pdf
        first = chosen[0].day.isoformat()
        title = f"Sign-in sheets — {self.group.name}"
        dialog = PrintPreviewDialog(
            pdf, title, f"sign-in-{_slug(self.group.name)}-{first}.pdf", self
        )
        dialog.exec()
        dialog.deleteLater()
        self.accept()


def _slug(name: str) -> str:
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split()) or "group"
