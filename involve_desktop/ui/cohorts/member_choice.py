"""Choosing one member: suggestions first (each with its reason), or search any active
member by name. Enter in the search box moves to the first name; Enter or double-click in
the list chooses. ``MemberChoiceDialog.apply`` is given the chosen member's id by the
subclass's ``choose_member`` (a service call), and the dialog closes only when it worked."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QWidget

from involve_desktop.core.errors import ValidationError
from involve_desktop.core.services import member_search
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberFilter, MemberStatus
from involve_desktop.ui.cohorts.form_dialog import FormDialog
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.people_picker import FindBox
from involve_desktop.ui.members.dialog_widgets import with_error
from involve_desktop.ui.operations import service_call

ID_ROLE = Qt.ItemDataRole.UserRole
SEARCH_LIMIT = 30


class MemberChoiceDialog(FormDialog):
    """See the module docstring. ``suggested`` is (member id, text) shown when the search box
    is empty, with ``suggested_note`` above them; ``leave_out`` are never offered."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        title: str,
        save_text: str,
        act: Callable[[int], Any],
        parent: QWidget | None = None,
        *,
        suggested: list[tuple[int, str]] | None = None,
        suggested_note: str = "",
        leave_out: set[int] | None = None,
    ) -> None:
        super().__init__(context, title, save_text, ("member_id",), parent)
        self.actor, self.act = actor, act
        self.suggested = suggested or []
        self.suggested_note = suggested_note
        self.leave_out = leave_out or set()
        self.setMinimumSize(620, 420)
        self.search = FindBox()
        self.search.setPlaceholderText("Type a member's name")
        self.search.setAccessibleName("Search members")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _t: self.fill())
        self.search.enter_pressed.connect(self._first)
        self.list = QListWidget()
        self.list.setAccessibleName("Members to choose from")
        self.list.setWordWrap(True)
        self.list.itemDoubleClicked.connect(lambda _i: self.save())
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setAccessibleName("About this list")
        self.row("&Find:", None, self.search)
        self.form.addRow(self.note)
        self.focus["member_id"] = self.list
        self.finish(with_error(self.list, self.labels["member_id"]), grow=True)
        self.fill()
        self.search.setFocus()

    def fill(self) -> None:
        """Suggestions when nothing is typed, else active members matching the name."""
        self.list.clear()
        typed = self.search.text().strip()
        if not typed:
            for member_id, text in self.suggested:
                self._item(text, member_id)
            self.note.setText(
                self.suggested_note
                if self.suggested
                else "Type a name to find a member (only active members are offered)."
            )
        else:
            found = []
            with service_call(self, title=self.title), self.context.session() as session:
                found = member_search.list_members(
                    session,
                    self.actor,
                    MemberFilter(search=typed, statuses=frozenset({MemberStatus.ACTIVE})),
                ).rows
            found = [m for m in found if m.id not in self.leave_out][:SEARCH_LIMIT]
            texts = dict(self.suggested)
            for m in found:
                self._item(texts.get(m.id, m.display_name), m.id)
            self.note.setText("" if found else "No active member matches that name.")
        if self.list.count():
            self.list.setCurrentRow(0)

    def _item(self, text: str, member_id: int) -> None:
        item = QListWidgetItem(text, self.list)
        item.setData(ID_ROLE, member_id)

    def _first(self) -> None:
        if self.list.count():
            self.list.setCurrentRow(0)
            self.list.setFocus()

    def choose(self, member_id: int) -> bool:
        """Select ``member_id`` in the list; True if it is there."""
        for row in range(self.list.count()):
            if self.list.item(row).data(ID_ROLE) == member_id:
                self.list.setCurrentRow(row)
                return True
        return False

    def is_dirty(self) -> bool:
        """Nothing here is worth asking about: choosing is quick to redo."""
        return False

    def apply(self) -> Any:
        item = self.list.currentItem()
        if item is None:
            raise ValidationError("member_id", "Choose a member in the list first.")
        return self.act(int(item.data(ID_ROLE)))
