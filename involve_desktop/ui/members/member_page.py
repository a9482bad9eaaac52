"""A member's page: details, restricted notes (coordinators), roles, training, consent, history.

Shown in place of the members list (Back or Esc returns). The buttons open the add/edit and
record dialogs; after a dialog saves, the page reloads and ``member_changed`` tells the list.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QBoxLayout,
    QDialog,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QScrollArea,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.permissions import Permission
from involve_desktop.core.services import (
    audit,
    involvement,
    meetings_history,
    members,
    payments_batch,
    payments_preferences,
)
from involve_desktop.core.services.dto import Actor, AuditInfo
from involve_desktop.core.services.meetings_dto import PersonAttendance
from involve_desktop.core.services.member_dto import MemberDetail
from involve_desktop.core.services.payments_dto import PaymentStatement, PreferenceInfo
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.attendance_record import attendance_lines
from involve_desktop.ui.members import page_sections as words
from involve_desktop.ui.members.list_flow import flow_widget
from involve_desktop.ui.members.page_sections import Line, Mark
from involve_desktop.ui.operations import service_call

AUDIT_LIMIT = 100
TWO_COLUMNS_CHARS = 120  # narrower than this, the sections go one below the other
ICONS = {
    Mark.OK: QStyle.StandardPixmap.SP_DialogApplyButton,
    Mark.DUE: QStyle.StandardPixmap.SP_MessageBoxWarning,
    Mark.PROBLEM: QStyle.StandardPixmap.SP_MessageBoxCritical,
}
MARK_WORDS = {Mark.OK: "", Mark.DUE: "Attention: ", Mark.PROBLEM: "Problem: "}


def _clear(layout: QLayout) -> None:
    while layout.count():
        item = layout.takeAt(0)
        widget = item.widget()
        if widget is not None:
            # Hidden first: a widget not yet shown, left without a parent, would show as a
            # window of its own when the page loads again before the next loop.
            widget.hide()
            widget.setParent(None)  # gone from findChildren at once, not at the next loop
            widget.deleteLater()
        elif item.layout() is not None:
            _clear(item.layout())


def _text_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class Section(QGroupBox):
    """A titled box of lines (each with an optional icon) or of label–value rows."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.body = QVBoxLayout(self)

    def set_lines(self, lines: list[Line]) -> None:
        """Show ``lines``, an icon beside those that carry a mark."""
        _clear(self.body)
        size = self.fontMetrics().height()
        for line in lines:
            row = QHBoxLayout()
            if line.mark is not Mark.NONE:
                icon = QLabel()
                icon.setPixmap(self.style().standardIcon(ICONS[line.mark]).pixmap(size, size))
                icon.setAccessibleName(MARK_WORDS[line.mark] or "OK")
                icon.setAlignment(Qt.AlignmentFlag.AlignTop)
                row.addWidget(icon)
            text = _text_label(line.text)
            text.setAccessibleName(MARK_WORDS.get(line.mark, "") + line.text)
            row.addWidget(text, 1)
            self.body.addLayout(row)

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        """Show label–value pairs as a form."""
        _clear(self.body)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for label, value in rows:
            form.addRow(f"{label}:", _text_label(value))
        self.body.addLayout(form)

    def texts(self) -> list[str]:
        """Every piece of text shown (for tests and screen readers)."""
        return [label.text() for label in self.findChildren(QLabel) if label.text()]


class MemberPage(QWidget):
    """One member's record with the actions that change it."""

    back_requested = Signal()
    member_changed = Signal(int)
    open_member_requested = Signal(int)

    def __init__(self, context: AppContext, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.actor = actor
        self.detail: MemberDetail | None = None

        self.back_button = QPushButton("← Back to members")
        self.back_button.setToolTip("Back to the list (Esc)")
        self.back_button.setAccessibleName("Back to members")
        self.back_button.clicked.connect(self.back_requested)
        self.name_label = QLabel()
        self.name_label.setAccessibleName("Member name")
        font = self.name_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.name_label.setFont(font)
        self.summary_label = QLabel()
        self.summary_label.setAccessibleName("Member summary")
        self.summary_label.setWordWrap(True)

        self.edit_button = self._button("&Edit…", "Edit name, contact details and access needs")
        self.status_button = self._button(
            "Change &status…", "Stepping back, returning, or leaving (history is kept)"
        )
        self.role_button = self._button("Add &role…", "Record a role they hold or held")
        self.training_button = self._button("Record &training…", "Record completed training")
        self.consent_button = self._button("Record &consent…", "Record what they agreed to")
        self.payment_button = self._button(
            "Set pa&yment preference…", "How they want to be paid, benefits advice offered"
        )
        self.action_buttons = [
            self.edit_button,
            self.status_button,
            self.role_button,
            self.training_button,
            self.consent_button,
        ]
        for button, slot in zip(
            self.action_buttons,
            (
                self.edit_member,
                self.change_status,
                self.add_role,
                self.record_training,
                self.record_consent,
            ),
            strict=True,
        ):
            button.clicked.connect(slot)
        self.payment_button.clicked.connect(self.set_payment_preference)
        self.action_buttons.append(self.payment_button)
        self.access_button = self._button(
            "Subject access e&xport…", "Everything held about them, as PDF and JSON, in a folder"
        )
        self.access_button.clicked.connect(self.subject_access_export)
        self.erase_button = self._button(
            "Erase this &person…", "Remove their personal details for good (asks first)"
        )
        self.erase_button.clicked.connect(self.erase_person)
        # closed for good once the person is erased (see ``_close_if_erased``)
        self._changing_buttons = list(self.action_buttons)
        self._tips = {button: button.toolTip() for button in self._changing_buttons}
        self.action_buttons += [self.access_button, self.erase_button]

        self.details = Section("Details")
        self.restricted = Section("Restricted — coordinators only")
        self.history = Section("Status history")
        self.roles = Section("Roles")
        self.training = Section("Training")
        self.consent = Section("Consent")
        self.involvement = Section("Involvement")
        self.meetings = Section("Meetings attended")
        self.payments = Section("Payments")
        self.audit_trail = Section("Changes to this record")
        self._lay_out()
        self._show_what_actor_may_use()

    def _show_what_actor_may_use(self) -> None:
        """Hide the actions and sections this account may not use.

        Only once they sit in the page: ``setVisible(True)`` on a widget with no parent yet
        shows it as a window of its own, which takes keyboard focus from the main window.
        """
        can = self.actor.can
        for button in self.action_buttons:
            button.setVisible(can(Permission.EDIT_MEMBERS))
        # Roles, training and status are the coordinator's to change (checked in the service).
        for button in (self.status_button, self.role_button, self.training_button):
            button.setVisible(can(Permission.MANAGE_MEMBER_RECORDS))
        # Involvement payments: coordinators only (facilitators see no payments at all).
        self.payment_button.setVisible(can(Permission.MANAGE_PAYMENTS))
        # UK GDPR requests from the person: coordinators only (checked in the services).
        self.access_button.setVisible(can(Permission.EXPORT_PERSONAL_DATA))
        self.erase_button.setVisible(can(Permission.ERASE_PERSONAL_DATA))
        self.meetings.setVisible(can(Permission.VIEW_MEETINGS))
        self.payments.setVisible(can(Permission.VIEW_PAYMENTS))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        """Two columns of sections when there is room, one below the other when narrow."""
        super().resizeEvent(event)
        narrow = event.size().width() < self.fontMetrics().averageCharWidth() * TWO_COLUMNS_CHARS
        self.columns.setDirection(
            QBoxLayout.Direction.TopToBottom if narrow else QBoxLayout.Direction.LeftToRight
        )

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        """Esc (or Alt+Left) goes back to the list."""
        if event.key() == Qt.Key.Key_Escape or event.matches(QKeySequence.StandardKey.Back):
            self.back_requested.emit()
            return
        super().keyPressEvent(event)

    def _button(self, text: str, tip: str) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setAccessibleName(text.replace("&", "").rstrip("…"))
        return button

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.name_label, 1)
        actions = flow_widget(*self.action_buttons)
        left = QVBoxLayout()
        for section in (self.details, self.restricted, self.history):
            left.addWidget(section)
        left.addStretch(1)
        right = QVBoxLayout()
        for section in (
            self.roles,
            self.training,
            self.consent,
            self.payments,  # above the long lists, so it is in view without scrolling far
            self.meetings,
            self.involvement,
        ):
            right.addWidget(section)
        right.addWidget(self.audit_trail)
        right.addStretch(1)
        columns = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        self.columns = columns
        body = QWidget()
        body.setLayout(columns)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary_label)
        layout.addWidget(actions)
        layout.addWidget(scroll, 1)

    # -- showing ----------------------------------------------------------------------------

    def show_member(self, member_id: int) -> bool:
        """Load and show ``member_id``; False (after telling the user) if that failed."""
        today = date.today()
        entries: list[AuditInfo] = []
        record: PersonAttendance | None = None
        preference: PreferenceInfo | None = None
        year: PaymentStatement | None = None
        with service_call(self) as call, self.context.session() as session:
            detail = members.get_member(session, self.actor, member_id, today=today)
            items = involvement.history(session, self.actor, member_id)
            if self.actor.can(Permission.VIEW_MEETINGS):
                record = meetings_history.person_attendance(session, self.actor, member_id)
            if self.actor.can(Permission.VIEW_PAYMENTS):
                preference = payments_preferences.get_preference(session, self.actor, member_id)
                year = payments_batch.statement(
                    session, self.actor, member_id, today.replace(month=1, day=1), today
                )
            if self.actor.can(Permission.VIEW_AUDIT_LOG):
                entries = audit.list_entries(
                    session,
                    self.actor,
                    entity="member",
                    entity_id=member_id,
                    limit=AUDIT_LIMIT,
                )
        if call.failed:
            return False
        self.detail = detail
        self.name_label.setText(detail.display_name)
        self._close_if_erased(detail)
        summary = [words.status_summary(detail)]
        if detail.erased_on is not None:
            summary.append(words.erased_words(detail.erased_on))
        if detail.pronouns:
            summary.append(detail.pronouns)
        current_roles = [r.name for r in detail.roles if r.end_on is None or r.end_on >= today]
        if current_roles:
            summary.append(", ".join(dict.fromkeys(current_roles)))
        self.summary_label.setText(" · ".join(summary))
        self.details.set_rows(words.detail_rows(detail))
        self.restricted.setVisible(detail.restricted is not None)
        if detail.restricted is not None:
            self.restricted.set_rows(words.restricted_rows(detail.restricted))
        self.history.set_lines(words.history_lines(detail.history))
        self.roles.set_lines(words.role_lines(detail.roles, today))
        self.training.set_lines(words.training_lines(detail.training))
        self.consent.set_lines(words.consent_lines(detail.consents, today, detail.erased_on))
        part = not all(self.actor.can(p) for p in involvement.WHOLE_VIEW)
        self.involvement.set_lines(words.involvement_lines(items, part=part))
        if record is not None:
            self.meetings.set_lines(attendance_lines(record))
        if preference is not None and year is not None:
            self.payments.set_lines(words.payment_lines(preference, year, detail.erased_on))
        self.audit_trail.setVisible(self.actor.can(Permission.VIEW_AUDIT_LOG))
        self.audit_trail.set_lines(words.audit_lines(entries))
        self.scroll.verticalScrollBar().setValue(0)
        return True

    def _close_if_erased(self, detail: MemberDetail) -> None:
        """An erased person (the service's ``erased_on``): every action that would change or
        add something is disabled, saying why, and Erase is not offered again. Subject access
        export stays: they may still ask what is held."""
        erased = detail.erased_on is not None
        why = words.erased_words(detail.erased_on) if detail.erased_on is not None else ""
        for button in self._changing_buttons:
            button.setEnabled(not erased)
            button.setToolTip(why or self._tips[button])
            button.setAccessibleDescription(why)
        self.erase_button.setVisible(self.actor.can(Permission.ERASE_PERSONAL_DATA) and not erased)

    def focus_first(self) -> None:
        """Keyboard focus on the first action it may use (or Back, when there is none)."""
        usable = [b for b in self.action_buttons if b.isVisible() and b.isEnabled()]
        (usable[0] if usable else self.back_button).setFocus()

    def texts(self) -> list[str]:
        """All the words on the page's visible sections (for tests and screen readers)."""
        sections = [
            self.details,
            self.restricted,
            self.history,
            self.roles,
            self.training,
            self.consent,
            self.meetings,
            self.involvement,
            self.payments,
            self.audit_trail,
        ]
        return [text for s in sections if not s.isHidden() for text in [s.title(), *s.texts()]]

    # -- actions ----------------------------------------------------------------------------

    def _run(self, make_dialog: Callable[[MemberDetail], QDialog]) -> None:
        if self.detail is None:
            return
        dialog = make_dialog(self.detail)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if accepted:
            member_id = self.detail.id
            self.show_member(member_id)
            self.member_changed.emit(member_id)

    def edit_member(self) -> None:
        """Edit… : the add/edit dialog with this member's details."""
        from involve_desktop.ui.members.member_dialog import MemberDialog

        def make(detail: MemberDetail) -> QDialog:
            dialog = MemberDialog(self.context, self.actor, detail, self)
            dialog.open_member_requested.connect(self._open_other(dialog))
            return dialog

        self._run(make)

    def _open_other(self, dialog: QDialog) -> Callable[[int], None]:
        def open_other(member_id: int) -> None:
            dialog.reject()
            self.open_member_requested.emit(member_id)

        return open_other

    def change_status(self) -> None:
        """Change status… : stepping back, returning, leaving or restoring."""
        from involve_desktop.ui.members.record_dialogs import StatusDialog

        self._run(lambda detail: StatusDialog(self.context, self.actor, detail, self))

    def add_role(self) -> None:
        """Add role… : record a role they hold or held."""
        from involve_desktop.ui.members.record_dialogs import RoleDialog

        self._run(lambda detail: RoleDialog(self.context, self.actor, detail, self))

    def record_training(self) -> None:
        """Record training… : completed training (expiry from the training's validity)."""
        from involve_desktop.ui.members.record_dialogs import TrainingDialog

        self._run(lambda detail: TrainingDialog(self.context, self.actor, detail, self))

    def set_payment_preference(self) -> None:
        """Set payment preference… : how they want to be paid (the Payments area's dialog)."""
        from involve_desktop.ui.payments.preference_dialog import edit_preference

        if self.detail is None:
            return
        member_id = self.detail.id
        if edit_preference(self.context, self.actor, member_id, self) is not None:
            self.show_member(member_id)
            self.member_changed.emit(member_id)

    def record_consent(self) -> None:
        """Record consent… : what they agreed to, how and when."""
        from involve_desktop.ui.members.record_dialogs import ConsentDialog

        self._run(lambda detail: ConsentDialog(self.context, self.actor, detail, self))

    def subject_access_export(self) -> None:
        """Subject access export… : the person's data as PDF and JSON in a chosen folder."""
        from involve_desktop.ui.gdpr.subject_access_export import export_for

        if self.detail is not None:
            export_for(self.context, self.actor, self.detail.id, self)

    def erase_person(self) -> None:
        """Erase this person… : anonymise them once their name is typed to confirm."""
        from involve_desktop.ui.gdpr.erase_dialog import EraseDialog

        self._run(
            lambda detail: EraseDialog(self.context, self.actor, detail.id, detail.full_name, self)
        )
