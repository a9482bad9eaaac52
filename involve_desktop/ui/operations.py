"""Running a service call from the GUI and reporting what went wrong, in one place.

    with service_call(self, self.errors, focus) as call:
        with self.context.session() as session:
            members.update_member(session, self.actor, ...)
    if call.failed:
        return

A domain error (bad input, not allowed) is shown beside its field when ``errors`` is given,
else in a message box; anything unexpected is logged and the message says where the log is.
Nothing is re-raised, so the dialog stays open with what the user typed.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from PySide6.QtWidgets import QWidget

from involve_desktop.core.errors import InvolveError, RecordChanged
from involve_desktop.ui.messages import FieldErrors, show_error


@dataclass
class ServiceCall:
    """Whether the call inside ``service_call`` failed (its problem is already shown)."""

    failed: bool = False
    error: BaseException | None = None


@contextmanager
def service_call(
    parent: QWidget | None,
    errors: FieldErrors | None = None,
    focus: dict[str, QWidget] | None = None,
    title: str = "Involve Desktop",
    *,
    conflicts: bool = False,
) -> Iterator[ServiceCall]:
    """Run the block; show any error to the user (a box titled ``title``), never raise it.

    ``conflicts`` True: the caller handles ``RecordChanged`` itself (see ``ui/conflict.py``),
    so it is only recorded in the call, not shown.
    """
    call = ServiceCall()
    try:
        yield call
    except RecordChanged as error:
        call.failed, call.error = True, error
        if conflicts:
            return
        if errors is not None:
            errors.show(error, focus)
        else:
            show_error(parent, error, title)
    except InvolveError as error:
        call.failed, call.error = True, error
        if errors is not None:
            errors.show(error, focus)
        else:
            show_error(parent, error, title)
    except Exception as error:  # noqa: BLE001 - shown to the user and logged
        call.failed, call.error = True, error
        show_error(parent, error, title)
