"""Typing the ticks back in from a printed sign-in sheet, by keyboard, fast.

Rows appear in the sheet's printed order. Keys in the list: ↑/↓ move; Space marks present
(or clears it) and moves to the next row; A marks apologies (or clears them) and moves on;
Delete clears the row. Someone who came but was not printed: type their name in the box
below and press Enter — an existing member is found (no duplicate), someone new is added
with the consent question. Ctrl+S saves the whole list in one step; closing with unsaved
marks asks first. Saving again later edits the meeting's attendance (audited).

Two laptops on one meeting: saving writes only the marks typed on this laptop, so ticks
saved on another laptop meanwhile are kept, and a box says so. Someone marked differently
on both is asked about with the usual three choices (``ui/conflict.py``): keep editing, save
mine over theirs, or load theirs — the list is reloaded as saved there, with this laptop's
other marks kept on it, still to be saved.

Before the day (a meeting after today, not cancelled) the screen is for apologies only, as
they usually come before a group meets: a line at the top says so, A and Delete work, Space
and double-click do not mark anyone present (a note says why), and there is no walk-in box.
Closing asks about saving only while the marks differ from the saved ones.

The dialog never grows past the screen's free area (a small laptop at a larger font): the
list takes what height is left and scrolls, so the Walk-in box and Save stay in view.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QCloseEvent, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.errors import RecordChanged
from involve_desktop.core.services import meetings_attendance, meetings_walk_in
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.meetings_attendance import AttendanceClash
from involve_desktop.core.services.meetings_dto import (
    AttendanceRow,
    AttendanceSheet,
    AttendanceState,
    WalkInMatch,
)
from involve_desktop.ui.conflict import ConflictChoice, ask_what_to_do
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import save_shortcut
from involve_desktop.ui.meetings.attendance_model import AttendanceModel
from involve_desktop.ui.meetings.attendance_table import (
    APOLOGIES_KEYS_HELP,
    APOLOGIES_ONLY,
    KEYS_HELP,
    NOT_YET,
    AttendanceTable,
)
from involve_desktop.ui.meetings.walk_in import (
    NEW_PERSON,
    TITLE,
    ChooseWalkInDialog,
    NewcomerDialog,
)
from involve_desktop.ui.messages import error_label, show_error
from involve_desktop.ui.operations import service_call

Marks = dict[int, AttendanceState | None]
KEPT_TITLE = "Saved, with the other laptop's ticks"
MAX_NAMED = 12  # people named in a message before "and N more"

MARKS_SAID = {
    AttendanceState.PRESENT: "present",
    AttendanceState.APOLOGIES: "apologies",
    None: "not marked",
}


def listed(items: list[str]) -> str:
    """ "A, B and C", naming at most ``MAX_NAMED`` then "and N more"."""
    if len(items) > MAX_NAMED:
        items = [*items[:MAX_NAMED], f"{len(items) - MAX_NAMED} more"]
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class AttendanceDialog(QDialog):
    """Take attendance for one meeting; ``saved`` is True once the list was saved."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        meeting_id: int,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.meeting_id = context, actor, meeting_id
        self.today = today or date.today()
        self.apologies_only = False  # a meeting still to come: see the module docstring
        self.saved = False
        self.sheet: AttendanceSheet | None = None
        # What is stored as far as this list knows: the save writes only what differs.
        self.loaded: Marks = {}
        self.setWindowTitle("Attendance")
        self.heading = QLabel()
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.heading.setFont(font)
        self.heading.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.mode_line = QLabel()
        self.mode_line.setWordWrap(True)
        self.mode_line.setAccessibleName("Apologies only")
        bold = self.mode_line.font()
        bold.setBold(True)
        self.mode_line.setFont(bold)
        self.mode_line.setVisible(False)
        self.model = AttendanceModel(self)
        self.model.dataChanged.connect(lambda *_: self._show_counts())
        self.model.rowsInserted.connect(lambda *_: self._show_counts())
        self.model.modelReset.connect(self._show_counts)
        self.table = AttendanceTable(self.model)
        self.table.present_refused.connect(lambda: self.note.setText(NOT_YET))
        self.counts = QLabel()
        self.counts.setAccessibleName("Counts")
        self.keys = QLabel(KEYS_HELP)
        self.keys.setWordWrap(True)
        self.walk_in = QLineEdit()
        self.walk_in.setAccessibleName("Walk-in's name")
        self.walk_in.setPlaceholderText("Someone not on the sheet? Type their name, press Enter")
        self.walk_in.returnPressed.connect(self.add_walk_in)
        self.walk_in_button = QPushButton("A&dd walk-in")
        self.walk_in_button.clicked.connect(self.add_walk_in)
        self.walk_in_label = QLabel("&Walk-in:")
        self.walk_in_label.setBuddy(self.walk_in)
        walk_in_row = QHBoxLayout()
        walk_in_row.addWidget(self.walk_in_label)
        walk_in_row.addWidget(self.walk_in, 1)
        walk_in_row.addWidget(self.walk_in_button)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.error = error_label()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Close
        )
        save = self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText("Save attendance")
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.close)
        save_shortcut(self, self.save, save, "Save the whole list")
        for button in [*self.buttons.buttons(), self.walk_in_button]:
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.details)
        layout.addWidget(self.mode_line)
        layout.addWidget(self.keys)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.counts)
        layout.addLayout(walk_in_row)
        layout.addWidget(self.note)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        # A few rows at least; the rest of the height goes to the list only when there is room.
        self.table.setMinimumHeight(self.table.verticalHeader().defaultSectionSize() * 3 + 30)
        self.resize(640, 680)
        self.fit_to_screen()
        self.load()
        self.table.setFocus()

    # -- fitting the screen -----------------------------------------------------------------

    def available_area(self) -> QRect:
        """The screen's free area (without task bars) in the dialog's own units."""
        screen = self.screen()
        return screen.availableGeometry() if screen is not None else QRect(0, 0, 1024, 600)

    def fit_to_screen(self) -> None:
        """No taller or wider than the screen's free area, title bar included; the list
        gives up the height (it scrolls), and the window is moved back inside if needed."""
        area = self.available_area()
        frame = self.frameGeometry()
        inner = self.geometry()
        # The window system's title bar and borders; a guess until the window is shown.
        extra_w = frame.width() - inner.width() if self.isVisible() else 16
        extra_h = frame.height() - inner.height() if self.isVisible() else 40
        max_w = max(320, area.width() - extra_w)
        max_h = max(240, area.height() - extra_h)
        self.setMaximumSize(max_w, max_h)
        if self.width() > max_w or self.height() > max_h:
            self.resize(min(self.width(), max_w), min(self.height(), max_h))
        if self.isVisible():
            frame = self.frameGeometry()
            x = min(max(frame.x(), area.x()), area.right() - frame.width() + 1)
            y = min(max(frame.y(), area.y()), area.bottom() - frame.height() + 1)
            if (x, y) != (frame.x(), frame.y()):
                self.move(max(x, area.x()), max(y, area.y()))

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Fit the screen it opens on, now that the title bar's size is known."""
        super().showEvent(event)
        self.fit_to_screen()

    # -- reading ----------------------------------------------------------------------------

    def load(self) -> None:
        """Read the meeting and its list."""
        sheet = self.fetch()
        if sheet is None:
            return
        meeting = sheet.meeting
        self.show_sheet(sheet)
        title = "Apologies" if self.apologies_only else "Attendance"
        self.setWindowTitle(f"{title} — {meeting.group_name}, {meeting.when}")

    def fetch(self) -> AttendanceSheet | None:
        """The meeting's list as stored now (None when it could not be read; shown)."""
        sheet: AttendanceSheet | None = None
        with service_call(self, title=TITLE), self.context.session() as session:
            sheet = meetings_attendance.attendance_sheet(session, self.actor, self.meeting_id)
        return sheet

    def show_sheet(self, sheet: AttendanceSheet) -> None:
        """Show ``sheet``'s rows and marks as the list's starting point."""
        self.sheet = sheet
        self.loaded = {row.member_id: row.state for row in sheet.rows}
        meeting = sheet.meeting
        self.heading.setText(f"{meeting.group_name} — {meeting.when}")
        parts = [p for p in (meeting.venue, meeting.topic) if p]
        if meeting.attendance_recorded:
            parts.append(
                f"Attendance saved by {meeting.attendance_recorded_by}; changes are recorded"
            )
        self.details.setText(" · ".join(parts))
        self.show_mode(not meeting.cancelled and meeting.day > self.today)
        self.model.set_rows(sheet.rows)
        if self.model.rowCount():
            self.table.selectRow(0)
            self.table.setCurrentIndex(self.model.index(0, 1))

    def show_mode(self, apologies_only: bool) -> None:
        """Apologies only (a meeting still to come), or the whole attendance."""
        self.apologies_only = self.table.apologies_only = apologies_only
        self.mode_line.setText(APOLOGIES_ONLY if apologies_only else "")
        self.mode_line.setVisible(apologies_only)
        self.keys.setText(APOLOGIES_KEYS_HELP if apologies_only else KEYS_HELP)
        for widget in (self.walk_in_label, self.walk_in, self.walk_in_button):
            widget.setVisible(not apologies_only)
        self.save_button.setText("Save apologies" if apologies_only else "Save attendance")

    def _show_counts(self) -> None:
        present, apologies, unmarked = self.model.counts()
        if self.apologies_only:
            self.counts.setText(f"Apologies from {apologies} · {unmarked} not marked")
            return
        self.counts.setText(
            f"{present} present · apologies from {apologies} · {unmarked} not marked (absent)"
        )

    # -- walk-ins ---------------------------------------------------------------------------

    def add_walk_in(self) -> None:
        """Find the typed name among the members, or add someone new."""
        if self.apologies_only:
            return  # no walk-ins before the day: the box is hidden
        typed = self.walk_in.text().strip()
        if not typed:
            self.walk_in.setFocus()
            return
        matches: list[WalkInMatch] = []
        with service_call(self, title=TITLE) as call, self.context.session() as session:
            matches = meetings_walk_in.find_walk_in(session, self.actor, typed)
        if call.failed:
            return
        exact = [m for m in matches if m.exact]
        if len(exact) == 1 and len(matches) == 1:
            self._add_existing(exact[0].member_id, exact[0].name)
            return
        if matches:
            chooser = ChooseWalkInDialog(typed, matches, self)
            chosen = chooser.chosen if chooser.exec() == QDialog.DialogCode.Accepted else None
            chooser.deleteLater()
            if chosen is None:
                return
            if chosen != NEW_PERSON:
                name = next(m.name for m in matches if m.member_id == chosen)
                self._add_existing(chosen, name)
                return
        self._add_new(typed)

    def _add_existing(self, member_id: int, name: str) -> None:
        listed = self.model.rowCount()
        row = self.model.add_row(
            AttendanceRow(member_id, name, None, False), AttendanceState.PRESENT
        )
        self.table.selectRow(row)
        self.walk_in.clear()
        where = f"on the sheet (row {row + 1})" if row < listed else "already a member"
        self.note.setText(f"{name} is {where}: marked present. Save to keep it.")

    def _add_new(self, typed: str) -> None:
        dialog = NewcomerDialog(self.context, self.actor, self.meeting_id, typed, self)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        added = dialog.added
        dialog.deleteLater()
        if not accepted or added is None:
            return
        self.loaded[added.member_id] = AttendanceState.PRESENT  # saved with the newcomer
        row = self.model.add_row(
            AttendanceRow(added.member_id, added.name, AttendanceState.PRESENT, False),
            AttendanceState.PRESENT,
        )
        self.model.keep_as_saved(added.member_id)
        self.table.selectRow(row)
        self.walk_in.clear()
        self.note.setText(f"{added.name} was added as a new member and marked present.")

    # -- saving -----------------------------------------------------------------------------

    def save(self) -> bool:
        """Save the marks typed here (others' saved meanwhile stay); True when saved."""
        self.error.setVisible(False)
        mine = self.model.states()
        while True:
            sheet: AttendanceSheet | None = None
            with (
                service_call(self, title=TITLE, conflicts=True) as call,
                self.context.session() as session,
            ):
                sheet = meetings_attendance.set_attendance(
                    session, self.actor, self.meeting_id, mine, loaded=self.loaded
                )
            if not call.failed and sheet is not None:
                break
            if not isinstance(call.error, AttendanceClash):
                if isinstance(call.error, RecordChanged):
                    show_error(self, call.error, TITLE)
                return False
            choice = ask_what_to_do(self, call.error)
            if choice is ConflictChoice.SAVE_MINE:
                self.loaded.update(call.error.theirs)  # mine over theirs, for those people
                continue
            if choice is ConflictChoice.LOAD_THEIRS:
                self.load_theirs(mine, call.error)
            else:
                self.note.setText("Nothing saved yet. Check the people named, then save again.")
            return False
        kept = self.kept_from_elsewhere(sheet, mine)
        self.saved = True
        self.model.keep_as_saved()
        if kept:
            QMessageBox.information(
                self,
                KEPT_TITLE,
                "Attendance for this meeting was changed on another laptop while you were "
                f"typing. Your ticks were saved, and theirs were kept: {kept}.",
            )
        self.accept()
        return True

    def names(self, sheet: AttendanceSheet | None = None) -> dict[int, str]:
        """member id → name, for everyone on this list (and on ``sheet``)."""
        rows = [self.model.member_at(r) for r in range(self.model.rowCount())]
        rows += list(sheet.rows) if sheet is not None else []
        return {row.member_id: row.name for row in rows}

    def kept_from_elsewhere(self, sheet: AttendanceSheet, mine: Marks) -> str:
        """What the saved list has that this laptop did not mark (another laptop's ticks,
        kept), as "Ali Khan (present) and …"; empty when nothing."""
        stored: Marks = {row.member_id: row.state for row in sheet.rows}
        names = self.names(sheet)
        kept = [
            f"{names.get(m, f'member #{m}')} ({MARKS_SAID[stored.get(m)]})"
            for m in set(stored) | set(mine)
            if stored.get(m) != mine.get(m)
        ]
        return listed(sorted(kept))

    def load_theirs(self, mine: Marks, clash: AttendanceClash) -> None:
        """Reload the list as stored now; this laptop's own marks for everyone but the
        people in ``clash`` go back on it, unsaved."""
        changed = {
            m: state
            for m, state in mine.items()
            if self.loaded.get(m) != state and m not in clash.theirs
        }
        names = self.names()
        sheet = self.fetch()
        if sheet is None:
            return
        self.show_sheet(sheet)
        for member_id, state in changed.items():
            self.model.add_row(
                AttendanceRow(member_id, names.get(member_id, ""), None, False), state
            )
        theirs = listed(sorted(names.get(m, f"member #{m}") for m in clash.theirs))
        kept = " Your other ticks are kept on the list: save to keep them." if changed else ""
        self.note.setText(f"Reloaded with the other laptop's marks for {theirs}.{kept}")
        self.table.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        """Enter never presses a default button here: saving is Ctrl+S or the button."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """Ask before losing marks that were not saved."""
        if self.result() == QDialog.DialogCode.Accepted or not self.model.dirty:
            event.accept()
            return
        answer = QMessageBox.question(
            self,
            TITLE,
            "Save the attendance you marked before closing?",
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Cancel or (
            answer == QMessageBox.StandardButton.Save and not self.save()
        ):
            event.ignore()
            return
        event.accept()

    def reject(self) -> None:
        """Esc and Close go through the unsaved-marks question."""
        if self.model.dirty:
            self.close()
            if self.isVisible():
                return
        super().reject()
