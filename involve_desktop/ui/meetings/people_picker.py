"""A tick list of people (or accounts) with a filter box: who is in a group, who facilitates.

Type in the box to narrow the list; Space ticks the highlighted name. Ticks survive the
filter, so a long members list can be searched name by name.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from involve_desktop.core.text import sort_key

ID_ROLE = Qt.ItemDataRole.UserRole


class PeoplePicker(QWidget):
    """Names with tick boxes; ``checked_ids`` is what is ticked (hidden rows included)."""

    def __init__(self, title: str, placeholder: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.filter_edit = QLineEdit()
        self.filter_edit.setPlaceholderText(placeholder)
        self.filter_edit.setAccessibleName(f"Find in {title.lower()}")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._filter)
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
        """Offer ``choices`` (id, name) in name order, ticking those in ``checked``."""
        ticked = set(checked)
        self.list.blockSignals(True)
        self.list.clear()
        for id_, name in sorted(choices, key=lambda c: (sort_key(c[1]), c[0])):
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

    def _filter(self, text: str) -> None:
        wanted = sort_key(text.strip())
        for item in self.items():
            item.setHidden(bool(wanted) and wanted not in sort_key(item.text()))

    def _count(self) -> None:
        self.count_label.setText(f"{len(self.checked_ids())} ticked")
