"""A tick list of people (or accounts) with a filter box: who is in a group, who facilitates.

Type in the box to narrow the list and Enter ticks the first name shown; in the list, Space
ticks the highlighted name. Ticks survive the
filter, so a long members list can be searched name by name. Those already ticked when the
list is filled come first.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from involve_desktop.core.text import sort_key

ID_ROLE = Qt.ItemDataRole.UserRole


class FindBox(QLineEdit):
    """The filter box: Enter ticks the first name shown instead of pressing the dialog's
    Save button (which would save half-chosen lists)."""

    enter_pressed = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.enter_pressed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class PeoplePicker(QWidget):
    """Names with tick boxes; ``checked_ids`` is what is ticked (hidden rows included)."""

    def __init__(self, title: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = FindBox()
        self.filter_edit.setPlaceholderText(placeholder)
        self.filter_edit.setAccessibleName(f"Find in {title.lower()}")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
        self.filter_edit.enter_pressed.connect(self._tick_first_shown)
        self.list = QListWidget()
        self.list.setAccessibleName(title)
        self.count_label = QLabel()
        self.count_label.setAccessibleName(f"{title}: how many ticked")
        self.list.itemChanged.connect(lambda _item: self._count())
        heading = QLabel(f"<b>{title}</b>")
        heading.setBuddy(self.filter_edit)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(heading)
        column.addWidget(self.filter_edit)
        column.addWidget(self.list, 1)
        column.addWidget(self.count_label)
        self.setFocusProxy(self.filter_edit)

    def set_choices(self, choices: Iterable[tuple[int, str]], checked: Iterable[int]) -> None:
        """Offer ``choices`` (id, name), ticking those in ``checked``: the ticked first (so
        who is chosen is in view), each part in name order."""
        ticked = set(checked)
        self.list.blockSignals(True)
        self.list.clear()
        for id_, name in sorted(choices, key=lambda c: (c[0] not in ticked, sort_key(c[1]), c[0])):
            item = QListWidgetItem(name, self.list)
            item.setData(ID_ROLE, id_)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if id_ in ticked else Qt.CheckState.Unchecked)
        self.list.blockSignals(False)
        self._filter(self.filter_edit.text())
        self._count()

    def items(self) -> list[QListWidgetItem]:
        """Every row, shown or filtered out."""
        return [self.list.item(i) for i in range(self.list.count())]

    def checked_ids(self) -> set[int]:
        """The ids ticked."""
        return {
            int(item.data(ID_ROLE))
            for item in self.items()
            if item.checkState() == Qt.CheckState.Checked
        }

    def set_checked(self, id_: int, checked: bool = True) -> None:
        """Tick (or untick) the row for ``id_``."""
        for item in self.items():
            if item.data(ID_ROLE) == id_:
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _tick_first_shown(self) -> None:
        """Enter in the find box: tick the first name shown, then empty the box."""
        shown = [item for item in self.items() if not item.isHidden()]
        if self.filter_edit.text().strip() and shown:
            shown[0].setCheckState(Qt.CheckState.Checked)
            self.filter_edit.clear()

    def _filter(self, text: str) -> None:
        wanted = sort_key(text.strip())
        for item in self.items():
            item.setHidden(bool(wanted) and wanted not in sort_key(item.text()))

    def _count(self) -> None:
        self.count_label.setText(f"{len(self.checked_ids())} ticked")
