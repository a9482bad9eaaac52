"""Auto-fill a period: propose (a preview), fill as one step, undo while the dialog is open.

``AutofillDialog(context, actor, start, end, parent=None)``. Propose shows the assignments
auto-fill would make (date, time, site, person) and every shift it could not bring to its
minimum, with the reason. "Fill these shifts" commits them in one step; "Undo this
auto-fill" then removes exactly those assignments. A month takes well under a second, so
the work runs in the GUI thread with a busy cursor.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
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
from involve_desktop.core.services import rota_autofill, rota_shifts
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import AutofillProposal, ShiftSlot, plural
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.setup_widgets import (
    PeriodFields,
    fill_table,
    hhmm,
    intro,
    read_only_table,
    second_key,
)
from involve_desktop.ui.widgets import buttons_row


def no_shifts_text(proposal: AutofillProposal) -> str:
    """What to say when there were no shifts to fill in the period."""
    first = proposal.first_day or proposal.start
    if proposal.end < first:
        return (
            f"This period ended before today ({format_date(first)}): auto-fill only fills "
            "shifts from today on. Choose dates from today."
        )
    return (
        f"There are no shifts from {format_date(first)} to {format_date(proposal.end)} yet, "
        "so there is nothing to fill. Generate shifts first (Rota → “Generate shifts…” "
        "makes them from each site's weekly shifts), then auto-fill."
    )


class _Busy:
    """A wait cursor while a short piece of work runs."""

    def __enter__(self) -> None:
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)

    def __exit__(self, *exc: object) -> None:
        QGuiApplication.restoreOverrideCursor()


class AutofillDialog(QDialog):
    """Propose, preview, fill and undo an auto-fill of the shifts in a period."""

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
        self.proposal: AutofillProposal | None = None
        self.batch_id: int | None = None
        self.setWindowTitle("Auto-fill shifts")
        self.resize(900, 620)
        self.period = PeriodFields(start, end)
        self.start, self.end = self.period.start, self.period.end
        self.errors, self.fallback = self.period.errors, self.period.fallback
        self.labels = self.period.labels
        form = QFormLayout()
        self.period.add_rows(form)
        self.propose_button = QPushButton("&Propose")
        self.propose_button.setDefault(True)
        self.propose_button.setToolTip("Work out who could go on each shift; nothing is saved")
        self.propose_button.clicked.connect(self.propose)
        self.fill_button = QPushButton("&Fill these shifts")
        self.fill_button.setEnabled(False)
        self.fill_button.clicked.connect(self.fill)
        self.undo_button = QPushButton("&Undo this auto-fill")
        self.undo_key = second_key(self, self.undo_button, "Ctrl+Z")
        self.undo_button.setToolTip("Take off everyone this auto-fill added (Alt+U or Ctrl+Z)")
        self.undo_button.setVisible(False)
        self.undo_button.clicked.connect(self.undo)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setAccessibleName("What happened")
        self.proposed_title = QLabel("<b>Proposed</b>")
        self.proposed = read_only_table(["Date", "Time", "Site", "Person"], "Proposed assignments")
        self.gaps_title = QLabel("<b>Still short after auto-fill</b>")
        self.gaps = read_only_table(["Shift", "Cover", "Why"], "Unfilled shifts")
        self.gaps.setWordWrap(True)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            intro(
                "Auto-fill puts people on shifts up to each shift's minimum, sharing shifts "
                "out fairly and keeping to everyone's availability, training and limits. "
                "Propose shows what it would do; nothing changes until you fill the shifts."
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.fallback)
        layout.addLayout(buttons_row(self.propose_button, self.fill_button, self.undo_button))
        layout.addWidget(self.status)
        layout.addWidget(self.proposed_title)
        layout.addWidget(self.proposed, 3)
        layout.addWidget(self.gaps_title)
        layout.addWidget(self.gaps, 2)
        layout.addWidget(close)

    def _slots(self, shift_ids: list[int]) -> dict[int, ShiftSlot]:
        if not shift_ids:
            return {}
        with self.context.session() as session:
            views = rota_shifts.shift_views(
                session, self.actor, date.min, date.max, shift_ids=shift_ids
            )
        return {v.slot.id: v.slot for v in views}

    def propose(self) -> None:
        """Work out the proposal and show it; nothing is written."""
        start, end = self.period.dates()
        self.errors.clear()
        proposal = None
        slots: dict[int, ShiftSlot] = {}
        with (
            _Busy(),
            service_call(self, self.errors, {"end": self.end}) as call,
            self.context.session() as session,
        ):
            proposal = rota_autofill.propose_autofill(session, self.actor, start, end)
            slots = self._slots(sorted({a.shift_id for a in proposal.assignments}))
        if call.failed or proposal is None:
            return
        self.proposal = proposal
        rows = []
        for item in proposal.assignments:
            slot = slots.get(item.shift_id)
            if slot is None:
                rows.append(["", "", item.shift_label, item.member_name])
            else:
                when = f"{hhmm(slot.start)}–{hhmm(slot.end)}"
                rows.append([format_date(slot.day), when, slot.site_name, item.member_name])
        fill_table(self.proposed, rows)
        fill_table(
            self.gaps,
            [
                [
                    g.shift_label,
                    f"{g.state.label} ({g.already + g.proposed} of {g.min_peers})",
                    g.reason,
                ]
                for g in proposal.gaps
            ],
        )
        self.gaps.resizeRowsToContents()
        self.fill_button.setEnabled(bool(proposal.assignments))
        self.undo_button.setVisible(False)
        self.batch_id = None
        gaps = (
            f"{plural(len(proposal.gaps), 'shift')} would still be short — see the reasons below."
            if proposal.gaps
            else "Every shift would be at its minimum."
        )
        if proposal.shift_count == 0:
            self.status.setText(no_shifts_text(proposal))
        elif proposal.assignments:
            self.status.setText(
                f"Auto-fill proposes {plural(len(proposal.assignments), 'assignment')}. {gaps} "
                "Nothing is saved until you choose “Fill these shifts”."
            )
        elif proposal.gaps:
            self.status.setText(f"There is nobody auto-fill could add. {gaps}")
        else:
            self.status.setText(
                f"Nothing to add: {gaps[0].lower()}{gaps[1:]} "
                f"({plural(proposal.shift_count, 'shift')} in this period)."
            )

    def fill(self) -> None:
        """Commit the proposal in one step; offer Undo afterwards."""
        if self.proposal is None or not self.proposal.assignments:
            return
        batch_id = None
        with (
            _Busy(),
            service_call(self, self.errors) as call,
            self.context.session() as session,
        ):
            batch_id = rota_autofill.commit_autofill(session, self.actor, self.proposal)
        if call.failed or batch_id is None:
            self.status.setText("Nothing was added. Propose again to see the rota as it is now.")
            self.fill_button.setEnabled(False)
            return
        self.batch_id = batch_id
        count = len(self.proposal.assignments)
        self.fill_button.setEnabled(False)
        self.undo_button.setVisible(True)
        self.undo_button.setEnabled(True)
        self.status.setText(
            f"Done: made {plural(count, 'assignment')} as proposed"
            if count != 1
            else "Done: put 1 person on a shift as proposed"
        )
        self.status.setText(
            self.status.text()
            + ". Changed your mind? “Undo this auto-fill” takes them all off again."
        )

    def undo(self) -> None:
        """Remove exactly the assignments this auto-fill added."""
        if self.batch_id is None:
            return
        removed = None
        with _Busy(), service_call(self) as call, self.context.session() as session:
            removed = rota_autofill.undo_autofill(session, self.actor, self.batch_id)
        if call.failed or removed is None:
            return
        self.batch_id = None
        self.undo_button.setEnabled(False)
        self.status.setText(
            f"Undone: took {plural(removed, 'assignment')} off the rota again. "
            "Propose again to start over."
        )
