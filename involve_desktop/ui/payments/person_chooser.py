"""Choose one person from a list with a find box (the expense claim dialog's "Who", and
"Someone else…" on the People tab), and the members it offers.

Type part of a name to narrow the list; Enter in the box picks the first name shown
(instead of saving the dialog with nobody chosen); ↓ moves into the list.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import member_search
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberFilter, MemberStatus
from involve_desktop.core.text import sort_key
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.people_picker import FindBox
from involve_desktop.ui.operations import service_call

ID_ROLE = Qt.ItemDataRole.UserRole


class _Find(FindBox):
    """The find box: ↓ goes to the list."""

    down_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Down:
            self.down_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class PersonChooser(QWidget):
    """A find box over a list of names; ``member_id()`` is the one chosen (or None)."""

    chosen = Signal()

    def __init__(self, accessible_name: str = "Who", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.find = _Find()
        self.find.setPlaceholderText("Type part of a name…")
        self.find.setAccessibleName(f"Find {accessible_name.lower()}")
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(self._filter)
        self.find.enter_pressed.connect(self._pick_first_shown)
        self.find.down_pressed.connect(self._into_list)
        self.list = QListWidget()
        self.list.setAccessibleName(accessible_name)
        self.list.setMinimumHeight(self.fontMetrics().height() * 7)
        self.list.currentItemChanged.connect(lambda _now, _before: self.chosen.emit())
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self.find)
        column.addWidget(self.list, 1)
        self.setFocusProxy(self.find)

    def set_choices(self, choices: Iterable[tuple[int, str]], selected: int | None) -> None:
        """Offer ``choices`` (id, name) in name order, choosing ``selected``."""
        self.list.blockSignals(True)
        self.list.clear()
        for id_, name in sorted(choices, key=lambda c: (sort_key(c[1]), c[0])):
            item = QListWidgetItem(name, self.list)
            item.setData(ID_ROLE, id_)
            if id_ == selected:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def member_id(self) -> int | None:
        """The id chosen, or None."""
        item = self.list.currentItem()
        return int(item.data(ID_ROLE)) if item is not None and not item.isHidden() else None

    def choose(self, member_id: int) -> None:
        """Choose ``member_id`` (for tests and defaults)."""
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == member_id:
                self.list.setCurrentRow(row)

    def chosen_name(self) -> str:
        """The name chosen, or ""."""
        item = self.list.currentItem()
        return item.text() if item is not None else ""

    def _shown(self) -> list[QListWidgetItem]:
        items = [self.list.item(row) for row in range(self.list.count())]
        return [item for item in items if not item.isHidden()]

    def _filter(self, text: str) -> None:
        wanted = sort_key(text.strip())
        for row in range(self.list.count()):
            item = self.list.item(row)
            item.setHidden(bool(wanted) and wanted not in sort_key(item.text()))
        shown = self._shown()
        current = self.list.currentItem()
        if len(shown) == 1 or (shown and (current is None or current.isHidden())):
            self.list.setCurrentItem(shown[0])

    def _pick_first_shown(self) -> None:
        shown = self._shown()
        if shown:
            self.list.setCurrentItem(shown[0])
            self.list.setFocus()

    def _into_list(self) -> None:
        self.list.setFocus()
        if self.list.currentItem() is None or self.list.currentItem().isHidden():
            shown = self._shown()
            if shown:
                self.list.setCurrentItem(shown[0])


def member_choices(
    context: AppContext, actor: Actor, parent: QWidget, keep: int | None = None
) -> list[tuple[int, str]]:
    """Active and stepping-back members as (id, name), plus ``keep`` whatever their status
    (e.g. a claim's person who has since left)."""
    found: list[tuple[int, str]] = []
    with service_call(parent, title="Payments"), context.session() as session:
        rows = member_search.list_members(session, actor, MemberFilter()).rows
        found = [(m.id, m.display_name) for m in rows]
        if keep is not None and keep not in {id_ for id_, _n in found}:
            every = MemberFilter(statuses=frozenset(MemberStatus))
            rows = member_search.list_members(session, actor, every).rows
            found += [(m.id, m.display_name) for m in rows if m.id == keep]
    return found


class ChoosePersonDialog(QDialog):
    """ "Whose payment preference?" — a find box and the members; OK gives ``member_id``."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        parent: QWidget | None = None,
        question: str = "Whose payment preference? Type part of their name:",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Choose a person")
        self.member_id: int | None = None
        self.chooser = PersonChooser("Person")
        self.chooser.set_choices(member_choices(context, actor, self), None)
        self.chooser.list.itemActivated.connect(lambda _item: self.accept())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("&Choose")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(QLabel(question))
        column.addWidget(self.chooser, 1)
        column.addWidget(buttons)
        self.setMinimumSize(420, 360)

    def accept(self) -> None:
        """Close with the person chosen (nothing happens while nobody is)."""
        self.member_id = self.chooser.member_id()
        if self.member_id is not None:
            super().accept()
