"""The "possible duplicate" warning shown inside the Add member dialog (not a pop-up).

It names the existing person and why they may be the same, offers to open their record,
and offers to save anyway when this really is a different person.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QLabel, QPushButton, QVBoxLayout, QWidget

from involve_desktop.core.services.member_dto import DuplicateMatch, MemberStatus
from involve_desktop.ui.widgets import buttons_row

MAX_SHOWN = 3


def possessive(name: str) -> str:
    """ "Zoë Adams's" — the form used on the open-record buttons."""
    return f"{name}'s"


def describe(match: DuplicateMatch) -> str:
    """ "Zoë Adams is already in the group (same name and email)." """
    where = {
        MemberStatus.ACTIVE: "is already in the group",
        MemberStatus.STEPPING_BACK: "is already in the group (stepping back just now)",
        MemberStatus.LEFT: "was in the group before and has left",
    }[match.status]
    name = match.display_name
    if match.full_name and match.full_name != name:
        name = f"{name} ({match.full_name})"
    return f"{name} {where} — same {' and '.join(match.reasons)}."


class DuplicatePanel(QFrame):
    """A boxed warning with one "Open …'s record" button per match and "Save anyway"."""

    open_requested = Signal(int)
    save_anyway_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("duplicateWarning")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Possible duplicate")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.open_buttons: list[QPushButton] = []
        self.save_anyway = QPushButton("Save anyway — this is a different person")
        self.save_anyway.setAutoDefault(False)
        self.save_anyway.clicked.connect(self.save_anyway_requested)
        self._open_box = QWidget()
        self._layout = QVBoxLayout(self)
        self._layout.addWidget(self.title)
        self._layout.addWidget(self.details)
        self._layout.addWidget(self._open_box)
        self._layout.addLayout(buttons_row(self.save_anyway))
        self.setVisible(False)

    def show_matches(self, matches: list[DuplicateMatch]) -> None:
        """Show the warning for ``matches`` (the first few, if there are many)."""
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        self._layout.replaceWidget(self._open_box, box)
        self._open_box.deleteLater()
        self._open_box = box
        self.open_buttons = []
        shown = matches[:MAX_SHOWN]
        person = "this person" if len(matches) == 1 else "one of these people"
        self.title.setText("<b>⚠ This may be someone already in the records.</b>")
        lines = [describe(m) for m in shown]
        if len(matches) > MAX_SHOWN:
            lines.append(f"…and {len(matches) - MAX_SHOWN} more with the same name.")
        lines.append(
            f"If it is {person}, open their record instead (what you typed here is not "
            "saved). Otherwise, save anyway."
        )
        self.details.setText("\n".join(lines))
        self.setAccessibleDescription(" ".join(lines))
        for match in shown:
            button = QPushButton(f"Open {possessive(match.display_name)} record")
            button.setAutoDefault(True)  # Enter on it opens the record
            button.clicked.connect(
                lambda _c=False, mid=match.member_id: self.open_requested.emit(mid)
            )
            self.open_buttons.append(button)
            column.addLayout(buttons_row(button))
        self.setVisible(True)

    def clear(self) -> None:
        """Hide the warning."""
        self.setVisible(False)
