"""The People tab's dialogs: withdraw someone (date, optional reason) and graduate the
people chosen (a date, default today; everyone who has met the rule ticked)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from involve_desktop.core.services import cohorts_enrolment, cohorts_progress
from involve_desktop.core.services.cohorts_dto import (
    CohortInfo,
    EnrolmentInfo,
    GraduateResult,
    PersonProgress,
    WithdrawResult,
)
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import plural
from involve_desktop.ui.cohorts.form_dialog import FormDialog, snapshot
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.meetings.people_picker import PeoplePicker
from involve_desktop.ui.members.dialog_widgets import date_edit, from_qdate


class WithdrawDialog(FormDialog):
    """Withdraw someone: their attendance and history stay."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        place: EnrolmentInfo,
        parent: QWidget | None = None,
        *,
        today: date,
    ) -> None:
        super().__init__(
            context, f"Withdraw {place.name}", "&Withdraw them", ("on", "reason"), parent
        )
        self.actor, self.place = actor, place
        self.setMinimumWidth(480)
        self.on = date_edit(today, "Date they withdrew")
        self.reason = QLineEdit()
        self.reason.setAccessibleName("Reason (optional)")
        self.reason.setPlaceholderText("Optional — e.g. Moving away")
        self.row("&Date:", "on", self.on)
        self.row(
            "&Reason:", "reason", self.reason, "Their place and attendance stay in the history."
        )
        self.buttons.button(self.buttons.StandardButton.Cancel).setText("Keep their place")
        self.finish()
        self.reason.setFocus()

    def apply(self) -> WithdrawResult:
        with self.context.session() as session:
            return cohorts_enrolment.withdraw(
                session,
                self.actor,
                self.place.id,
                on=from_qdate(self.on.date()),
                reason=self.reason.text() or None,
            )


class GraduateDialog(FormDialog):
    """Record graduation for the people ticked; those not meeting the rule are refused with
    the reason (``result_value`` is the ``GraduateResult``)."""

    def __init__(
        self,
        context: AppContext,
        actor: Actor,
        cohort: CohortInfo,
        people: list[PersonProgress],
        parent: QWidget | None = None,
        *,
        today: date,
    ) -> None:
        super().__init__(
            context, f"Graduate — {cohort.title}", "&Graduate them", ("on", "member_ids"), parent
        )
        self.actor, self.cohort, self.today = actor, cohort, today
        self.resize(640, 520)
        self.on = date_edit(today, "Graduation date")
        self.people = PeoplePicker("Who graduates", "Type a name, Enter ticks it")
        self.people.set_choices(
            [(p.member_id, f"{p.name} — {p.text}") for p in people],
            [p.member_id for p in people if p.can_graduate],
        )
        self.row("&Date:", "on", self.on, "The day on their certificate")
        self.row(
            "&People:",
            "member_ids",
            self.people,
            "Those who have met the completion rule are ticked. Anyone ticked who has not is "
            "not graduated, and the reason is shown.",
        )
        ready = sum(1 for p in people if p.can_graduate)
        self.ready = QLabel(
            f"{plural(ready, 'person has', 'people have')} met the completion rule."
            if ready
            else "No one has met the completion rule yet — graduate people once they have."
        )
        self.ready.setWordWrap(True)
        self.ready.setAccessibleName("Who is ready")
        self.form.insertRow(0, self.ready)
        self.finish()
        self._ticked = self.people.checked_ids()
        # Ticking someone answers "Tick at least one person": the message goes.
        self.people.list.itemChanged.connect(lambda _item: self.errors.clear_field("member_ids"))
        self.on.setFocus()

    def is_dirty(self) -> bool:
        """A changed date or different ticks."""
        return snapshot(self) != self._saved or self.people.checked_ids() != self._ticked

    def apply(self) -> GraduateResult:
        from involve_desktop.core.errors import ValidationError

        chosen = sorted(self.people.checked_ids())
        if not chosen:
            raise ValidationError("member_ids", "Tick at least one person to graduate.")
        with self.context.session() as session:
            return cohorts_progress.graduate(
                session,
                self.actor,
                self.cohort.id,
                chosen,
                from_qdate(self.on.date()),
                today=self.today,
            )


def graduate_report(result: GraduateResult) -> str:
    """What graduating did, one line per person: "✓ Asha graduated" / "✗ Ben — reason"."""
    lines = [f"✓ {p.name} graduated." for p in result.graduated]
    lines += [f"✗ {p.name} was not graduated: {reason}" for p, reason in result.refused]
    return "\n".join(lines)
