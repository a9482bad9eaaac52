"""Domain errors raised by services; the GUI and CLI turn them into plain-English messages."""

from __future__ import annotations


class InvolveError(Exception):
    """Base of every error a user should see as a message (never as a stack trace)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class ValidationError(InvolveError):
    """Bad input: names the field and how to fix it."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


class ValidationErrors(ValidationError):
    """Several fields are wrong at once (``problems``, in the form's order), so a form can
    show every message beside its field together; ``field`` and ``message`` are the first's
    field and all the messages, for code that shows one."""

    def __init__(self, problems: list[ValidationError]) -> None:
        super().__init__(problems[0].field, "\n".join(p.message for p in problems))
        self.problems = tuple(problems)


class AuthenticationError(InvolveError):
    """Wrong username or password; deliberately does not say which."""

    def __init__(
        self,
        message: str = "That username and password do not match an account. "
        "Check both and try again.",
    ) -> None:
        super().__init__(message)


class PermissionDenied(InvolveError):
    """The signed-in account's role does not allow this action."""


class NotFound(InvolveError):
    """The record asked for does not exist (or no longer exists)."""


class DatabaseTooNewError(InvolveError):
    """The database was written by a newer version of the app; it is left untouched."""


class SetupError(InvolveError):
    """First-run set-up was asked for on a database that is already set up."""


class RecordChanged(InvolveError):
    """Someone else saved the record after it was opened here; nothing of yours was saved.

    ``current_version`` is the stored version when known, so "save mine over theirs" can save
    against it; None when two saves raced at the same instant.
    """

    def __init__(self, message: str, current_version: int | None = None) -> None:
        super().__init__(message)
        self.current_version = current_version
