"""The People part of the panel dialog: who sits on the panel, and the policy line.

Every change (seat, remove, set role) goes straight to the services, and the policy line
under the list is redrawn from the panel the service hands back, so it is right at once:
"⚠ This panel needs 1 more lived-experience member to meet your policy (equal numbers)".
The buttons that cannot be used say why, in a line above them: a cancelled panel's seats
stay as they were until it is reinstated, and the only person on a held panel stays on it.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QInputDialog,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import panels_seats
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.panels_dto import PanelInfo, PanelStatus, SeatInfo, SeatKind
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.members.list_flow import flow_widget
from involve_desktop.ui.messages import ask
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.panels.panels_words import policy_line, seats_words
from involve_desktop.ui.rota.setup_widgets import fill_table, read_only_table
from involve_desktop.ui.today import LiveToday

HEADERS = ["Name", "Side", "Role on the panel", "Seated past a limit because"]
SIDES = {SeatKind.LIVED_EXPERIENCE: "Lived experience", SeatKind.STAFF: "Staff"}
ROLE_TIP = "Their part on the panel, e.g. Chair"
CANCELLED_NOTE = panels_seats.CANCELLED
LAST_ON_HELD_NOTE = (
    "A held panel needs at least one person, so the only person on it stays on; add whoever "
    "else sat on it first if they were recorded by mistake."
)


def side_text(seat: SeatInfo) -> str:
    """ "Lived experience", "Staff (Service Manager)", "Staff (outside)"."""
    side = SIDES[seat.kind]
    if seat.kind is SeatKind.STAFF:
        extra = ", ".join(p for p in (seat.job_title, "outside" if seat.outside else "") if p)
        return f"{side} ({extra})" if extra else side
    return side


class PeopleSection(QWidget):
    """Seats, the policy line and the buttons that change them; emits ``changed``."""

    today = LiveToday()

    changed = Signal(object)  # the PanelInfo after the change

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        policy_words: str,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.policy_words = context, actor, policy_words
        self.today = today  # None: follows the real date (LiveToday)
        self.info: PanelInfo | None = None
        self.table = read_only_table(HEADERS, "People on the panel")
        self.table.horizontalHeader().setMinimumSectionSize(
            self.fontMetrics().averageCharWidth() * 14
        )
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.policy = QLabel()
        self.policy.setObjectName("policyLine")
        self.policy.setWordWrap(True)
        self.policy.setAccessibleName("Panel policy")
        self.counts = QLabel()
        self.counts.setAccessibleName("Who is seated")
        self.lived_button = QPushButton("Add &lived-experience member…")
        self.lived_button.clicked.connect(self.add_lived)
        self.staff_button = QPushButton("Add s&taff…")
        self.staff_button.clicked.connect(self.add_staff)
        self.role_button = QPushButton("Set &role…")
        self.role_button.setToolTip(ROLE_TIP)
        self.role_button.clicked.connect(self.set_role)
        self.remove_button = QPushButton("Re&move from panel")
        self.remove_button.clicked.connect(self.remove)
        for button in (self.lived_button, self.staff_button, self.role_button, self.remove_button):
            button.setAutoDefault(False)  # Enter in the dialog saves; it never seats anyone
        self.note = QLabel()  # why some buttons cannot be used (hidden when all can)
        self.note.setWordWrap(True)
        self.note.setAccessibleName("Why some buttons are not available")
        self.note.hide()
        column = QVBoxLayout(self)
        column.addWidget(self.policy)
        column.addWidget(self.counts)
        column.addWidget(self.table, 1)
        column.addWidget(self.note)
        column.addWidget(
            flow_widget(self.lived_button, self.staff_button, self.role_button, self.remove_button)
        )

    def show_panel(self, info: PanelInfo) -> None:
        """Show ``info``'s seats and whether it meets the policy."""
        self.info = info
        fill_table(
            self.table,
            [
                [s.name, side_text(s), s.panel_role or "", s.override_reason or ""]
                for s in info.seats
            ],
        )
        if info.status is PanelStatus.CANCELLED:
            self.policy.setText("Cancelled: the panel policy does not apply.")
        else:
            self.policy.setText(policy_line(info.policy, self.policy_words))
        self.policy.setProperty("warning", not info.policy.ok)
        font = self.policy.font()
        font.setBold(True)
        self.policy.setFont(font)
        self.counts.setText(f"On the panel: {seats_words(info.lived_count, info.staff_count)}.")
        self._update_buttons()

    def current_seat(self) -> SeatInfo | None:
        """The seat chosen in the list."""
        row = self.table.currentRow()
        if self.info is None or not 0 <= row < len(self.info.seats):
            return None
        return self.info.seats[row] if self.table.selectedItems() else None

    def _update_buttons(self) -> None:
        info = self.info
        cancelled = info is not None and info.status is PanelStatus.CANCELLED
        open_ = info is not None and not cancelled
        chosen = open_ and self.current_seat() is not None
        last_on_held = open_ and info.status is PanelStatus.HELD and len(info.seats) == 1
        self.lived_button.setEnabled(open_)
        self.staff_button.setEnabled(open_)
        self.role_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen and not last_on_held)
        note = CANCELLED_NOTE if cancelled else LAST_ON_HELD_NOTE if last_on_held else ""
        why = CANCELLED_NOTE if cancelled else ""
        self.lived_button.setToolTip(why)
        self.staff_button.setToolTip(why)
        self.role_button.setToolTip(why or ROLE_TIP)
        self.remove_button.setToolTip(note)
        self.note.setText(note)
        self.note.setVisible(bool(note))

    def _done(self, info: PanelInfo | None) -> None:
        if info is not None:
            self.show_panel(info)
            self.changed.emit(info)

    def _seat_dialog(self, dialog: QDialog) -> None:
        dialog.exec()
        info = getattr(dialog, "result_info", None)
        dialog.deleteLater()
        self._done(info)

    def add_lived(self) -> None:
        """Choose a lived-experience member (suggestions first) and seat them."""
        from involve_desktop.ui.panels.seat_dialogs import AddLivedDialog

        if self.info is not None:
            self._seat_dialog(AddLivedDialog(self.context, self.actor, self.info, self, self.today))

    def add_staff(self) -> None:
        """Seat a member of staff: a member, or someone from outside."""
        from involve_desktop.ui.panels.seat_dialogs import AddStaffDialog

        if self.info is not None:
            self._seat_dialog(AddStaffDialog(self.context, self.actor, self.info, self, self.today))

    def set_role(self) -> None:
        """Change the chosen person's role on the panel (blank for none)."""
        seat = self.current_seat()
        if seat is None:
            return
        role, ok = QInputDialog.getText(
            self,
            "Role on the panel",
            f"{seat.name}'s role on the panel (e.g. Chair; leave blank for none):",
            text=seat.panel_role or "",
        )
        if not ok:
            return
        info = None
        with service_call(self, title="Role on the panel") as call, self.context.session() as s:
            info = panels_seats.set_seat_role(s, self.actor, seat.id, role)
        self._done(None if call.failed else info)

    def remove(self) -> None:
        """Take the chosen person off the panel (asks first)."""
        seat = self.current_seat()
        if seat is None:
            return
        if not ask(
            self,
            "Remove from panel",
            f"Take {seat.name} off this panel? You can seat them again later.",
        ):
            return
        info = None
        with service_call(self, title="Remove from panel") as call, self.context.session() as s:
            info = panels_seats.remove_seat(s, self.actor, seat.id)
        self._done(None if call.failed else info)
