"""Settings → Lists: the roles people hold and the kinds of training (coordinators only).

Entries are never deleted: retiring one takes it off the choices for new records, and
everyone who already has it keeps it on their record. Retiring asks first, saying what still
uses the entry (rota patterns and coming shifts that require it, people who hold it).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from involve_desktop.core.services import reference_lists
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.reference_lists import (
    ListEntryUse,
    RoleTypeInfo,
    TrainingTypeInfo,
)
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.dialog_keys import EditDialog
from involve_desktop.ui.keyboard import tab_leaves
from involve_desktop.ui.messages import FieldErrors, ask, error_label
from involve_desktop.ui.operations import service_call
from involve_desktop.ui.spin_range import RangeWatch, said_out_of_range
from involve_desktop.ui.table_model import Column, DtoTableModel
from involve_desktop.ui.widgets import buttons_row


def status_text(active: bool) -> str:
    """ "In use" or "Retired" — status in words, not colour."""
    return "In use" if active else "Retired"


def validity_text(months: int | None) -> str:
    """ "24 months" or "Does not expire"."""
    if months is None:
        return "Does not expire"
    return "1 month" if months == 1 else f"{months} months"


ROLE_COLUMNS: list[Column[RoleTypeInfo]] = [
    Column("Role", lambda r: r.name),
    Column("Status", lambda r: status_text(r.active)),
]
TRAINING_COLUMNS: list[Column[TrainingTypeInfo]] = [
    Column("Training", lambda t: t.name),
    Column("Valid for", lambda t: validity_text(t.validity_months)),
    Column("Status", lambda t: status_text(t.active)),
]
# What retiring does, after what uses the entry (and before "you can restore it").
RETIRE_EFFECT = {
    "role": "Once retired it is no longer offered when adding a role to someone's record, "
    "so nobody else can be given it.",
    "training": "Once retired it is no longer offered when recording training, so nobody "
    "else can get it, and nobody can renew it when theirs runs out.",
}
# Said when changing how long training stays current: expiry dates are stored when recorded.
VALIDITY_NOTE = (
    "Training already recorded keeps the expiry date it was given; a new "
    "“Valid for” applies to training recorded from now on."
)


def use_words(use: ListEntryUse) -> str:
    """ "It is required by 3 rota patterns and 12 coming shifts; 16 people hold it." """
    required = [
        plural(count, word)
        for count, word in (
            (use.rota_patterns, "rota pattern"),
            (use.future_shifts, "coming shift"),
        )
        if count
    ]
    held = {0: "nobody holds it now", 1: "1 person holds it"}.get(
        use.people, f"{plural(use.people, 'person', 'people')} hold it"
    )
    if required:
        return f"It is required by {' and '.join(required)}; {held}."
    return held[0].upper() + held[1:] + "."


def retire_question(kind: str, name: str, use: ListEntryUse) -> str:
    """The question before retiring ``name`` (a "role" or "training"), naming what uses it
    and what retiring does."""
    effect = RETIRE_EFFECT[kind]
    if use.rota_patterns or use.future_shifts:
        effect = effect[:-1] + ", and only people who already have it can work those shifts."
    keeps = f"Everyone who {'holds' if kind == 'role' else 'has'} it keeps it"
    keeps += " until it runs out" if kind == "training" else ""
    keeps += ", and you can restore it at any time."
    uses = " ".join(part for part in (use_words(use), use.built_in) if part)
    return f"Retire “{name}”?\n\n{uses}\n\n{effect} {keeps}"


# Saves the typed name (and validity in months) through the service; returns the saved entry.
SaveEntry = Callable[[Session, str, int | None], Any]


class ListEntryDialog(EditDialog):
    """A name (and, for training, how long it stays current); errors beside the field.
    Ctrl+S saves; Esc, Cancel and × ask "Discard your changes?" once something was typed."""

    def __init__(
        self,
        context: AppContext,
        title: str,
        save_entry: SaveEntry,
        name: str = "",
        validity: int | None = None,
        with_validity: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.save_entry = save_entry
        self.saved: Any = None
        self.setWindowTitle(title)
        self.name = QLineEdit(name)
        self.name.setAccessibleName("Name")
        labels = {"name": error_label(), "validity_months": error_label()}
        self.general = error_label()
        self.errors = FieldErrors(labels, self.general)
        form = QFormLayout()
        form.addRow("&Name:", self.name)
        form.addRow("", labels["name"])
        self.expires = QCheckBox("Needs &renewing after")
        self.months = QSpinBox()
        self.months.setRange(1, 240)
        self.months.setSuffix(" months")
        self.months.setAccessibleName("Valid for (months)")
        self.months.setValue(validity or 24)
        self.watches = [RangeWatch(self.months)]
        self.expires.toggled.connect(self.months.setEnabled)
        self.expires.setChecked(validity is not None)
        self.months.setEnabled(validity is not None)
        if with_validity:
            row = QHBoxLayout()
            row.addWidget(self.expires)
            row.addWidget(self.months)
            row.addStretch(1)
            form.addRow("Valid for:", row)
            hint = QLabel("Leave unticked for training that does not expire.")
            hint.setWordWrap(True)
            form.addRow("", hint)
            if name:  # changing training already in the list
                self.validity_note = QLabel(VALIDITY_NOTE)
                self.validity_note.setWordWrap(True)
                form.addRow("", self.validity_note)
            form.addRow("", labels["validity_months"])
        self.with_validity = with_validity
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(buttons)
        self.setMinimumWidth(420)
        self.save_keys(self.save, buttons.button(QDialogButtonBox.StandardButton.Save))

    def validity(self) -> int | None:
        """Months it stays current, or None for "does not expire"."""
        if not self.with_validity or not self.expires.isChecked():
            return None
        return self.months.value()

    def save(self) -> None:
        """Save through the reference lists service, or show what to fix."""
        self.errors.clear()
        focus = {"name": self.name, "validity_months": self.months}
        if said_out_of_range(self.watches, self.errors, focus):
            return
        with service_call(self, self.errors, focus) as call, self.context.session() as session:
            self.saved = self.save_entry(session, self.name.text(), self.validity())
        if call.failed:
            return
        self.accept()


def _table(model: DtoTableModel[Any], name: str) -> QTableView:
    table = tab_leaves(QTableView())
    table.setModel(model)
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    table.verticalHeader().setVisible(False)
    return table


def _button(text: str, name: str, slot: Callable[[], None]) -> QPushButton:
    button = QPushButton(text)
    button.setAccessibleName(name)
    button.clicked.connect(slot)
    return button


def _section(title: str, table: QTableView, *buttons: QPushButton) -> QGroupBox:
    group = QGroupBox(title)
    layout = QVBoxLayout(group)
    layout.addLayout(buttons_row(*buttons))
    layout.addWidget(table)
    return group


class ListsTab(QWidget):
    """Two tables — Roles and Training — each with Add, Rename/Edit and Retire/Restore."""

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self.roles: DtoTableModel[RoleTypeInfo] = DtoTableModel(ROLE_COLUMNS, self)
        self.training: DtoTableModel[TrainingTypeInfo] = DtoTableModel(TRAINING_COLUMNS, self)
        self.roles_table = _table(self.roles, "Roles")
        self.training_table = _table(self.training, "Training")
        # Alt letters: only R and E fit both "Retire" and "Restore" (the Settings tabs hold
        # T and I), so the two Retire buttons take those and the others fit around them.
        self.add_role_button = _button("Add ro&le…", "Add role", self.add_role)
        self.rename_role_button = _button("Rena&me…", "Rename role", self.rename_role)
        self.retire_role_button = _button("&Retire", "Retire or restore role", self.toggle_role)
        self.add_training_button = _button("&Add training…", "Add training", self.add_training)
        self.edit_training_button = _button("E&dit…", "Edit training", self.edit_training)
        self.retire_training_button = _button(
            "R&etire", "Retire or restore training", self.toggle_training
        )
        self.roles_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.training_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.roles_table.doubleClicked.connect(lambda _i: self.rename_role())
        self.training_table.doubleClicked.connect(lambda _i: self.edit_training())
        intro = QLabel(
            "These lists are the choices offered in member records. Retiring an entry takes "
            "it off the choices for new records; everyone who already has it keeps it on "
            "their record, and you can restore it at any time."
        )
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        # One above the other: narrow enough for the sidebar window on a 1366-wide screen.
        layout.addWidget(
            _section(
                "Roles people hold",
                self.roles_table,
                self.add_role_button,
                self.rename_role_button,
                self.retire_role_button,
            ),
            3,  # the roles list is about twice as long as the training list
        )
        layout.addWidget(
            _section(
                "Training",
                self.training_table,
                self.add_training_button,
                self.edit_training_button,
                self.retire_training_button,
            ),
            2,
        )
        self.refresh()

    def refresh(self) -> None:
        """Reload both lists (retired entries included) from the database."""
        with service_call(self), self.context.session() as session:
            self.roles.set_rows(reference_lists.role_types(session, include_inactive=True))
            self.training.set_rows(reference_lists.training_types(session, include_inactive=True))
        self._update_buttons()

    @staticmethod
    def _selected(table: QTableView, model: DtoTableModel[Any]) -> Any:
        rows = table.selectionModel().selectedRows()
        return model.row_at(rows[0].row()) if rows else None

    def selected_role(self) -> RoleTypeInfo | None:
        """The role selected in the Roles table, if any."""
        return self._selected(self.roles_table, self.roles)

    def selected_training(self) -> TrainingTypeInfo | None:
        """The training selected in the Training table, if any."""
        return self._selected(self.training_table, self.training)

    def _update_buttons(self) -> None:
        role, training = self.selected_role(), self.selected_training()
        for button, item, words in (
            (self.retire_role_button, role, ("&Retire", "&Restore")),
            (self.retire_training_button, training, ("R&etire", "R&estore")),
        ):
            button.setEnabled(item is not None)
            button.setText(words[1] if item is not None and not item.active else words[0])
        self.rename_role_button.setEnabled(role is not None)
        self.edit_training_button.setEnabled(training is not None)

    def select(self, table: QTableView, model: DtoTableModel[Any], item_id: int) -> None:
        """Select the row whose entry has ``item_id``."""
        for row, item in enumerate(model.all_rows()):
            if item.id == item_id:
                table.selectRow(row)
                return

    def _open(self, dialog: ListEntryDialog, table: QTableView, model: DtoTableModel[Any]) -> None:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.refresh()
        if dialog.saved is not None:
            self.select(table, model, dialog.saved.id)

    def add_role(self) -> None:
        """Add a role to the list."""

        def save(session: Session, name: str, _months: int | None) -> RoleTypeInfo:
            return reference_lists.save_role_type(session, self.actor, name)

        dialog = ListEntryDialog(self.context, "Add role", save, parent=self)
        self._open(dialog, self.roles_table, self.roles)

    def rename_role(self) -> None:
        """Rename the selected role (everyone holding it sees the new name)."""
        role = self.selected_role()
        if role is None:
            return

        def save(session: Session, name: str, _months: int | None) -> RoleTypeInfo:
            return reference_lists.save_role_type(session, self.actor, name, role.id, role.active)

        dialog = ListEntryDialog(self.context, "Rename role", save, role.name, parent=self)
        self._open(dialog, self.roles_table, self.roles)

    def toggle_role(self) -> None:
        """Retire the selected role (after asking), or restore a retired one."""
        role = self.selected_role()
        if role is None:
            return
        if role.active and not self._may_retire(
            "role",
            role.name,
            lambda session: reference_lists.role_type_use(session, self.actor, role.id),
        ):
            return

        def save(session: Session) -> RoleTypeInfo:
            return reference_lists.save_role_type(
                session, self.actor, role.name, role.id, not role.active
            )

        self._save_now(save, self.roles_table, self.roles, role.id)

    def add_training(self) -> None:
        """Add a kind of training, with how long it stays current."""

        def save(session: Session, name: str, months: int | None) -> TrainingTypeInfo:
            return reference_lists.save_training_type(session, self.actor, name, months)

        dialog = ListEntryDialog(
            self.context, "Add training", save, validity=24, with_validity=True, parent=self
        )
        self._open(dialog, self.training_table, self.training)

    def edit_training(self) -> None:
        """Change the selected training's name or how long it stays current."""
        kind = self.selected_training()
        if kind is None:
            return

        def save(session: Session, name: str, months: int | None) -> TrainingTypeInfo:
            return reference_lists.save_training_type(
                session, self.actor, name, months, kind.id, kind.active
            )

        dialog = ListEntryDialog(
            self.context,
            "Edit training",
            save,
            kind.name,
            kind.validity_months,
            with_validity=True,
            parent=self,
        )
        self._open(dialog, self.training_table, self.training)

    def toggle_training(self) -> None:
        """Retire the selected training (after asking), or restore a retired one."""
        kind = self.selected_training()
        if kind is None:
            return
        if kind.active and not self._may_retire(
            "training",
            kind.name,
            lambda session: reference_lists.training_type_use(session, self.actor, kind.id),
        ):
            return

        def save(session: Session) -> TrainingTypeInfo:
            return reference_lists.save_training_type(
                session, self.actor, kind.name, kind.validity_months, kind.id, not kind.active
            )

        self._save_now(save, self.training_table, self.training, kind.id)

    def _may_retire(
        self, kind: str, name: str, count_use: Callable[[Session], ListEntryUse]
    ) -> bool:
        """Ask before retiring, saying what still uses the entry; Esc and Enter answer No."""
        use: ListEntryUse | None = None
        with service_call(self) as call, self.context.session() as session:
            use = count_use(session)
        if call.failed or use is None:
            return False
        return ask(
            self,
            f"Retire {kind}",
            retire_question(kind, name, use),
        )

    def _save_now(
        self,
        action: Callable[[Session], Any],
        table: QTableView,
        model: DtoTableModel[Any],
        item_id: int,
    ) -> None:
        with service_call(self), self.context.session() as session:
            action(session)
        self.refresh()
        self.select(table, model, item_id)
