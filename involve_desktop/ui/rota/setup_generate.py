"""Generate shifts from the weekly patterns for a date range, and say what happened."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import rota_patterns
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import GenerateResult, plural
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.setup_widgets import PeriodFields, intro


def _and(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + " and " + parts[-1]


def describe_result(result: GenerateResult) -> str:
    """ "Made 84 shifts; skipped Good Friday (bank holiday) and 2 closed days." """
    text = f"Made {plural(result.created, 'shift')}"
    skipped = [f"{name} (bank holiday)" for _day, name in result.bank_holidays_skipped]
    closed_days = len({day for day, _site in result.closed_skipped})
    if closed_days:
        skipped.append(plural(closed_days, "closed day"))
    if skipped:
        text += "; skipped " + _and(skipped)
    text += "."
    if result.already_there:
        verb = "was" if result.already_there == 1 else "were"
        text += f" {plural(result.already_there, 'shift')} {verb} already on the rota (left alone)."
    if result.created == 0 and not result.already_there:
        text += (
            " No weekly shift pattern falls in these dates (shifts are never made before "
            "today, nor at archived sites)."
        )
    return text


class GenerateDialog(QDialog):
    """Pick a date range and make the shifts of every weekly pattern in it."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        start: date,
        end: date,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor = context, actor
        self.result_value: GenerateResult | None = None
        self.setWindowTitle("Make shifts from the weekly patterns")
        self.setMinimumWidth(480)
        self.period = PeriodFields(start, end)
        self.start, self.end = self.period.start, self.period.end
        self.errors, self.fallback = self.period.errors, self.period.fallback
        self.labels = self.period.labels
        form = QFormLayout()
        self.period.add_rows(form)
        self.generate_button = QPushButton("Ma&ke shifts")
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
                "Makes one shift for each weekly pattern on each matching day. Shifts already "
                "made are left as they are; bank holidays and closed days are skipped."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addWidget(self.generate_button)
        layout.addWidget(self.outcome)
        layout.addWidget(buttons)

    def generate(self) -> None:
        """Make the shifts and say in words what was made and skipped."""
        start, end = self.period.dates()
        self.errors.clear()
        with (
            service_call(self, self.errors, self.period.focus) as call,
            self.context.session() as session,
        ):
            self.result_value = rota_patterns.generate_shifts(session, self.actor, start, end)
        if call.failed or self.result_value is None:
            self.outcome.clear()
            return
        self.outcome.setText(
            f"{format_date(start)} to {format_date(end)}: {describe_result(self.result_value)}"
        )
