"""Adding or changing a leadership programme: name, description, planned sessions and the
completion rule (share of sessions to attend, default 80 %, and sessions everyone must
attend). ``ProgrammeDialog(context, actor, programme=None, parent)``; ``result_value`` is
the saved ``ProgrammeInfo``.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import cohorts_programmes
from involve_desktop.core.services.cohorts_dto import (
    DEFAULT_COMPLETION_PERCENT,
    ProgrammeInfo,
    ProgrammeInput,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.ui.cohorts.form_dialog import FormDialog, snapshot
from involve_desktop.ui.context import AppContext

FIELDS = ("name", "description", "planned_sessions", "completion_percent", "required_sessions")


def parse_numbers(text: str) -> tuple[int, ...]:
    """ "1, 6 and 10" → (1, 6, 10); anything that is not a number is refused by name."""
    parts = [p for p in re.split(r"[,\s]+|\band\b", text.strip()) if p]
    bad = [p for p in parts if not p.isdigit()]
    if bad:
        raise ValidationError(
            "required_sessions",
            f"“{bad[0]}” is not a session number — type numbers such as 1, 6 (or leave blank).",
        )
    return tuple(sorted({int(p) for p in parts}))


class ProgrammeDialog(FormDialog):
    """See the module docstring."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        programme: ProgrammeInfo | None = None,
        parent: QWidget | None = None,
    ) -> None:
        title = "New programme" if programme is None else f"Programme — {programme.name}"
        super().__init__(context, title, "&Save programme", FIELDS, parent)
        self.actor, self.programme = actor, programme
        self.setMinimumWidth(560)
        self.name = QLineEdit()
        self.name.setAccessibleName("Programme name")
        self.name.setPlaceholderText("e.g. Peer Leadership Programme")
        self.description = QPlainTextEdit()
        self.description.setAccessibleName("Description")
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().height() * 5)
        self.planned = QSpinBox()
        self.planned.setRange(1, 52)
        self.planned.setValue(10)
        self.planned.setSuffix(" sessions")
        self.planned.setAccessibleName("Planned sessions")
        self.percent = QSpinBox()
        self.percent.setRange(1, 100)
        self.percent.setValue(DEFAULT_COMPLETION_PERCENT)
        self.percent.setSuffix(" %")
        self.percent.setAccessibleName("Share of sessions to attend to complete")
        self.required = QLineEdit()
        self.required.setAccessibleName("Sessions everyone must attend")
        self.required.setPlaceholderText("Optional — e.g. 1, 10")
        self.row("&Name:", "name", self.name)
        self.row("&Description:", "description", self.description)
        self.row("&Planned sessions:", "planned_sessions", self.planned)
        self.row(
            "&Attend at least:",
            "completion_percent",
            self.percent,
            "of a cohort's sessions to complete (rounded up: 80 % of 9 is 8)",
        )
        self.row(
            "&Must attend:",
            "required_sessions",
            self.required,
            "Session numbers everyone must attend (1 is the first session)",
        )
        if programme is not None:
            self._fill(programme)
            self.version.version = programme.version
        self.finish()
        self.name.setFocus()

    def _fill(self, programme: ProgrammeInfo) -> None:
        self.name.setText(programme.name)
        self.description.setPlainText(programme.description or "")
        self.planned.setValue(programme.planned_sessions)
        self.percent.setValue(programme.completion_percent)
        self.required.setText(", ".join(str(n) for n in programme.required_sessions))

    def load_theirs(self) -> int:
        """Show the programme as stored now (someone else's save), dropping what was typed."""
        assert self.programme is not None
        with self.context.session() as session:
            self.programme = cohorts_programmes.get_programme(
                session, self.actor, self.programme.id
            )
        self._fill(self.programme)
        self._saved = snapshot(self)
        return self.programme.version

    def value(self) -> ProgrammeInput:
        """The programme as typed (a bad required-session list refused by name)."""
        return ProgrammeInput(
            name=self.name.text(),
            planned_sessions=self.planned.value(),
            description=self.description.toPlainText() or None,
            completion_percent=self.percent.value(),
            required_sessions=parse_numbers(self.required.text()),
        )

    def apply(self) -> ProgrammeInfo:
        data = self.value()
        with self.context.session() as session:
            if self.programme is None:
                return cohorts_programmes.create_programme(session, self.actor, data)
            return cohorts_programmes.update_programme(
                session, self.actor, self.programme.id, data, expected_version=self.version.version
            )
