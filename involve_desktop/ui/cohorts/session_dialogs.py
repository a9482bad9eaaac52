"""The session plan's small dialogs: plan sessions from a pattern, add or change one
session, and cancel one with a reason. Each does its service call itself and closes only
when that worked; ``result_value`` holds what it returned."""

from __future__ import annotations

from datetime import date, time, timedelta

from PySide6.QtWidgets import QCheckBox, QComboBox, QLineEdit, QPlainTextEdit, QSpinBox, QWidget

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import cohorts_sessions
from involve_desktop.core.services.cohorts_dto import (
    CohortInfo,
    PlanResult,
    SessionInfo,
    SessionInput,
    SessionPattern,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import MeetingInfo
from involve_desktop.ui.cohorts.form_dialog import FormDialog
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.dialog_widgets import date_edit, from_qdate
from involve_desktop.ui.rota.setup_widgets import time_edit, time_value

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class PlanDialog(FormDialog):
    """Make the whole plan: N sessions on a weekday, every week or fortnight, from the
    cohort's start, with topics one per line (optional)."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        cohort: CohortInfo,
        planned: int,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        fields = ("weekday", "start_time", "end_time", "sessions", "every_weeks", "topics")
        super().__init__(
            context, f"Plan sessions — {cohort.title}", "&Make the plan", fields, parent
        )
        self.actor, self.cohort, self.today = actor, cohort, today
        self.setMinimumWidth(560)
        self.weekday = QComboBox()
        self.weekday.setAccessibleName("Day of the week")
        self.weekday.addItems(list(WEEKDAYS))
        self.weekday.setCurrentIndex(cohort.start_on.weekday())
        self.start_time = time_edit(time(14), "Start time")
        self.end_time = time_edit(time(16), "End time")
        self.sessions = QSpinBox()
        self.sessions.setRange(1, 52)
        self.sessions.setValue(planned)
        self.sessions.setAccessibleName("Number of sessions")
        self.every = QComboBox()
        self.every.setAccessibleName("How often")
        self.every.addItem("Every week", 1)
        self.every.addItem("Every other week", 2)
        self.topics = QPlainTextEdit()
        self.topics.setAccessibleName("Topics, one per line")
        self.topics.setTabChangesFocus(True)
        self.topics.setPlaceholderText("Optional — one per line, in order:\nWelcome\nOur stories")
        self.topics.setFixedHeight(self.fontMetrics().height() * 7)
        self.bank = QCheckBox("S&kip bank holidays")
        self.bank.setChecked(True)
        self.row("&Day:", "weekday", self.weekday)
        self.row("&From:", "start_time", self.start_time)
        self.row("&To:", "end_time", self.end_time)
        self.row(
            "&Sessions:",
            "sessions",
            self.sessions,
            f"From the start, {format_date(cohort.start_on)}",
        )
        self.row("&How often:", "every_weeks", self.every)
        self.row("To&pics:", "topics", self.topics)
        self.form.addRow("", self.bank)
        self.finish()
        self.weekday.setFocus()

    def pattern(self) -> SessionPattern:
        """The pattern as chosen (blank topic lines dropped at the end)."""
        lines = [line.strip() for line in self.topics.toPlainText().splitlines()]
        while lines and not lines[-1]:
            lines.pop()
        return SessionPattern(
            weekday=self.weekday.currentIndex(),
            start_time=time_value(self.start_time),
            end_time=time_value(self.end_time),
            sessions=self.sessions.value(),
            every_weeks=self.every.currentData(),
            topics=tuple(lines),
            skip_bank_holidays=self.bank.isChecked(),
        )

    def apply(self) -> PlanResult:
        with self.context.session() as session:
            return cohorts_sessions.plan_sessions(
                session, self.actor, self.cohort.id, self.pattern(), today=self.today
            )


class SessionDialog(FormDialog):
    """Add one session, or change one (day, times, topic, venue)."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        cohort: CohortInfo,
        existing: SessionInfo | None = None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
        last: MeetingInfo | None = None,
    ) -> None:
        fields = ("day", "start_time", "end_time", "topic", "venue")
        title = "Add a session" if existing is None else f"Change {existing.label}"
        super().__init__(context, title, "&Save session", fields, parent)
        self.actor, self.cohort, self.existing, self.today = actor, cohort, existing, today
        self.setMinimumWidth(520)
        m = existing.meeting if existing is not None else None
        like = m or last  # a new session: a week after the last one, at its times
        day = m.day if m else (last.day + timedelta(days=7) if last else (today or date.today()))
        self.day = date_edit(day, "Day")
        self.start_time = time_edit(like.start_time if like else time(14), "Start time")
        self.end_time = time_edit(like.end_time if like else time(16), "End time")
        self.topic = QLineEdit(m.topic or "" if m else "")
        self.topic.setAccessibleName("Topic")
        self.topic.setPlaceholderText("e.g. Co-production in practice")
        self.venue = QLineEdit(m.venue or "" if m else "")
        self.venue.setAccessibleName("Venue")
        self.venue.setPlaceholderText(f"Blank: {cohort.venue}" if cohort.venue else "Optional")
        self.row("&Day:", "day", self.day)
        self.row("&From:", "start_time", self.start_time)
        self.row("&To:", "end_time", self.end_time)
        self.row("To&pic:", "topic", self.topic)
        self.row("&Venue:", "venue", self.venue)
        self.finish()
        self.day.setFocus()

    def apply(self) -> SessionInfo:
        data = SessionInput(
            day=from_qdate(self.day.date()),
            topic=self.topic.text() or None,
            start_time=time_value(self.start_time),
            end_time=time_value(self.end_time),
            venue=self.venue.text() or None,
        )
        with self.context.session() as session:
            if self.existing is None:
                return cohorts_sessions.add_session(
                    session, self.actor, self.cohort.id, data, today=self.today
                )
            return cohorts_sessions.update_session(
                session, self.actor, self.existing.meeting.id, data, today=self.today
            )


class CancelSessionDialog(FormDialog):
    """Cancel a session with a reason: it keeps its number and stops counting."""

    def __init__(
        self, context: AppContext, actor: Actor, chosen: SessionInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(
            context, f"Cancel {chosen.label}", "Ca&ncel the session", ("reason",), parent
        )
        self.actor, self.chosen = actor, chosen
        self.setMinimumWidth(480)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason for cancelling")
        self.reason.setPlaceholderText("e.g. Venue closed for repairs")
        self.row(
            "&Reason:",
            "reason",
            self.reason,
            f"{chosen.meeting.when}. It keeps its number and no longer counts towards "
            "completion; you can reinstate it.",
        )
        self.buttons.button(self.buttons.StandardButton.Cancel).setText("Keep the session")
        self.finish()
        self.reason.setFocus()

    def apply(self) -> SessionInfo:
        with self.context.session() as session:
            return cohorts_sessions.cancel_session(
                session, self.actor, self.chosen.meeting.id, self.reason.text()
            )
