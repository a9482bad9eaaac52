"""One leadership spectrum self-assessment: date, who led it, the statements of each stage
as a checklist (tick, comment, evidence), who took part, notes.

A line at the top always says the stage reached and what is still needed for the next one
("Stage reached: Good involvement — for Service user led you still need: …"), worked out as
the ticks change, with the rule under it. **Save draft** keeps it as a draft (anyone, or no
one, may be listed as taking part); **Save and finish** also finishes it, which the service
refuses unless a member with lived experience took part (the draft is still saved). A blank
form is not saved at all: the line under the tabs says what to fill in. Esc asks before
throwing typing away.
"""

from __future__ import annotations

from datetime import date
from html import escape

from PySide6.QtWidgets import (
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services import member_search, spectrum
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberFilter
from involve_desktop.core.services.spectrum_dto import (
    AssessmentInfo,
    AssessmentInput,
    AssessmentStatus,
    OtherPerson,
)
from involve_desktop.core.services.spectrum_statements import RULE_TEXT, Stage, stage_reached
from involve_desktop.ui.cohorts.form_dialog import FormDialog, snapshot
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.involvement.spectrum_statement_rows import StageChecklist
from involve_desktop.ui.meetings.people_picker import PeoplePicker
from involve_desktop.ui.members.dialog_widgets import date_edit, from_qdate, to_qdate
from involve_desktop.ui.operations import service_call

FIELDS = ("day", "led_by", "notes", "answers", "member_ids", "others", "version", "status")
OTHERS_HINT = "One person a line: name, then a comma and their role (e.g. Priya Rao, trustee)"


def parse_others(text: str) -> tuple[OtherPerson, ...]:
    """ "Priya Rao, service manager" lines → other people (blank lines skipped)."""
    people = []
    for line in text.splitlines():
        if not line.strip():
            continue
        name, _comma, role = line.partition(",")
        people.append(OtherPerson(name.strip(), role.strip() or None))
    return tuple(people)


class SpectrumDialog(FormDialog):
    """See the module docstring. ``assessment`` None: a new self-assessment."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        assessment: AssessmentInfo | None,
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        title = (
            "New self-assessment"
            if assessment is None
            else f"Self-assessment of {format_date(assessment.day)}"
        )
        super().__init__(context, title, "Save &draft", FIELDS, parent)
        self.actor, self.assessment, self.today = actor, assessment, today or date.today()
        self.resize(1000, 640)
        self.day = date_edit(self.today, "Date of the self-assessment")
        self.led_by = QLineEdit()
        self.led_by.setAccessibleName("Who led it")
        self.led_by.setPlaceholderText("e.g. Two members of the council")
        self.row("&Date:", "day", self.day)
        self.row("&Led by:", "led_by", self.led_by)
        self.stage_line = QLabel()
        self.stage_line.setWordWrap(True)
        self.stage_line.setAccessibleName("Stage reached")
        rule = QLabel(f"<i>{RULE_TEXT}</i>")
        rule.setWordWrap(True)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Self-assessment sections")
        self.checklists = [StageChecklist(stage) for stage in Stage]
        for index, checklist in enumerate(self.checklists):
            self.tabs.addTab(checklist, f"&{index + 1} {checklist.stage.label}")
            checklist.changed.connect(self.show_stage)
        self.tabs.addTab(self._people_page(), "&Who took part")
        self.notes = QPlainTextEdit()
        self.notes.setAccessibleName("Notes")
        self.notes.setTabChangesFocus(True)
        self.notes.setPlaceholderText("How it went, what to do next…")
        self.tabs.addTab(self.notes, "&Notes")
        self.finish_button = QPushButton("Save and &finish")
        self.finish_button.setToolTip("Needs at least one member with lived experience taking part")
        self.finish_button.clicked.connect(self.save_and_finish)
        self.buttons.addButton(self.finish_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.finish_button.setVisible(
            assessment is None or assessment.status is AssessmentStatus.DRAFT
        )
        if assessment is not None:
            self._fill(assessment)
            if assessment.status is AssessmentStatus.FINISHED:
                self.save_button.setText("&Save")
        self.focus["answers"] = self.tabs  # "answer at least one statement" shows under them
        sections = QWidget()
        column = QVBoxLayout(sections)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.tabs, 1)
        column.addWidget(self.labels["answers"])
        self.finish(self.stage_line, rule, sections, grow=True)
        self._ticked = self.people.checked_ids()
        self.show_stage()
        self.led_by.setFocus()

    def _people_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        self.people = PeoplePicker("Members who took part", "Type a name, Enter ticks it")
        self.others = QPlainTextEdit()
        self.others.setAccessibleName("Other people who took part")
        self.others.setTabChangesFocus(True)
        self.others.setPlaceholderText(OTHERS_HINT)
        self.others.setMaximumHeight(self.fontMetrics().height() * 4)
        self.focus["member_ids"] = self.people
        self.focus["others"] = self.others
        others_label = QLabel("<b>&Other people</b> (staff, trustees…)")
        others_label.setBuddy(self.others)
        hint = QLabel(
            "Members with lived experience must be among them to finish (as recorded on "
            "their member record)."
        )
        hint.setWordWrap(True)
        column.addWidget(self.people, 1)
        column.addWidget(self.labels["member_ids"])
        column.addWidget(hint)
        column.addWidget(others_label)
        column.addWidget(self.others)
        column.addWidget(self.labels["others"])
        choices: list[tuple[int, str]] = []
        with service_call(self, title=self.title), self.context.session() as session:
            found = member_search.list_members(session, self.actor, MemberFilter())
            choices = [(m.id, m.display_name) for m in found.rows]
        self._choices = choices
        self.people.set_choices(choices, ())
        return page

    def _fill(self, a: AssessmentInfo) -> None:
        self.day.setDate(to_qdate(a.day))
        self.led_by.setText(a.led_by or "")
        self.notes.setPlainText(a.notes or "")
        for checklist in self.checklists:
            for row in checklist.rows:
                row.fill(a.answer_for(row.statement.key))
        members = {p.member_id: p.name for p in a.participants if p.member_id is not None}
        offered = {id_ for id_, _name in self._choices}  # people who left are offered too
        extra = [(id_, name) for id_, name in members.items() if id_ not in offered]
        self.people.set_choices([*self._choices, *extra], members)
        self.others.setPlainText(
            "\n".join(
                p.name + (f", {p.role}" if p.role else "")
                for p in a.participants
                if not p.is_member
            )
        )

    def show_stage(self) -> None:
        """Work out the stage from the ticks now on screen."""
        answers = {
            row.statement.key: row.answer()
            for checklist in self.checklists
            for row in checklist.rows
            if row.answer() is not None
        }
        result = stage_reached(answers)
        self.stage_line.setText(f"<b>{escape(result.headline())}</b>")
        self.stage_line.setToolTip(result.summary())

    def is_dirty(self) -> bool:
        """Typing, or a different set of members ticked."""
        return snapshot(self) != self._saved or self.people.checked_ids() != self._ticked

    def data(self) -> AssessmentInput:
        """What is on screen, as the service's input."""
        answers = [
            value
            for checklist in self.checklists
            for row in checklist.rows
            if (value := row.value()) is not None
        ]
        return AssessmentInput(
            day=from_qdate(self.day.date()),
            led_by=self.led_by.text(),
            notes=self.notes.toPlainText(),
            answers=tuple(answers),
            member_ids=tuple(sorted(self.people.checked_ids())),
            others=parse_others(self.others.toPlainText()),
            version=None if self.assessment is None else self.assessment.version,
        )

    def apply(self) -> AssessmentInfo:
        """Save through the spectrum services (as a draft, or keeping it finished)."""
        with self.context.session() as session:
            if self.assessment is None:
                saved = spectrum.create_assessment(
                    session, self.actor, self.data(), today=self.today
                )
            else:
                saved = spectrum.update_assessment(
                    session, self.actor, self.assessment.id, self.data(), today=self.today
                )
        self.assessment = saved
        return saved

    def save_and_finish(self) -> None:
        """Save, then finish; a refusal is shown and the saved draft stays open."""
        self.errors.clear()
        with service_call(self, self.errors, self.focus, self.title) as call:
            self.apply()
        if call.failed or self.assessment is None:
            return
        self.result_value = self.assessment
        with (
            service_call(self, self.errors, self.focus, self.title) as call,
            self.context.session() as session,
        ):
            self.result_value = spectrum.finish_assessment(
                session, self.actor, self.assessment.id, self.assessment.version
            )
        if call.failed:
            label = self.labels["member_ids"]
            if label.text():
                label.setText(f"{label.text()} It is saved as a draft.")
            self.tabs.setCurrentIndex(len(self.checklists))  # who took part
            self.people.setFocus()
            self._saved, self._ticked = snapshot(self), self.people.checked_ids()
            return
        self.accept()
