"""The Details part of the panel dialog: post, team, day, times, venue or online, candidates.

``DetailsForm.value()`` is the ``PanelInput`` as typed (the service checks it and names
the field to fix); ``labels`` and ``focus`` let the dialog show each problem beside its box.
"""

from __future__ import annotations

from datetime import date, time

from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from involve_desktop.core.services.panels import MAX_CANDIDATES
from involve_desktop.core.services.panels_dto import PanelInfo, PanelInput
from involve_desktop.ui.members.dialog_widgets import date_edit, from_qdate, to_qdate, with_error
from involve_desktop.ui.messages import error_label
from involve_desktop.ui.rota.setup_widgets import optional_spin, spin_value, time_edit, time_value

FIELDS = ("post_title", "team", "day", "start_time", "venue", "online_link", "candidates")


class DetailsForm(QWidget):
    """The panel's details as boxes, each with its error line."""

    def __init__(self, day: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.post_title = QLineEdit()
        self.post_title.setAccessibleName("Post title")
        self.post_title.setPlaceholderText("e.g. Peer Support Worker")
        self.team = QLineEdit()
        self.team.setAccessibleName("Team or organisation")
        self.team.setPlaceholderText("e.g. Community Mental Health Team")
        self.day = date_edit(day, "Day of the panel")
        self.has_times = QCheckBox("&Times known:")
        self.has_times.setChecked(True)
        self.start_time = time_edit(time(10), "Start time")
        self.end_time = time_edit(time(13), "End time")
        self.has_times.toggled.connect(self.start_time.setEnabled)
        self.has_times.toggled.connect(self.end_time.setEnabled)
        times = QWidget()
        times_row = QHBoxLayout(times)
        times_row.setContentsMargins(0, 0, 0, 0)
        times_row.addWidget(self.has_times)
        times_row.addWidget(self.start_time)
        times_row.addWidget(QLabel("to"))
        times_row.addWidget(self.end_time)
        times_row.addStretch(1)
        times.setFocusProxy(self.has_times)
        self.venue = QLineEdit()
        self.venue.setAccessibleName("Venue")
        self.venue.setPlaceholderText("e.g. Riverside Voices office, Room 2")
        self.online = QCheckBox("Held &online (or partly online)")
        self.online_link = QLineEdit()
        self.online_link.setAccessibleName("Online link or joining details")
        self.online_link.setPlaceholderText("Link or joining details")
        self.online_link.setEnabled(False)
        self.online.toggled.connect(self.online_link.setEnabled)
        self.candidates = optional_spin("Not known yet", "Number of candidates", MAX_CANDIDATES)

        self.labels = {name: error_label() for name in FIELDS}
        self.focus: dict[str, QWidget] = {
            "post_title": self.post_title,
            "team": self.team,
            "day": self.day,
            "start_time": self.start_time,
            "venue": self.venue,
            "online_link": self.online_link,
            "candidates": self.candidates,
            "end_time": self.end_time,
        }
        # "End time must be after the start time" goes beside the times, not at the foot
        # of the dialog where a new coordinator did not see it.
        self.labels["end_time"] = self.labels["start_time"]
        form = QFormLayout(self)
        for text, name, box in (
            ("&Post title:", "post_title", self.post_title),
            ("T&eam or organisation:", "team", self.team),
            ("&Day:", "day", self.day),
            ("", "start_time", times),
            ("&Venue:", "venue", self.venue),
        ):
            label = QLabel(text)
            label.setBuddy(self.focus[name])
            form.addRow(label, with_error(box, self.labels[name]))
        form.addRow("", self.online)
        link_label = QLabel("Online &link:")
        link_label.setBuddy(self.online_link)
        form.addRow(link_label, with_error(self.online_link, self.labels["online_link"]))
        candidates_label = QLabel("&Candidates:")
        candidates_label.setBuddy(self.candidates)
        form.addRow(candidates_label, with_error(self.candidates, self.labels["candidates"]))
        self.tab_order = [
            self.post_title,
            self.team,
            self.day,
            self.has_times,
            self.start_time,
            self.end_time,
            self.venue,
            self.online,
            self.online_link,
            self.candidates,
        ]
        for first, second in zip(self.tab_order, self.tab_order[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def value(self) -> PanelInput:
        """The details as typed."""
        timed = self.has_times.isChecked()
        return PanelInput(
            post_title=self.post_title.text(),
            day=from_qdate(self.day.date()),
            team=self.team.text() or None,
            start_time=time_value(self.start_time) if timed else None,
            end_time=time_value(self.end_time) if timed else None,
            venue=self.venue.text() or None,
            online=self.online.isChecked(),
            online_link=self.online_link.text() if self.online.isChecked() else None,
            candidates=spin_value(self.candidates),
        )

    def set_info(self, info: PanelInfo) -> None:
        """Show a saved panel's details."""
        self.post_title.setText(info.post_title)
        self.team.setText(info.team or "")
        self.day.setDate(to_qdate(info.day))
        self.has_times.setChecked(info.start_time is not None)
        if info.start_time is not None:
            self.start_time.setTime(time_edit(info.start_time, "").time())
        if info.end_time is not None:
            self.end_time.setTime(time_edit(info.end_time, "").time())
        self.venue.setText(info.venue or "")
        self.online.setChecked(info.online)
        self.online_link.setText(info.online_link or "")
        self.candidates.setValue(info.candidates or 0)
