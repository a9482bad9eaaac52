"""Quick find (Ctrl+K): type part of a name, email or phone, press Enter to open that member.

Searches everyone, including people who have left (their status is shown beside the name).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberFilter, MemberStatus, MemberSummary
from involve_desktop.core.services.member_search import list_members
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call

SHOWN = 30
DELAY_MS = 150
HINT = "Type part of a name, email or phone number. ↑ ↓ choose · Enter opens · Esc closes"


def result_text(member: MemberSummary) -> str:
    """ "Zo (Zoë Adams) — Stepping back · zoe@example.org"."""
    name = member.display_name
    if member.full_name != member.display_name:
        name += f" ({member.full_name})"
    extra = [member.status.label] if member.status is not MemberStatus.ACTIVE else []
    extra += [c for c in (member.email, member.phone) if c]
    return f"{name} — {' · '.join(extra)}" if extra else name


class QuickFindDialog(QDialog):
    """A search box over everyone; ``member_chosen`` carries the id of the member to open."""

    member_chosen = Signal(int)

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self.chosen_id: int | None = None
        self.setWindowTitle("Quick find")
        self.search_box = QLineEdit()
        self.search_box.setPlaceholderText("Find a member…")
        self.search_box.setAccessibleName("Find a member")
        self.search_box.installEventFilter(self)
        self.results = QListWidget()
        self.results.setAccessibleName("Matching members")
        self.results.itemActivated.connect(lambda _item: self.choose())
        self.hint = QLabel(HINT)
        self.hint.setWordWrap(True)
        self.hint.setAccessibleName("Quick find help")
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DELAY_MS)
        self.timer.timeout.connect(self.search)
        self.search_box.textChanged.connect(lambda _text: self.timer.start())
        layout = QVBoxLayout(self)
        layout.addWidget(self.search_box)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.hint)
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.results.setTextElideMode(Qt.TextElideMode.ElideRight)
        width = self.fontMetrics().averageCharWidth() * 100
        self.resize(width, self.fontMetrics().height() * 22)

    def search(self) -> None:
        """Show the members matching the text typed (everyone, including people who left)."""
        self.timer.stop()
        text = self.search_box.text()
        self.results.clear()
        if not text.strip():
            self.hint.setText(HINT)
            return
        filt = MemberFilter(search=text, statuses=frozenset(MemberStatus))
        with service_call(self) as call, self.context.session() as session:
            found = list_members(session, self.actor, filt)
        if call.failed:
            return
        for member in found.rows[:SHOWN]:
            item = QListWidgetItem(result_text(member), self.results)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
        if found.rows:
            self.results.setCurrentRow(0)
        more = found.total_matching - SHOWN
        if not found.rows:
            self.hint.setText(f"No one matches “{text.strip()}”. Check the spelling.")
        elif more > 0:
            people = "1 more person matches" if more == 1 else f"{more:,} more people match"
            self.hint.setText(f"{people} — keep typing to narrow it down.")
        else:
            self.hint.setText(HINT)

    def choose(self) -> None:
        """Open the highlighted member (searching first if the last keystroke is pending)."""
        if self.timer.isActive():
            self.search()
        item = self.results.currentItem()
        if item is None:
            return
        self.chosen_id = int(item.data(Qt.ItemDataRole.UserRole))
        self.member_chosen.emit(self.chosen_id)
        self.accept()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Up/Down in the search box move through the results; Enter opens."""
        if watched is self.search_box and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.choose()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.results.count():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = min(max(self.results.currentRow() + step, 0), self.results.count() - 1)
                self.results.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)
