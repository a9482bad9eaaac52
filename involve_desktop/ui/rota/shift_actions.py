"""Changing a shift from the GUI: assigning with the limit-override question, cancelling.

A hard refusal ("Aisha's peer support training expired on 3 March") is shown as it is. A
limit — outside their weekly availability, over their shifts a week or hours a month — asks
whether to go ahead, naming that limit, and for a reason, which the service records.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable

from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QWidget
from sqlalchemy.orm import Session

from involve_desktop.core.services import rota_assign, rota_shifts
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.rota_dto import Attendance
from involve_desktop.core.services.rota_rules import RotaRefused
from involve_desktop.ui.context import AppContext
from involve_desktop.ui.messages import ask
from involve_desktop.ui.operations import service_call

TITLE = "Rota"
QUESTION_WIDTH = 78  # characters a line in the override question
# (session, override_limits, override_reason) -> anything
Change = Callable[[Session, bool, str | None], object]


LIMIT_WORDS = {
    "not_available": "outside their weekly availability",
    "limit_week": "over their limit of shifts a week",
    "limit_month": "over their limit of hours a month",
}
LIMIT_WHY = {
    "not_available": "Weekly availability is when they said they can usually do shifts; "
    "go ahead only if they have agreed to this one.",
    "limit_week": "Limits protect people's wellbeing.",
    "limit_month": "Limits protect people's wellbeing.",
}


def limit_phrase(codes: tuple[str, ...]) -> str:
    """ "outside their weekly availability and over their limit of shifts a week"."""
    words = [LIMIT_WORDS.get(code, "over a personal limit") for code in codes]
    return " and ".join(dict.fromkeys(words)) or "over a personal limit"


def override_question(refused: RotaRefused) -> tuple[str, str]:
    """The title and text of the question asking to go past the limits ``refused`` names."""
    phrase = limit_phrase(refused.codes)
    why = " ".join(dict.fromkeys(LIMIT_WHY.get(c, "") for c in refused.codes if c in LIMIT_WHY))
    title = f"Put them on {phrase}?"
    paragraphs = [
        refused.message,
        f"{why or LIMIT_WHY['limit_week']} To put them on anyway ({phrase}), say why "
        "(this is recorded):",
    ]
    # QInputDialog's label does not wrap: break the lines here so it fits the screen.
    text = "\n\n".join(textwrap.fill(p, QUESTION_WIDTH) for p in paragraphs)
    return title, text


def ask_override_reason(parent: QWidget | None, refused: RotaRefused) -> str | None:
    """Ask whether to go past the limits ``refused`` names; the reason, or None if not."""
    title, text = override_question(refused)
    while True:
        reason, ok = QInputDialog.getText(parent, title, text, QLineEdit.EchoMode.Normal, "")
        if not ok:
            return None
        if reason.strip():
            return reason.strip()
        QMessageBox.warning(
            parent,
            TITLE,
            f"Give a reason to put them on {limit_phrase(refused.codes)}, or press Cancel.",
        )


def run_change(context: AppContext, parent: QWidget | None, change: Change) -> bool:
    """Run ``change``; on a limit, ask for a reason and run it again with the override.

    Returns True when the change was made; every problem has been shown to the user.
    """
    limit: RotaRefused | None = None
    with service_call(parent, title=TITLE) as call:
        try:
            with context.session() as session:
                change(session, False, None)
        except RotaRefused as refused:
            if not refused.overridable:
                raise
            limit = refused
    if limit is None:
        return not call.failed
    reason = ask_override_reason(parent, limit)
    if reason is None:
        return False
    with service_call(parent, title=TITLE) as call, context.session() as session:
        change(session, True, reason)
    return not call.failed


def assign_person(
    context: AppContext, actor: Actor, parent: QWidget | None, shift_id: int, member_id: int
) -> bool:
    """Put someone on a shift through the service (asking about limits); True when done."""
    return run_change(
        context,
        parent,
        lambda session, override, reason: rota_assign.assign(
            session, actor, shift_id, member_id, override_limits=override, override_reason=reason
        ),
    )


def unassign_person(
    context: AppContext,
    actor: Actor,
    parent: QWidget | None,
    shift_id: int,
    member_id: int,
    name: str,
    recorded: Attendance | None = None,
) -> bool:
    """Take someone off a shift after asking; True when done. When what happened is
    ``recorded`` it says why they cannot be taken off (their pay hangs on it) and what to do
    instead, rather than asking (the service refuses it too, and also when a pay line exists)."""
    if recorded is not None:
        QMessageBox.information(
            parent,
            TITLE,
            f"{name} cannot be taken off this shift: what happened is already recorded "
            f"({recorded.label.lower()}), and their pay is worked out from it.\n\n"
            "If it is wrong, use Record outcome to correct it — for example to did not "
            "attend, or cancelled. If a pay line was already made for it, ask whoever "
            "handles payments.",
        )
        return False
    if not ask(
        parent,
        TITLE,
        f"Take {name} off this shift?",
    ):
        return False
    with service_call(parent, title=TITLE) as call, context.session() as session:
        rota_assign.unassign(session, actor, shift_id, member_id)
    return not call.failed


def cancel_shift(
    context: AppContext, actor: Actor, parent: QWidget | None, shift_id: int, label: str
) -> bool:
    """Ask for a reason and cancel the shift (it stays on the rota, marked cancelled)."""
    reason, ok = QInputDialog.getText(
        parent,
        "Cancel shift",
        f"Cancel {label}? It stays on the rota marked cancelled, and no one can be put on "
        "it.\n\nReason for cancelling:",
    )
    if not ok:
        return False
    with service_call(parent, title=TITLE) as call, context.session() as session:
        rota_shifts.cancel_shift(session, actor, shift_id, reason)
    return not call.failed
