"""One meeting: add a one-off or change one (day, times, venue, topic, facilitators), and
cancel one with a reason.

``MeetingDialog(context, actor, group, meeting=None, parent=None)`` — blank venue takes the
group's; the facilitators start as the meeting's own (or the group's usual ones).
``CancelDialog`` asks for the reason, which is required and kept with the meeting.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import meetings_groups, meetings_meetings, member_search
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_dto import GroupInfo, MeetingInfo, MeetingInput
from involve_desktop.ui.conflict import EditVersion
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.meetings.people_picker import PeoplePicker
from involve_desktop.ui.members.dialog_widgets import save_cancel
from involve_desktop.ui.messages import FieldErrors, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.setup_widgets import (
    date_edit,
    from_qdate,
    intro,
    time_edit,
    time_value,
    with_error,
)

ADD_NOTE = "A one-off meeting. Regular meetings come from the group's schedule (Generate…)."
EDIT_NOTE = "Only this meeting changes; the group's schedule and other meetings stay as they are."


class MeetingDialog(EditDialog):
    """Add a meeting to ``group`` (``meeting`` None) or change ``meeting``; ``saved`` after."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        group: GroupInfo,
        meeting: MeetingInfo | None = None,
        parent: QWidget | None = None,
        *,
        day: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.group, self.meeting = context, actor, group, meeting
        self.saved: MeetingInfo | None = None
        what = f"{meeting.group_name}, {meeting.when}" if meeting else group.name
        self.setWindowTitle(f"{'Change meeting' if meeting else 'Add a meeting'} — {what}")
        self.resize(620, 560)
        schedule = group.schedule
        self.day = date_edit(meeting.day if meeting else day or date.today(), "Day")
        start = meeting.start_time if meeting else schedule.start_time or time(14)
        end = meeting.end_time if meeting else schedule.end_time or time(16)
        self.start = time_edit(start, "Start time")
        self.end = time_edit(end, "End time")
        self.venue = QLineEdit(meeting.venue or "" if meeting else "")
        self.venue.setAccessibleName("Venue")
        self.venue.setPlaceholderText(f"blank: the group's ({group.venue or 'none set'})")
        self.topic = QLineEdit(meeting.topic or "" if meeting else "")
        self.topic.setAccessibleName("Topic")
        self.topic.setPlaceholderText("optional — printed on the sign-in sheet")
        self.facilitators = PeoplePicker("Facilitators", "Type to find a facilitator")
        names = ["day", "start_time", "end_time", "venue", "topic", "facilitators"]
        names += ["meeting", "group"]
        self.labels: dict[str, QLabel] = {n: error_label() for n in names}
        self.fallback = error_label()
        self.errors = FieldErrors(self.labels, self.fallback)
        self.focus: dict[str, QWidget] = {
            "day": self.day,
            "start_time": self.start,
            "end_time": self.end,
            "venue": self.venue,
            "topic": self.topic,
            "facilitators": self.facilitators,
        }
        form = QFormLayout()
        form.addRow("&Day:", with_error(self.day, self.labels["day"]))
        form.addRow("&Starts:", with_error(self.start, self.labels["start_time"]))
        form.addRow("&Ends:", with_error(self.end, self.labels["end_time"]))
        form.addRow("&Venue:", with_error(self.venue, self.labels["venue"]))
        form.addRow("&Topic:", with_error(self.topic, self.labels["topic"]))
        buttons = save_cancel("Save meeting" if meeting else "Add meeting")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.save_keys(self.save)
        layout = QVBoxLayout(self)
        layout.addWidget(intro(EDIT_NOTE if meeting else ADD_NOTE))
        layout.addLayout(form)
        layout.addWidget(self.facilitators, 1)
        layout.addWidget(self.labels["facilitators"])
        layout.addWidget(self.labels["meeting"])
        layout.addWidget(self.labels["group"])
        layout.addWidget(self.fallback)
        layout.addWidget(buttons)
        self._load_people()
        self._saved_state = self.value()
        self.version = EditVersion(self, meeting.version if meeting else None, self._load_theirs)
        self.day.setFocus()

    def _load_theirs(self) -> int:
        """Show the meeting as stored now (someone else's save), dropping what was typed."""
        assert self.meeting is not None
        with self.context.session() as session:
            self.meeting = meetings_meetings.get_meeting(session, self.actor, self.meeting.id)
        m = self.meeting
        self.day.setDate(QDate(m.day.year, m.day.month, m.day.day))
        self.start.setTime(QTime(m.start_time.hour, m.start_time.minute))
        self.end.setTime(QTime(m.end_time.hour, m.end_time.minute))
        self.venue.setText(m.venue or "")
        self.topic.setText(m.topic or "")
        for person in m.facilitators:
            self.facilitators.set_checked(person.member_id)
        chosen = {p.member_id for p in m.facilitators}
        for member_id in self.facilitators.checked_ids() - chosen:
            self.facilitators.set_checked(member_id, False)
        self._saved_state = self.value()
        return m.version

    def _load_people(self) -> None:
        with service_call(self, title="Meeting"), self.context.session() as session:
            rows = member_search.list_members(session, self.actor).rows
            choices = [(m.id, m.display_name) for m in rows]
            if self.meeting is not None:
                chosen = [p.member_id for p in self.meeting.facilitators]
                extra = [(p.member_id, p.name) for p in self.meeting.facilitators]
            else:
                detail = meetings_groups.get_group(session, self.actor, self.group.id)
                chosen = [p.member_id for p in detail.facilitators]
                extra = [(p.member_id, p.name) for p in detail.facilitators]
            known = {id_ for id_, _ in choices}
            self.facilitators.set_choices(
                choices + [pair for pair in extra if pair[0] not in known], chosen
            )

    def value(self) -> MeetingInput:
        """What is typed, as the service's input."""
        return MeetingInput(
            day=from_qdate(self.day.date()),
            start_time=time_value(self.start),
            end_time=time_value(self.end),
            venue=self.venue.text() or None,
            topic=self.topic.text() or None,
            facilitator_ids=tuple(sorted(self.facilitators.checked_ids())),
        )

    def has_unsaved_edits(self) -> bool:
        """What Esc, Cancel or × would lose (``ui/dialog_keys.py`` asks first)."""
        return self.value() != self._saved_state

    def save(self) -> None:
        """Add or change the meeting; problems appear beside their fields.

        A change is saved against the version the dialog opened with (``ui/conflict.py``).
        """
        data = self.value()

        def attempt(expected: int | None) -> None:
            with self.context.session() as session:
                if self.meeting is None:
                    self.saved = meetings_meetings.add_meeting(
                        session, self.actor, self.group.id, data
                    )
                else:
                    self.saved = meetings_meetings.update_meeting(
                        session, self.actor, self.meeting.id, data, expected_version=expected
                    )

        if not self.version.save(attempt, self.errors, self.focus, "Meeting").failed:
            self.accept()


class CancelDialog(EditDialog):
    """Cancel ``meeting`` with a reason (required); it stays listed, marked cancelled."""

    def __init__(
        self, context: AppContext, actor: Actor, meeting: MeetingInfo, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.meeting = context, actor, meeting
        self.setWindowTitle(f"Cancel meeting — {meeting.group_name}")
        self.setMinimumWidth(520)
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason for cancelling")
        self.reason.setPlaceholderText("e.g. venue closed; facilitator unwell")
        self.error = error_label()
        self.errors = FieldErrors({"reason": self.error}, self.error)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText("Cancel this meeting")
        ok.setDefault(True)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("Keep it")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow("&Reason:", with_error(self.reason, self.error))
        layout = QVBoxLayout(self)
        layout.addWidget(
            intro(
                f"{meeting.when}. The meeting stays in the list, marked cancelled with the "
                "reason; you can reinstate it later."
            )
        )
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.reason.setFocus()
        self.save_keys(self.save, ok)

    def save(self) -> None:
        """Cancel through the service (a blank reason is refused beside the box)."""
        with (
            service_call(self, self.errors, {"reason": self.reason}, "Cancel meeting") as call,
            self.context.session() as session,
        ):
            meetings_meetings.cancel_meeting(
                session, self.actor, self.meeting.id, self.reason.text()
            )
        if not call.failed:
            self.accept()
