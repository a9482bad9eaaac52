"""Service errors reach the user as words beside the field or in a box, never as a crash."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QMessageBox, QWidget

from involve_desktop import paths
from involve_desktop.core.errors import ValidationError
from involve_desktop.ui.messages import FieldErrors
from involve_desktop.ui.operations import service_call


def test_validation_error_is_shown_beside_its_field(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    label, fallback, box = QLabel(parent), QLabel(parent), QLineEdit(parent)
    errors = FieldErrors({"email": label}, fallback)
    with service_call(parent, errors, {"email": box}) as call:
        raise ValidationError("email", "Email needs an @ — for example name@example.org.")
    assert call.failed and "needs an @" in label.text() and fallback.text() == ""


def test_unexpected_error_is_logged_and_the_message_points_at_the_log(qtbot, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda *a: shown.append(a[2]))
    with service_call(None) as call:
        raise RuntimeError("disk on fire")
    assert call.failed
    assert str(paths.log_file()) in shown[0] and "disk on fire" not in shown[0]


def test_success_is_not_a_failure(qtbot):
    with service_call(None) as call:
        pass
    assert not call.failed
