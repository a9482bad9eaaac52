"""Checking every field of a form before saying what is wrong, so all problems show at once.

A service that checks a record field by field calls each check through ``FieldChecks.check``
and then ``raise_any``: one problem raises its ``ValidationError`` as before; several raise
one ``ValidationErrors`` holding each, so the form shows every message beside its field
instead of one, then the next after the first is fixed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from involve_desktop.core.errors import ValidationError, ValidationErrors

T = TypeVar("T")


class FieldChecks:
    """Collects the problems of one form's checks (see the module text)."""

    def __init__(self) -> None:
        self.problems: list[ValidationError] = []

    def check(self, check: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
        """``check(*args, **kwargs)``'s value, or None after noting its ValidationError."""
        try:
            return check(*args, **kwargs)
        except ValidationError as problem:
            self.problems.append(problem)
            return None

    def raise_any(self) -> None:
        """Raise what was found: nothing, the one problem, or all of them together."""
        if len(self.problems) == 1:
            raise self.problems[0]
        if self.problems:
            raise ValidationErrors(self.problems)
