"""The 4PI activity dialog: one activity's record in four tabs, Purpose · Presence · Process ·
Impact, sized for a 1366×768 screen.

Members present are ticked in a searchable list (type a name, Enter ticks it). A refusal
is shown beside the field it names and that field's tab is brought forward; Esc asks before
throwing away typing (the shared ``FormDialog``).
"""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.services import activities, member_search
from involve_desktop.core.services.activities import MAX_COUNT
from involve_desktop.core.services.activities_dto import (
    ActivityInfo,
    ActivityInput,
    ActivityKind,
    ImpactStatus,
    PaymentOffered,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberFilter
from involve_desktop.ui.cohorts.form_dialog import FormDialog, snapshot
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.people_picker import PeoplePicker
from involve_desktop.ui.members.dialog_widgets import (
    OptionalDate,
    date_edit,
    from_qdate,
    to_qdate,
    with_error,
)
from involve_desktop.ui.operations import service_call

TABS = ("Purpose", "Presence", "Process", "Impact")
FIELDS_BY_TAB = (
    ("title", "kind", "day", "asked_by", "purpose", "version"),
    (
        "member_ids",
        "staff_count",
        "carers_count",
        "others_count",
        "others_lived_experience",
        "missing_groups",
    ),
    (
        "roles",
        "preparation",
        "accessibility",
        "support",
        "payment",
        "payment_note",
        "feedback_on",
        "feedback_how",
    ),
    ("impact_status", "impact_services", "impact_people", "impact_reason"),
)
FIELDS = tuple(name for tab in FIELDS_BY_TAB for name in tab)
MISSING_HINT = (
    "One group a line — for example young people; men; people from Black and minority "
    "ethnic communities."
)


def text_box(name: str, lines: int, parent: QWidget, placeholder: str = "") -> QPlainTextEdit:
    """A few lines of text; Tab moves on rather than typing a tab."""
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)
    box.setPlaceholderText(placeholder)
    box.setFixedHeight(parent.fontMetrics().height() * lines + 12)
    return box


def choice_box(name: str, options: list[tuple[str, object]]) -> QComboBox:
    """A drop-down of (label, value)."""
    box = QComboBox()
    box.setAccessibleName(name)
    for label, value in options:
        box.addItem(label, value)
    return box


def count_box(name: str) -> QSpinBox:
    """A whole number from 0."""
    box = QSpinBox()
    box.setRange(0, MAX_COUNT)
    box.setAccessibleName(name)
    return box


class ActivityDialog(FormDialog):
    """See the module docstring. ``activity`` None: a new record."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        activity: ActivityInfo | None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        title = "New involvement activity" if activity is None else f"Activity — {activity.title}"
        super().__init__(context, title, "&Save activity", FIELDS, parent)
        self.actor, self.activity, self.today = actor, activity, today or date.today()
        self.resize(780, 640)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("4PI sections")
        self._forms: list[QFormLayout] = []
        for index, name in enumerate(TABS):
            page = QWidget()
            column = QVBoxLayout(page)
            form = QFormLayout()
            column.addLayout(form, 1 if index == 1 else 0)  # the members list takes the height
            if index != 1:
                column.addStretch(1)
            self._forms.append(form)
            self.tabs.addTab(page, name)
        self._build_purpose()
        self._build_presence()
        self._build_process()
        self._build_impact()
        if activity is not None:
            self._fill(activity)
        self.finish(self.tabs, grow=True)
        self._ticked = self.people.checked_ids()
        self.title_edit.setFocus()

    def _add(self, tab: int, text: str, name: str, widget: QWidget, hint: str | None = None):
        label = QLabel(text)
        label.setBuddy(widget)
        self.focus[name] = widget
        self._forms[tab].addRow(label, with_error(widget, self.labels[name], hint))

    def _build_purpose(self) -> None:
        self.title_edit = QLineEdit()
        self.title_edit.setAccessibleName("Title")
        self.title_edit.setPlaceholderText("e.g. Crisis line opening hours consultation")
        self.kind = choice_box("Kind", [(k.label, k) for k in ActivityKind])
        self.day = date_edit(self.today, "Date")
        self.asked_by = QLineEdit()
        self.asked_by.setAccessibleName("Who asked for it")
        self.asked_by.setPlaceholderText("e.g. Riverside NHS Trust")
        self.purpose = text_box("Purpose", 6, self, "Why it happened: what it was meant to change")
        self._add(0, "&Title:", "title", self.title_edit)
        self._add(0, "&Kind:", "kind", self.kind)
        self._add(0, "&Date:", "day", self.day)
        self._add(0, "&Asked for by:", "asked_by", self.asked_by, "The organisation or team")
        self._add(0, "&Purpose:", "purpose", self.purpose)

    def _build_presence(self) -> None:
        self.people = PeoplePicker("Members present", "Type a name, Enter ticks it")
        self.people.setMinimumHeight(self.fontMetrics().height() * 9)
        self.staff = count_box("Staff")
        self.carers = count_box("Carers and families")
        self.others = count_box("Other people")
        self.others_lived = count_box("Of those, with lived experience")
        self.missing = text_box("Groups that were missing", 3, self)
        self._add(1, "&Members:", "member_ids", self.people)
        self._add(1, "&Staff:", "staff_count", self.staff)
        self._add(1, "&Carers and families:", "carers_count", self.carers)
        self._add(1, "&Other people:", "others_count", self.others)
        self._add(
            1,
            "&With lived experience:",
            "others_lived_experience",
            self.others_lived,
            "How many of the staff, carers and others have lived experience (for members, "
            "their member record says)",
        )
        self._add(1, "Groups mi&ssing:", "missing_groups", self.missing, MISSING_HINT)
        choices: list[tuple[int, str]] = []
        with service_call(self, title=self.title), self.context.session() as session:
            found = member_search.list_members(session, self.actor, MemberFilter())
            choices = [(m.id, m.display_name) for m in found.rows]
        self._choices = choices
        self.people.set_choices(choices, ())

    def _build_process(self) -> None:
        self.roles = text_box("Roles", 2, self, "Who did what: chaired, took notes, presented…")
        self.preparation = text_box("Preparation", 2, self, "Briefing, papers sent beforehand…")
        self.accessibility = text_box("Accessibility", 2, self, "Venue, formats, online…")
        self.support = text_box("Support offered", 2, self, "Peer support, quiet room, travel…")
        self.payment = choice_box("Payment offered", [(p.label, p) for p in PaymentOffered])
        self.payment_note = QLineEdit()
        self.payment_note.setAccessibleName("Payment note")
        self.feedback_on = OptionalDate("Feedback given back on", "Date feedback was given back")
        self.feedback_how = QLineEdit()
        self.feedback_how.setAccessibleName("How feedback was given back")
        self.feedback_how.setPlaceholderText("e.g. a letter to each person")
        self._add(2, "&Roles:", "roles", self.roles)
        self._add(2, "Pr&eparation:", "preparation", self.preparation)
        self._add(2, "Acc&essibility:", "accessibility", self.accessibility)
        self._add(2, "S&upport:", "support", self.support)
        self._add(2, "Pa&yment offered:", "payment", self.payment)
        self._add(2, "Payment &note:", "payment_note", self.payment_note)
        self._add(2, "&Feedback:", "feedback_on", self.feedback_on)
        self._add(2, "&How given back:", "feedback_how", self.feedback_how)

    def _build_impact(self) -> None:
        self.impact_status = choice_box("Impact status", [(s.label, s) for s in ImpactStatus])
        self.impact_services = text_box("What changed for services", 4, self)
        self.impact_people = text_box("What changed for the people involved", 4, self)
        self.impact_reason = QLineEdit()
        self.impact_reason.setAccessibleName("Why nothing changed")
        self._add(3, "&Status:", "impact_status", self.impact_status)
        self._add(3, "For ser&vices:", "impact_services", self.impact_services)
        self._add(3, "For the &people involved:", "impact_people", self.impact_people)
        self._add(
            3, "&Why no change:", "impact_reason", self.impact_reason, "Needed when nothing changed"
        )

    def _fill(self, a: ActivityInfo) -> None:
        self.title_edit.setText(a.title)
        self.kind.setCurrentIndex(max(self.kind.findData(a.kind), 0))
        self.day.setDate(to_qdate(a.day))
        self.asked_by.setText(a.asked_by or "")
        self.purpose.setPlainText(a.purpose or "")
        known = {m for m, _ in self._choices}
        extra = [(p.member_id, p.name) for p in a.members if p.member_id not in known]
        self.people.set_choices(self._choices + extra, {p.member_id for p in a.members})
        self.staff.setValue(a.staff_count)
        self.carers.setValue(a.carers_count)
        self.others.setValue(a.others_count)
        self.others_lived.setValue(a.others_lived_experience)
        self.missing.setPlainText("\n".join(a.missing_groups))
        self.roles.setPlainText(a.roles or "")
        self.preparation.setPlainText(a.preparation or "")
        self.accessibility.setPlainText(a.accessibility or "")
        self.support.setPlainText(a.support or "")
        self.payment.setCurrentIndex(max(self.payment.findData(a.payment), 0))
        self.payment_note.setText(a.payment_note or "")
        self.feedback_on.set_value(a.feedback_on)
        self.feedback_how.setText(a.feedback_how or "")
        self.impact_status.setCurrentIndex(max(self.impact_status.findData(a.impact_status), 0))
        self.impact_services.setPlainText(a.impact_services or "")
        self.impact_people.setPlainText(a.impact_people or "")
        self.impact_reason.setText(a.impact_reason or "")

    def is_dirty(self) -> bool:
        """Typing, or a different set of members ticked."""
        return snapshot(self) != self._saved or self.people.checked_ids() != self._ticked

    def data(self) -> ActivityInput:
        """What is typed, as the service's input."""
        return ActivityInput(
            title=self.title_edit.text(),
            kind=self.kind.currentData(),
            day=from_qdate(self.day.date()),
            asked_by=self.asked_by.text(),
            purpose=self.purpose.toPlainText(),
            member_ids=tuple(sorted(self.people.checked_ids())),
            staff_count=self.staff.value(),
            carers_count=self.carers.value(),
            others_count=self.others.value(),
            others_lived_experience=self.others_lived.value(),
            missing_groups=tuple(self.missing.toPlainText().splitlines()),
            roles=self.roles.toPlainText(),
            preparation=self.preparation.toPlainText(),
            accessibility=self.accessibility.toPlainText(),
            support=self.support.toPlainText(),
            payment=self.payment.currentData(),
            payment_note=self.payment_note.text(),
            feedback_on=self.feedback_on.value(),
            feedback_how=self.feedback_how.text(),
            impact_services=self.impact_services.toPlainText(),
            impact_people=self.impact_people.toPlainText(),
            impact_status=self.impact_status.currentData(),
            impact_reason=self.impact_reason.text(),
            version=None if self.activity is None else self.activity.version,
        )

    def apply(self) -> ActivityInfo:
        """Save through the activity services."""
        with self.context.session() as session:
            if self.activity is None:
                return activities.create_activity(
                    session, self.actor, self.data(), today=self.today
                )
            return activities.update_activity(
                session, self.actor, self.activity.id, self.data(), today=self.today
            )

    def save(self) -> None:
        """Save; on a refusal, bring forward the tab holding the field it names."""
        super().save()
        for index, names in enumerate(FIELDS_BY_TAB):
            if any(self.labels[name].isVisible() or self.labels[name].text() for name in names):
                self.tabs.setCurrentIndex(index)
                field = next(n for n in names if self.labels[n].text())
                self.focus[field].setFocus()
                return
