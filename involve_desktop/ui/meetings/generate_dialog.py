"""Make a group's meetings from its schedule for a period, and say in words what happened."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import meetings_generate
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import GenerateResult, GroupInfo
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.setup_widgets import PeriodFields, intro


def generate_words(result: GenerateResult) -> str:
    """ "Made 8 meetings. 2 were already there (left alone). Skipped Good Friday …"."""
    lines = [f"Made {plural(result.created, 'meeting')}."]
    if result.already_there:
        verb = "was" if result.already_there == 1 else "were"
        lines.append(
            f"{plural(result.already_there, 'meeting')} {verb} already there (left alone)."
        )
    for day, name in result.bank_holidays_skipped:
        lines.append(f"Skipped {format_date(day)}: {name} (bank holiday).")
    for day, group in result.closed_skipped:
        lines.append(f"Skipped {format_date(day)}: {group} does not meet that day (closed day).")
    if not result.created and not result.already_there and len(lines) == 1:
        lines.append(
            "The schedule gives no meetings in these dates (none are made before today "
            "unless you tick the box, nor outside the schedule's dates)."
        )
    return "\n".join(lines)


class GenerateMeetingsDialog(QDialog):
    """Pick a period and make ``group``'s scheduled meetings in it."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        group: GroupInfo,
        start: date,
        end: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.group = context, actor, group
        self.result_value: GenerateResult | None = None
        self.setWindowTitle(f"Make meetings — {group.name}")
        self.setMinimumWidth(520)
        self.period = PeriodFields(start, end)
        self.include_past = QCheckBox("Include days before today (to type in old sign-in sheets)")
        form = QFormLayout()
        self.period.add_rows(form)
        form.addRow("", self.include_past)
        self.generate_button = QPushButton("&Make meetings")
        self.generate_button.setDefault(True)
        self.generate_button.clicked.connect(self.generate)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)
        self.outcome.setAccessibleName("What happened")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            intro(
                f"{group.name}: {group.description}. One meeting is made for each day of the "
                "schedule; meetings already made are left as they are, and bank holidays and "
                "closed days are skipped."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.period.fallback)
        layout.addWidget(self.generate_button)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)

    def generate(self) -> None:
        """Make the meetings and say what was made and skipped."""
        start, end = self.period.dates()
        self.period.errors.clear()
        with (
            service_call(self, self.period.errors, self.period.focus, "Make meetings") as call,
            self.context.session() as session,
        ):
            self.result_value = meetings_generate.generate_meetings(
                session,
                self.actor,
                start,
                end,
                group_id=self.group.id,
                include_past=self.include_past.isChecked(),
            )
        if call.failed or self.result_value is None:
            self.outcome.clear()
            return
        self.outcome.setText(
            f"{format_date(start)} to {format_date(end)}:\n{generate_words(self.result_value)}"
        )
