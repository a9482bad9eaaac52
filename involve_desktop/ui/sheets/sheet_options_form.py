"""The option form of the Sheets screen: the inputs of the selected sheet, page and privacy.

Blank sheets ask for a title, rows, meeting, date and venue; the meeting sign-in sheets for
a group, chosen from those the account runs (``set_groups``: an editable list that
completes what is typed, so nobody has to type the em dash in "Peer Leadership Programme —
Cohort 3"); sheets of members for which
members (active, stepping back, or both), a role, search words and the consent-review
filter (the Members list's filters, so Ctrl+P there can carry them over), training due
within how many days, and whether to add access needs; the leadership programme sheets for
a cohort (chosen from those the account may see, ``set_cohorts``) and, for the register, a
session.

Shows only the inputs the selected sheet uses, turns them into ``SheetParams`` and
``SheetOptions``, and shows validation messages directly under the field they are about.

What is typed for one sheet never turns up in another sheet's field that means something
else: the blank sheet's Meeting (words printed on the sheet) and the meeting sign-in
sheets' group are separate inputs, and each sheet keeps its own Title. Inputs that mean the
same on every sheet that has them carry over: Week (a date), Person, Search, the page,
text size and names.

A number of rows or weeks typed outside its box's range ("0") goes to the sheet as typed,
which refuses it under the box; Qt alone would put the old number back and print that.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from involve_desktop.core.formatting import format_date
from involve_desktop.core.services.member_records import TRAINING_DUE_DAYS
from involve_desktop.core.sheets.catalogue import MemberScope, SheetField, SheetParams, SheetSpec
from involve_desktop.core.sheets.cohort_catalogue import LARGE_PRINT_UNUSED
from involve_desktop.core.sheets.member_data import MAX_WITHIN_DAYS
from involve_desktop.core.sheets.names import PrivacyMode
from involve_desktop.core.sheets.options import Orientation, SheetOptions
from involve_desktop.core.sheets.rota_data import DEFAULT_GAP_WEEKS, MAX_GAP_WEEKS
from involve_desktop.ui.spin_range import RangeWatch

ANY_ROLE = "Everyone (any role)"
NO_COHORTS = "No cohorts you can see yet"
GROUP_SHEET = "meeting-sign-in"  # the sheet whose Meeting input is a group to choose
GROUP_HINT = "Choose the group, or type part of its name"
PERSON_HINT = "Name or member number"
GRADUATE_HINT = "Blank for every graduate, or a name or member number"


def error_label(parent: QWidget) -> QLabel:
    """A hidden label for a validation message, styled as every field error (style.qss)."""
    label = QLabel(parent)
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class SheetOptionsForm(QWidget):
    """Inputs for one sheet; call ``set_spec`` when the selected sheet changes."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._spec: SheetSpec | None = None
        self._errors: dict[str, QLabel] = {}
        self._rows_by_key: dict[str, int] = {}
        self._titles: dict[str, str] = {}  # the title typed for each sheet, by its key
        self.form = QFormLayout(self)
        self.form.setContentsMargins(0, 0, 0, 0)

        self.title_edit = self._line_edit("Title", "title")
        self.rows_spin = QSpinBox(self)
        self.rows_spin.setAccessibleName("Number of rows")
        self._add_row("Number of &rows:", self.rows_spin, "rows")
        self.meeting_edit = self._line_edit("Meeting", "meeting", "Leave blank to write it by hand")
        self.group_combo = QComboBox(self)
        self.group_combo.setAccessibleName("Group")
        self.group_combo.setEditable(True)
        self.group_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.group_combo.lineEdit().setPlaceholderText(GROUP_HINT)
        self.group_combo.setToolTip(
            "The groups your account runs. Type part of a name to narrow the list; "
            "case, accents and the kind of dash do not matter."
        )
        self._add_row("&Meeting group:", self.group_combo, "group")
        self.date_edit = QLineEdit(self)
        self.date_edit.setAccessibleName("Date")
        self.date_edit.setPlaceholderText("Leave blank to write it by hand")
        self.today_button = QPushButton("Toda&y", self)
        self.today_button.setAccessibleName("Use today's date")
        self.today_button.setToolTip("Fill in today's date")
        self.today_button.clicked.connect(self.fill_today)
        date_box = QHBoxLayout()
        date_box.setContentsMargins(0, 0, 0, 0)
        date_box.addWidget(self.date_edit, 1)
        date_box.addWidget(self.today_button)
        self._add_row("&Date:", date_box, "date", buddy=self.date_edit)
        self.venue_edit = self._line_edit("Venue", "venue", "Leave blank to write it by hand")

        self.members_combo = QComboBox(self)
        self.members_combo.setAccessibleName("Which members")
        for scope in MemberScope:
            self.members_combo.addItem(scope.label, scope)
        self._add_row("&Who:", self.members_combo, "members")
        self.role_combo = QComboBox(self)
        self.role_combo.setAccessibleName("Only people with this role")
        self.role_combo.setToolTip(
            "List only people who hold this role now. The role is not printed next to "
            "anyone's name."
        )
        self.set_roles([])
        self._add_row("R&ole:", self.role_combo, "role")
        self.search_edit = self._line_edit(
            "Search", "search", "Part of a name, email or phone (blank: everyone)", "S&earch:"
        )
        self.search_edit.setToolTip(
            "List only people whose name, email or phone contains these words, "
            "as the Members list's search box finds them"
        )
        self.consent_check = QCheckBox("Only people whose consent is due for re&view", self)
        self.consent_check.setAccessibleName("Only people whose consent review is due")
        self._add_row("Consent:", self.consent_check, "consent_due")
        self.within_spin = QSpinBox(self)
        self.within_spin.setAccessibleName("Due within how many days")
        self.within_spin.setRange(0, MAX_WITHIN_DAYS)
        self.within_spin.setValue(TRAINING_DUE_DAYS)
        self.within_spin.setSuffix(" days")
        self.within_spin.setToolTip("Training that expires within this many days is listed")
        self._add_row("Due w&ithin:", self.within_spin, "within_days")
        self.week_edit = self._line_edit(
            "Week", "week", "A date in the week, e.g. 2026-03-02 (blank: this week)", "W&eek:"
        )
        self.weeks_spin = QSpinBox(self)
        self.weeks_spin.setAccessibleName("How many weeks")
        self.weeks_spin.setRange(1, MAX_GAP_WEEKS)
        self.weeks_spin.setValue(DEFAULT_GAP_WEEKS)
        self.weeks_spin.setSuffix(" weeks")
        self._add_row("Number of wee&ks:", self.weeks_spin, "weeks")
        self.rows_watch, self.weeks_watch = RangeWatch(self.rows_spin), RangeWatch(self.weeks_spin)
        self.site_edit = self._line_edit("Site", "site", "Blank for every site", "S&ite:")
        self.cohort_combo = QComboBox(self)
        self.cohort_combo.setAccessibleName("Cohort")
        self.cohort_combo.setToolTip("The cohorts your account can see, newest first")
        self.set_cohorts([])
        self._add_row("C&ohort:", self.cohort_combo, "cohort")
        self.session_edit = self._line_edit(
            "Session",
            "session",
            "Number or date, e.g. 3 or 2026-03-03 (blank: the next)",
            "Sess&ion:",
        )
        self.person_edit = self._line_edit("Person", "person", PERSON_HINT, "P&erson:")
        self.month_edit = self._line_edit(
            "Month", "month", "e.g. 2026-03 (blank: this month)", "&Month:"
        )
        self.panel_edit = self._line_edit(
            "Panel", "panel", "The panel's number, or the post title", "Pan&el:"
        )
        self.access_check = QCheckBox("Add each person's a&ccess needs", self)
        self.access_check.setAccessibleName("Include access needs")
        self._add_row("Access needs:", self.access_check, "access_needs")

        self.portrait_radio = QRadioButton("&Portrait", self)
        self.landscape_radio = QRadioButton("&Landscape", self)
        self.portrait_radio.setAccessibleName("Portrait page")
        self.landscape_radio.setAccessibleName("Landscape page")
        self.portrait_radio.setChecked(True)
        self._orientation = QButtonGroup(self)
        page_box = QHBoxLayout()
        page_box.setContentsMargins(0, 0, 0, 0)
        for radio in (self.portrait_radio, self.landscape_radio):
            self._orientation.addButton(radio)
            page_box.addWidget(radio)
        page_box.addStretch(1)
        self._add_row("Page:", page_box, "orientation", buddy=self.portrait_radio)

        self.large_print_check = QCheckBox("L&arge print (16 pt text, taller rows)", self)
        self.large_print_check.setAccessibleName("Large print")
        self._add_row("Text size:", self.large_print_check, "large_print")

        self.privacy_combo = QComboBox(self)
        self.privacy_combo.setAccessibleName("How names are printed")
        for mode in PrivacyMode:
            self.privacy_combo.addItem(mode.label, mode)
        self.privacy_combo.setCurrentIndex(list(PrivacyMode).index(SheetOptions().privacy))
        self._add_row("&Names:", self.privacy_combo, "privacy")

    # -- building -----------------------------------------------------------------------
    def _line_edit(
        self, label: str, key: str, placeholder: str = "", text: str | None = None
    ) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(label)
        edit.setPlaceholderText(placeholder)
        self._add_row(text or f"&{label}:", edit, key)
        return edit

    def _add_row(
        self, text: str, field: QWidget | QHBoxLayout, key: str, buddy: QWidget | None = None
    ) -> None:
        """Add a labelled row whose field has its error message right beneath it."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        if isinstance(field, QHBoxLayout):
            column.addLayout(field)
        else:
            column.addWidget(field)
        self._errors[key] = error_label(box)
        column.addWidget(self._errors[key])
        label = QLabel(text, self)
        label.setBuddy(buddy or field)  # type: ignore[arg-type]
        self._rows_by_key[key] = self.form.rowCount()
        self.form.addRow(label, box)

    def focus_order(self) -> list[QWidget]:
        """The form's inputs in reading order (for the screen's tab order)."""
        return [
            self.title_edit,
            self.rows_spin,
            self.meeting_edit,
            self.group_combo,
            self.date_edit,
            self.today_button,
            self.venue_edit,
            self.members_combo,
            self.role_combo,
            self.search_edit,
            self.consent_check,
            self.within_spin,
            self.week_edit,
            self.weeks_spin,
            self.site_edit,
            self.cohort_combo,
            self.session_edit,
            self.person_edit,
            self.month_edit,
            self.panel_edit,
            self.access_check,
            self.portrait_radio,
            self.landscape_radio,
            self.large_print_check,
            self.privacy_combo,
        ]

    # -- state --------------------------------------------------------------------------
    def set_spec(self, spec: SheetSpec) -> None:
        """Show the inputs ``spec`` uses, with its defaults (and its own title, if one was
        typed for it before)."""
        if self._spec is not None:
            self._titles[self._spec.key] = self.title_edit.text()
        self.title_edit.setText(self._titles.get(spec.key, ""))
        self._spec = spec
        self.clear_errors()
        for field in SheetField:
            self.form.setRowVisible(self._rows_by_key[field.value], field in spec.fields)
        by_group = self.asks_for_group()
        self.form.setRowVisible(self._rows_by_key["group"], by_group)
        if by_group:
            self.form.setRowVisible(self._rows_by_key[SheetField.MEETING.value], False)
        self.form.setRowVisible(self._rows_by_key["privacy"], spec.offers_privacy)
        self.privacy_combo.setCurrentIndex(list(PrivacyMode).index(spec.default_privacy))
        self.form.setRowVisible(self._rows_by_key["orientation"], spec.fixed_orientation is None)
        self.form.setRowVisible(
            self._rows_by_key["large_print"], spec.key not in LARGE_PRINT_UNUSED
        )
        if spec.key in LARGE_PRINT_UNUSED:
            self.large_print_check.setChecked(False)
        self.person_edit.setPlaceholderText(
            GRADUATE_HINT if SheetField.COHORT in spec.fields else PERSON_HINT
        )
        self.week_edit.setPlaceholderText(
            "First day, e.g. 2026-03-02 (blank: today)"
            if SheetField.WEEKS in spec.fields
            else "A date in the week, e.g. 2026-03-02 (blank: this week)"
        )
        self.title_edit.setPlaceholderText(spec.title)
        self.rows_spin.setRange(spec.min_rows, spec.max_rows)
        self.rows_watch.typed = None  # typed for another sheet, with its own range
        if spec.default_rows is not None:
            self.rows_spin.setValue(spec.default_rows)

    def asks_for_group(self) -> bool:
        """Whether the selected sheet's Meeting input is a group to choose."""
        return self._spec is not None and self._spec.key == GROUP_SHEET

    def meeting_input(self) -> QWidget:
        """The input the selected sheet's "meeting" messages are about."""
        return self.group_combo if self.asks_for_group() else self.meeting_edit

    def set_groups(self, names: list[str]) -> None:
        """Offer these groups (keeping what is chosen or typed)."""
        typed = self.group_combo.currentText()
        self.group_combo.clear()
        self.group_combo.addItems(names)
        completer = QCompleter(names, self.group_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.group_combo.setCompleter(completer)
        self.group_combo.setCurrentIndex(self.group_combo.findText(typed) if typed else -1)
        self.group_combo.setEditText(typed)

    def set_roles(self, names: list[str]) -> None:
        """Offer these roles (keeping the chosen one if it is still there)."""
        chosen = self.role_combo.currentData()
        self.role_combo.clear()
        self.role_combo.addItem(ANY_ROLE, None)
        for name in names:
            self.role_combo.addItem(name, name)
        index = self.role_combo.findData(chosen) if chosen else 0
        self.role_combo.setCurrentIndex(max(index, 0))

    def set_cohorts(self, choices: list[tuple[str, str]], preferred: str | None = None) -> None:
        """Offer these cohorts as (words shown, cohort number), keeping the chosen one if it
        is still there, else choosing ``preferred`` (e.g. the running cohort)."""
        chosen = self.cohort_combo.currentData() or preferred
        self.cohort_combo.clear()
        if not choices:
            self.cohort_combo.addItem(NO_COHORTS, None)
            return
        for label, value in choices:
            self.cohort_combo.addItem(label, value)
        self.cohort_combo.setCurrentIndex(max(self.cohort_combo.findData(chosen), 0))

    def set_text(self, field: SheetField, text: str) -> None:
        """Fill an input: typed ones (week, site, person, month, meeting, venue, date, title,
        session, search), or choose the cohort by its number."""
        if field is SheetField.COHORT:
            index = self.cohort_combo.findData(text)
            if index < 0:
                raise ValueError(f"No cohort number {text!r} is offered")
            self.cohort_combo.setCurrentIndex(index)
            return
        edits = {
            SheetField.TITLE: self.title_edit,
            SheetField.MEETING: self.meeting_edit,
            SheetField.DATE: self.date_edit,
            SheetField.VENUE: self.venue_edit,
            SheetField.WEEK: self.week_edit,
            SheetField.SITE: self.site_edit,
            SheetField.PERSON: self.person_edit,
            SheetField.MONTH: self.month_edit,
            SheetField.PANEL: self.panel_edit,
            SheetField.SESSION: self.session_edit,
            SheetField.SEARCH: self.search_edit,
        }
        if field not in edits:
            raise ValueError(f"{field} is not a typed input")
        if field is SheetField.MEETING and self.asks_for_group():
            self.group_combo.setCurrentIndex(self.group_combo.findText(text))
            self.group_combo.setEditText(text)
            return
        edits[field].setText(text)

    def fill_today(self) -> None:
        """Put today's date in the Date field, e.g. "Tue 3 Mar 2026"."""
        self.date_edit.setText(format_date(date.today()))

    def params(self, group_name: str | None) -> SheetParams:
        """What the user typed, for the selected sheet (unused inputs left out)."""
        fields = self._spec.fields if self._spec else frozenset()

        def text(edit: QLineEdit, field: SheetField) -> str | None:
            return (edit.text().strip() or None) if field in fields else None

        return SheetParams(
            group_name=group_name or None,
            title=text(self.title_edit, SheetField.TITLE),
            rows=self.rows_watch.number() if SheetField.ROWS in fields else None,
            meeting=(self.group_combo.currentText().strip() or None)
            if self.asks_for_group()
            else text(self.meeting_edit, SheetField.MEETING),
            date_text=text(self.date_edit, SheetField.DATE),
            venue=text(self.venue_edit, SheetField.VENUE),
            members=MemberScope(self.members_combo.currentData())
            if SheetField.MEMBERS in fields
            else None,
            role=self.role_combo.currentData() if SheetField.ROLE in fields else None,
            access_needs=self.access_check.isChecked()
            if SheetField.ACCESS_NEEDS in fields
            else None,
            within_days=self.within_spin.value() if SheetField.WITHIN_DAYS in fields else None,
            week=text(self.week_edit, SheetField.WEEK),
            weeks=self.weeks_watch.number() if SheetField.WEEKS in fields else None,
            site=text(self.site_edit, SheetField.SITE),
            person=text(self.person_edit, SheetField.PERSON),
            month=text(self.month_edit, SheetField.MONTH),
            panel=text(self.panel_edit, SheetField.PANEL),
            cohort=self.cohort_combo.currentData() if SheetField.COHORT in fields else None,
            session=text(self.session_edit, SheetField.SESSION),
            search=text(self.search_edit, SheetField.SEARCH),
            consent_due=self.consent_check.isChecked()
            if SheetField.CONSENT_DUE in fields
            else None,
        )

    def options(self) -> SheetOptions:
        """Page orientation, large print and privacy as chosen."""
        landscape = self.landscape_radio.isChecked()
        return SheetOptions(
            orientation=Orientation.LANDSCAPE if landscape else Orientation.PORTRAIT,
            large_print=self.large_print_check.isChecked(),
            privacy=PrivacyMode(self.privacy_combo.currentData()),
        )

    # -- errors -------------------------------------------------------------------------
    def show_error(self, field: str, message: str) -> bool:
        """Show ``message`` under the field named ``field``; False if there is no such field."""
        label = self._errors.get(self._error_key(field))
        if label is None:
            return False
        label.setText(f"⚠ {message}")
        label.setVisible(True)
        return True

    def error_text(self, field: str) -> str:
        """The message shown under ``field`` ("" if none)."""
        label = self._errors.get(self._error_key(field))
        return label.text() if label is not None and not label.isHidden() else ""

    def _error_key(self, field: str) -> str:
        """A "meeting" message goes under the group when the sheet asks for one."""
        return "group" if field == SheetField.MEETING.value and self.asks_for_group() else field

    def clear_errors(self) -> None:
        """Hide every validation message."""
        for label in self._errors.values():
            label.clear()
            label.setVisible(False)
