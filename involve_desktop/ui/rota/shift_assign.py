"""Choosing who to put on a shift from the ranked cover suggestions.

Eligible people come first, best first, each with why ("3 shifts in the 4 weeks before this
one", "bank", or the limit they would go past — outside their availability, over a limit —
which asks for a reason); then the people who cannot do it, with the reason. When nobody at
all can be listed, the service's reason says why (e.g. no one held the role on that date).

A large group lists hundreds of people, so a search box above the list (focused when the
dialog opens) narrows it by name as you type, ignoring accents and capitals; Down moves into
the list and Enter assigns the highlighted person. Each row wraps, so a long reason is read
in full rather than cut off.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import rota_coverage
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_names import with_apart
from involve_desktop.core.services.rota_dto import CoverSuggestions, Suggestion, plural
from involve_desktop.core.text import search_key
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.rota.shift_actions import TITLE, assign_person

MEMBER_ROLE = Qt.ItemDataRole.UserRole + 20
# Set on every row: (what the row is — one of the kinds below, the person's name as
# ``search_key`` folds it, or "" on a row about nobody).
ROW_ROLE = Qt.ItemDataRole.UserRole + 21
INFO, HEADING, CHOOSABLE, REFUSAL = "info", "heading", "choosable", "refusal"
# PySide6 6.12 (an abi3 wheel) on Python 3.11 takes one reference from None each time
# ``data()`` returns nothing, and each time a method that returns nothing is called
# (``setData``, ``setRowHidden``, ``addItem`` …); over the thousands of rows of a large
# group that ended in the fatal "deallocating None". So each row costs one such call when
# made, every row holds ROW_ROLE, MEMBER_ROLE is read only on a CHOOSABLE row, and
# filtering touches only the rows whose visibility changes.


def _add_row(target: QListWidget, text: str, kind: str, name: str = "") -> QListWidgetItem:
    """Add a row of ``kind`` (its text wraps) with ``name``'s search key."""
    item = QListWidgetItem(text, target)
    item.setData(ROW_ROLE, (kind, search_key(name)))
    if kind != CHOOSABLE:
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)  # readable, not choosable
    return item


def row_kind(item: QListWidgetItem) -> str:
    """What the row is: INFO, HEADING, CHOOSABLE or REFUSAL."""
    return item.data(ROW_ROLE)[0]


def row_member(item: QListWidgetItem | None) -> int | None:
    """The member id on a choosable row; None on any other row (or none)."""
    if item is None or row_kind(item) != CHOOSABLE:
        return None
    return int(item.data(MEMBER_ROLE))


def why_text(suggestion: Suggestion) -> str:
    """ "Aisha Khan — 3 shifts in the 4 weeks before this one · bank · ⚠ needs a reason: …".

    The count is of shifts in the 4 weeks before this shift (the fairness measure), which
    for a shift ahead includes shifts they are booked on between now and then.
    """
    count = suggestion.recent_shifts
    parts = [f"{plural(count, 'shift')} in the 4 weeks before this one"]
    if suggestion.bank:
        parts.append("bank")
    if suggestion.limit_note:
        note = suggestion.limit_note
        if note.startswith(suggestion.name + " "):
            note = note[len(suggestion.name) + 1 :]
        parts.append(f"⚠ needs a reason: {note}")
    return f"{suggestion.label} — {' · '.join(parts)}"


def refusal_text(name: str, reason: str, apart: str | None = None) -> str:
    """ "Carla Diaz — her training expired", without naming them twice; with what tells
    them apart from someone of the same name, when someone shares it."""
    label = with_apart(name, apart)
    return label + reason[len(name) :] if reason.startswith(name) else f"{label} — {reason}"


def load_suggestions(
    context: AppContext, actor: Actor, parent: QWidget | None, shift_id: int, bank_first: bool
) -> CoverSuggestions | None:
    """The ranked suggestions, or None (problem shown)."""
    found: CoverSuggestions | None = None
    with service_call(parent, title=TITLE), context.session() as session:
        found = rota_coverage.suggestions(session, actor, shift_id, include_bank_first=bank_first)
    return found


def fill_suggestion_list(target: QListWidget, found: CoverSuggestions) -> None:
    """Eligible people (selectable, best first) then those who cannot (greyed, with why)."""
    target.clear()
    if not found.eligible:
        text = (
            "No one eligible is free for this shift — see the reasons below."
            if found.not_eligible
            else found.empty_reason or "No one can be put on this shift."
        )
        _add_row(target, text, INFO)
    for suggestion in found.eligible:
        item = _add_row(target, why_text(suggestion), CHOOSABLE, suggestion.name)
        item.setData(MEMBER_ROLE, suggestion.member_id)
    if found.not_eligible:
        heading = _add_row(target, "Cannot do this shift:", HEADING)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
    for person in found.not_eligible:
        text = f"✗ {refusal_text(person.name, person.reason, person.apart)}"
        _add_row(target, text, REFUSAL, person.name)
    for row in range(target.count()):
        if row_member(target.item(row)) is not None:
            target.setCurrentRow(row)
            break


def filter_suggestion_list(target: QListWidget, typed: str) -> int:
    """Show only the people whose name holds ``typed`` (accents and capitals ignored);
    keep a visible choosable row current. Returns how many people are shown."""
    wanted = search_key(typed.strip())
    shown = 0
    heading_row: int | None = None
    refusals_shown = 0
    for row in range(target.count()):
        item = target.item(row)
        kind, key = item.data(ROW_ROLE)
        if kind == HEADING:
            heading_row = row
        if kind not in (CHOOSABLE, REFUSAL):
            continue  # the explanation line stays; the heading follows its people
        match = wanted in key
        if target.isRowHidden(row) == match:  # only rows that change (see ROW_ROLE's note)
            target.setRowHidden(row, not match)
        if match:
            shown += 1
            refusals_shown += kind == REFUSAL
    if heading_row is not None and target.isRowHidden(heading_row) != (refusals_shown == 0):
        target.setRowHidden(heading_row, refusals_shown == 0)
    current = target.currentItem()
    if current is not None and (current.isHidden() or row_member(current) is None):
        target.setCurrentRow(-1)
    if target.currentItem() is None:
        for row in range(target.count()):
            item = target.item(row)
            if not item.isHidden() and row_member(item) is not None:
                target.setCurrentRow(row)
                break
    return shown


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their text needs at the list's width, so a long reason wraps."""

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self.view = view

    def sizeHint(  # noqa: N802 - Qt's name
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        """The text's wrapped height at the width the list shows."""
        base = super().sizeHint(option, index)
        margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 1
        width = max(120, self.view.viewport().width() - 4 * margin)
        # Only roles every row holds are read (see ROW_ROLE's note): the text, and the kind
        # for the one bold row.
        text = str(index.data(Qt.ItemDataRole.DisplayRole))
        font = QFont(option.font)
        if index.data(ROW_ROLE)[0] == HEADING:
            font.setBold(True)
        bounds = QFontMetrics(font).boundingRect(
            QRect(0, 0, width, 100000), Qt.TextFlag.TextWordWrap, text
        )
        return QSize(width, max(base.height(), bounds.height() + 2 * margin))


class AssignDialog(QDialog):
    """Pick a person from the suggestions and put them on the shift (Enter or "Assign")."""

    def __init__(
        self, context: AppContext, actor: Actor, shift_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context, self.actor, self.shift_id = context, actor, shift_id
        self.assigned_member: int | None = None
        self.setWindowTitle("Assign someone")
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.bank_first = QCheckBox("Ask bank supporters first")
        self.bank_first.toggled.connect(self.reload)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Type part of a name to narrow the list")
        self.search.setAccessibleName("Find a person by name")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.apply_filter)
        self.search.installEventFilter(self)
        search_label = QLabel("&Find:")
        search_label.setBuddy(self.search)
        self.no_match = QLabel()
        self.no_match.setWordWrap(True)
        self.no_match.hide()
        self.people = QListWidget()
        self.people.setAccessibleName("People who could cover this shift, best first")
        self.people.setWordWrap(True)
        self.people.setUniformItemSizes(False)
        self.people.setResizeMode(QListView.ResizeMode.Adjust)
        self.people.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.people.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.people.setItemDelegate(WrappingDelegate(self.people))
        self.people.itemActivated.connect(lambda _item: self.assign_selected())
        self.assign_button = QPushButton("Assign")
        self.assign_button.clicked.connect(self.assign_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.assign_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        column = QVBoxLayout(self)
        column.addWidget(self.heading)
        column.addWidget(self.bank_first)
        column.addWidget(search_label)
        column.addWidget(self.search)
        column.addWidget(self.no_match)
        column.addWidget(self.people, 1)
        column.addWidget(buttons)
        # Made default once inside the dialog, so Enter in the search box presses Assign.
        self.assign_button.setDefault(True)
        self.resize(640, 460)
        self.reload()
        self.search.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """Down (or Page Down) in the search box moves into the list."""
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        ):
            self.people.setFocus()
            if self.people.currentItem() is None or self.people.currentItem().isHidden():
                filter_suggestion_list(self.people, self.search.text())
            return True
        return super().eventFilter(watched, event)

    def apply_filter(self) -> None:
        """Narrow the list to the names holding what is typed in the search box."""
        typed = self.search.text().strip()
        shown = filter_suggestion_list(self.people, typed)
        self.no_match.setText(f"No one called “{typed}” is on this list." if typed else "")
        self.no_match.setVisible(bool(typed) and shown == 0)

    def reload(self) -> None:
        """Ask the service again (e.g. after switching bank first)."""
        found = load_suggestions(
            self.context, self.actor, self, self.shift_id, self.bank_first.isChecked()
        )
        if found is None:
            return
        self.heading.setText(f"Who could cover {found.shift.slot.label}? Best first.")
        fill_suggestion_list(self.people, found)
        if self.search.text().strip():
            self.apply_filter()

    def selected_member(self) -> int | None:
        """The member id of the chosen person, if any."""
        return row_member(self.people.currentItem())

    def assign_selected(self) -> None:
        """Assign the chosen person; close when it worked."""
        member_id = self.selected_member()
        if member_id is None:
            return
        if assign_person(self.context, self.actor, self, self.shift_id, member_id):
            self.assigned_member = member_id
            self.accept()
        else:
            self.reload()
