"""The Pay lines tab: make the period's pay lines from recorded involvement, then check,
approve and mark them paid.

"Generate pay lines for this period" reads held panels, worked shifts and facilitated
meetings (running it again only adds what is new) and says what it did in plain words:
people with no payment preference are offered "Set preference…" right there, and an
activity with no rate says to set one on the Rates tab. Lines of people who decline
payment or want expenses only are listed as "Recorded, not paid".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QWidget,
)
from sqlalchemy.orm import Session

from involve_desktop.core.services import payments_lines
from involve_desktop.core.services.payments_dto import GenerateResult, PayLineInfo, PayStatus
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.payments.items_tab import TITLE, ItemsTab, count_words, tip_with_key
from involve_desktop.ui.payments.payments_columns import LINE_COLUMNS
from involve_desktop.ui.payments.period_bar import period_words

EMPTY = (
    "No pay lines in this period yet — Generate pay lines for this period makes them from "
    "held panels, worked shifts and facilitated meetings."
)


NOTHING_RECORDED = (
    "Nothing to pay for in {period}: no held recruitment panels, no shifts recorded as "
    "worked and no facilitated meetings with their attendance taken. Record those in their "
    "areas first, then generate again."
)


class LinesTab(ItemsTab):
    """Generate, the lines, their totals; ``preference_requested(member_id)`` and
    ``rates_requested`` ask the Payments area to open a preference or the Rates tab."""

    preference_requested = Signal(int)
    rates_requested = Signal()
    thing = "line"
    columns = LINE_COLUMNS

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - ItemsTab's
        super().__init__(*args, **kwargs)
        self.generate_button = QPushButton("Gene&rate pay lines for this period")
        self.generate_button.setToolTip(
            "From held panels, worked shifts and facilitated meetings; running it again only "
            "adds what is new"
        )
        self.generate_button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.generate_button.clicked.connect(lambda _c=False: self.generate())
        self.note_button.clicked.connect(lambda _c=False: self.edit_note())
        self.result = QLabel()
        self.result.setWordWrap(True)
        self.result.setAccessibleName("What generating did")
        self.result.setVisible(False)
        self.no_rate_button = QPushButton("Go to Rates")
        self.no_rate_button.clicked.connect(lambda _c=False: self.rates_requested.emit())
        self.no_rate_button.setVisible(False)
        self.ask_label = QLabel()
        self.ask_label.setWordWrap(True)
        self.ask_label.setAccessibleName("People with no payment preference")
        self.ask_person = QComboBox()
        self.ask_person.setAccessibleName("Person to ask")
        self.ask_button = QPushButton("&Set preference…")
        self.ask_button.clicked.connect(lambda _c=False: self._ask())
        tip_with_key(self.ask_button, "Record how the chosen person wants to be paid")
        self.ask_row = QWidget()
        ask = QHBoxLayout(self.ask_row)
        ask.setContentsMargins(0, 0, 0, 0)
        ask.addWidget(self.ask_label, 1)
        ask.addWidget(self.ask_person)
        ask.addWidget(self.ask_button)
        self.ask_row.setVisible(False)
        top = QHBoxLayout()
        top.addWidget(self.generate_button, 0, Qt.AlignmentFlag.AlignLeft)
        top.addWidget(self.result, 1)
        top.addWidget(self.no_rate_button)
        self.column.insertLayout(0, top)
        self.column.insertWidget(1, self.ask_row)
        self.last_result: GenerateResult | None = None

    def list_name(self) -> str:
        return "Pay lines"

    def statuses_offered(self) -> list[PayStatus]:
        return list(PayStatus)

    def action_buttons(self) -> list[QWidget]:
        self.note_button = QPushButton("Not&e…")
        self.note_button.setToolTip("Keep a note on the line chosen (e.g. why it was changed)")
        return [self.approve_button, self.unapprove_button, self.paid_button, self.note_button]

    def empty_text(self) -> str:
        result = self.last_result
        if result is None or result.created or result.already_there:
            return EMPTY
        if result.no_rate or result.no_times:
            return EMPTY
        return NOTHING_RECORDED.format(period=period_words(self.start, self.end))

    def read(self, session: Session, start: date, end: date) -> list[PayLineInfo]:
        return payments_lines.list_pay_lines(session, self.actor, start, end)

    def approve_call(self, session: Session, ids: list[int]) -> object:
        return payments_lines.approve_lines(session, self.actor, ids)

    def unapprove_call(self, session: Session, ids: list[int]) -> object:
        return payments_lines.unapprove_lines(session, self.actor, ids)

    def paid_call(self, session: Session, ids: list[int], day: date) -> object:
        return payments_lines.mark_lines_paid(session, self.actor, ids, day, today=self.today)

    # -- showing ----------------------------------------------------------------------------

    def show_period(self, start: date, end: date) -> None:
        """A new period: forget the last generate's words."""
        if (start, end) != (self.start, self.end):
            self.last_result = None
            self.result.setVisible(False)
            self.no_rate_button.setVisible(False)
        super().show_period(start, end)

    def show_items(self, select_ids: set[int] | None = None) -> None:
        super().show_items(select_ids)
        # "What" takes the spare width (its whole text is in the tooltip), so the columns
        # after it stay in view on a laptop screen without scrolling sideways
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self._show_unasked()

    def unasked(self) -> dict[int, str]:
        """People with lines in the period and no payment preference: id → name."""
        return {
            line.member_id: line.name
            for line in self.items
            if line.method is None and line.status is PayStatus.PENDING
        }

    def _show_unasked(self) -> None:
        people = self.unasked()
        self.ask_row.setVisible(bool(people))
        if not people:
            return
        names = sorted(people.values(), key=str.casefold)
        if len(names) > 4:
            who = count_words(len(names), "person", "people")
        elif len(names) == 1:
            who = names[0]
        else:
            who = ", ".join(names[:-1]) + f" and {names[-1]}"
        self.ask_label.setText(
            f"No payment preference recorded for {who} — ask how they want to be paid; "
            "their lines cannot be approved until then:"
        )
        chosen = self.ask_person.currentData()
        self.ask_person.clear()
        for member_id, name in sorted(people.items(), key=lambda p: p[1].casefold()):
            self.ask_person.addItem(name, member_id)
        self.ask_person.setCurrentIndex(max(self.ask_person.findData(chosen), 0))

    def _ask(self) -> None:
        member_id = self.ask_person.currentData()
        if member_id is not None:
            self.preference_requested.emit(int(member_id))

    def update_buttons(self) -> None:
        super().update_buttons()
        if hasattr(self, "note_button"):
            self.note_button.setEnabled(len(self.selected()) == 1)

    # -- actions ----------------------------------------------------------------------------

    def generate(self) -> None:
        """Make the period's pay lines and say what happened."""
        found: GenerateResult | None = None
        with service_call(self, title=TITLE) as call, self.context.session() as session:
            found = payments_lines.generate_pay_lines(
                session, self.actor, self.start, self.end, today=self.today
            )
        if call.failed or found is None:
            return
        self.last_result = found
        # no rate: said here with what to do; no preference: the row below names them
        summary = replace(found, no_rate=[], no_preference=[]).summary
        words = f"{period_words(self.start, self.end)}: {summary}"
        if found.no_rate:
            words += " " + " ".join(
                f"Set a rate for {name} first (Rates tab)." for name in found.no_rate
            )
        note = getattr(found, "cohort_note", None)  # cohorts: an extension point in core
        if note:
            words += f" {note}"
        self.result.setText(words)
        self.result.setVisible(True)
        self.no_rate_button.setVisible(bool(found.no_rate))
        self.reload()
        self.changed.emit()

    def approve(self) -> None:
        """Approve the waiting lines chosen; lines of people with no preference are left
        waiting (they need one first), and the user is told who."""
        chosen = [line for line in self.selected() if line.status is PayStatus.PENDING]
        unasked = sorted({line.name for line in chosen if line.method is None})
        ready = [line.id for line in chosen if line.method is not None]
        if ready:
            self._run(self.approve_call, ready)
        elif not chosen:
            super().approve()  # says what to choose
            return
        if unasked:
            QMessageBox.information(
                self,
                TITLE,
                "Not approved yet — no payment preference recorded for "
                + ", ".join(unasked)
                + ". Set how they want to be paid (Set preference…), then approve.",
            )

    def edit_note(self) -> None:
        """Keep a note on the chosen line."""
        chosen = self.selected()
        if len(chosen) != 1:
            return
        line: PayLineInfo = chosen[0]
        text, ok = QInputDialog.getText(
            self,
            "Note on this line",
            f"{line.name}, {line.description}:",
            QLineEdit.EchoMode.Normal,
            line.note or "",
        )
        if not ok:
            return
        with service_call(self, title=TITLE), self.context.session() as session:
            payments_lines.set_line_note(session, self.actor, line.id, text.strip() or None)
        self.reload([line.id])
