"""Ctrl+S saves and Esc asks before losing edits, in every dialog that saves a record.

UX.md sets the keys: "Ctrl+S save · Esc close (asks before discarding edits)". A dialog
that creates or changes a record inherits :class:`EditDialog` instead of ``QDialog`` and,
once its boxes are filled in, calls ``save_keys(self.save, save_button)``:

* **Ctrl+S** runs the save slot (one shortcut on the dialog's own window, so the main
  window under it never competes for the key) and the Save button's tooltip names the key;
* **Esc, Cancel and the window's ×** close at once when nothing was changed, and otherwise
  ask "Discard your changes?" — *Discard changes* (Alt+D) closes without saving, *Keep
  editing* (Alt+K; also Enter and Esc) keeps the dialog open with everything typed. A close
  the program itself makes (``close()``; the lock uses ``done()``) does not ask: nobody may
  be there to answer.

Tests answer the question by replacing :func:`ask_discard` (the one place it is asked)
with a function returning True for *Discard changes*; :func:`discard_box` builds the box.

"Changed" means an editor under the dialog sent its change signal after ``save_keys``
(the same signals ``ui/messages.py`` watches to clear a field's error). A dialog that knows
better (a list of ticks, a form compared value by value) overrides ``has_unsaved_edits``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QDialog,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from involve_desktop.ui.messages import _change_signal

DISCARD_TITLE = "Discard your changes?"
DISCARD_TEXT = (
    # Also asked on choosing another site or person in a list, so it does not say "close".
    "You have typed changes that are not saved.\n\nDiscard them, or keep editing?"
)
DISCARD_BUTTON = "&Discard changes"
KEEP_BUTTON = "&Keep editing"
# The boxes a person types into or chooses with; scroll bars, tabs and lists are not edits.
EDITORS = (QLineEdit, QPlainTextEdit, QTextEdit, QAbstractSpinBox, QComboBox, QAbstractButton)


def discard_box(parent: QWidget | None) -> QMessageBox:
    """The "Discard your changes?" question, built but not shown.

    Its buttons are named for what they do, each with an Alt letter: *Discard changes*
    (object name ``discard``: close without saving) and *Keep editing* (``keep``: the
    default, also Esc — back to the dialog with everything kept).
    """
    box = QMessageBox(
        QMessageBox.Icon.Question,
        DISCARD_TITLE,
        DISCARD_TEXT,
        QMessageBox.StandardButton.NoButton,
        parent,
    )
    discard = box.addButton(DISCARD_BUTTON, QMessageBox.ButtonRole.DestructiveRole)
    discard.setObjectName("discard")
    discard.setAccessibleName("Discard changes")
    keep = box.addButton(KEEP_BUTTON, QMessageBox.ButtonRole.RejectRole)
    keep.setObjectName("keep")
    keep.setAccessibleName("Keep editing")
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)
    return box


def ask_discard(parent: QWidget | None) -> bool:
    """Ask before throwing away typed edits; True when the person chose *Discard changes*
    (Enter, Esc and closing the question keep editing)."""
    box = discard_box(parent)
    try:
        box.exec()
        clicked = box.clickedButton()
        return clicked is not None and clicked.objectName() == "discard"
    finally:
        box.deleteLater()


def save_key_text() -> str:
    """The save key as this platform writes it ("Ctrl+S"); needs the application made."""
    return QKeySequence(QKeySequence.StandardKey.Save).toString(
        QKeySequence.SequenceFormat.NativeText
    )


def tip_with_save_key(button: QAbstractButton, tip: str | None = None) -> None:
    """Give ``button`` the tooltip ``tip`` (default: its own text) ending "(Ctrl+S)"."""
    text = tip or button.text().replace("&", "").rstrip("…")
    button.setToolTip(f"{text} ({save_key_text()})")


def save_shortcut(
    dialog: QWidget,
    save: Callable[[], object],
    save_button: QAbstractButton | None = None,
    tip: str | None = None,
) -> QShortcut:
    """Ctrl+S on ``dialog``'s own window runs ``save``; ``save_button``'s tooltip names the
    key. For a dialog that keeps its own closing question (``EditDialog.save_keys`` does
    this and the Esc question together)."""
    shortcut = QShortcut(QKeySequence.StandardKey.Save, dialog)
    shortcut.activated.connect(lambda: save())
    if save_button is not None:
        tip_with_save_key(save_button, tip)
    return shortcut


class EditDialog(QDialog):
    """A dialog that saves: Ctrl+S, and Esc/Cancel/× asking before edits are lost."""

    # A dialog may set this False to close without asking (none does now).
    asks_before_closing = True
    _edited = False
    _closed_by_program = False
    _watched: set[int]

    def save_keys(
        self,
        save: Callable[[], object],
        save_button: QAbstractButton | None = None,
        *,
        tip: str | None = None,
        ignore: Iterable[QWidget] = (),
    ) -> QShortcut:
        """Ctrl+S runs ``save``; ``save_button``'s tooltip names the key; from now on a
        change in any editor (except those in ``ignore``, e.g. a search box) counts as an
        edit. Call it last in ``__init__``, once the boxes hold what the dialog opens with.
        """
        self.save_shortcut = save_shortcut(self, save, save_button, tip)
        self._save_button = save_button
        self._ignored = {id(widget) for widget in ignore}
        self.watch_edits()
        return self.save_shortcut

    def watch_edits(self, root: QWidget | None = None) -> None:
        """Count changes in the editors under ``root`` (default the whole dialog) as edits;
        call again for boxes added later. Starts clean."""
        if not hasattr(self, "_watched"):
            self._watched = set()
        for widget in (root or self).findChildren(QWidget):
            if not isinstance(widget, EDITORS) or id(widget) in self._watched:
                continue
            if id(widget) in getattr(self, "_ignored", ()) or _inside_ignored(self, widget):
                continue
            if isinstance(widget, QAbstractButton) and not widget.isCheckable():
                continue
            signal = _change_signal(widget)
            if signal is None:
                continue
            self._watched.add(id(widget))
            signal.connect(self._mark_edited)
        self._edited = False

    def _mark_edited(self, *_args: object) -> None:
        self._edited = True

    def mark_clean(self) -> None:
        """What the boxes hold now is what is saved (e.g. after reloading the record)."""
        self._edited = False

    def has_unsaved_edits(self) -> bool:
        """Whether closing now would lose something typed or chosen."""
        return self._edited

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        """Make Save the dialog's own default button, now that it is inside the dialog."""
        button = getattr(self, "_save_button", None)
        if isinstance(button, QPushButton) and button.isDefault():
            # Made default before it was in the dialog, the button was never the dialog's
            # main default: once Tab had passed over Cancel, Enter in a field pressed Cancel.
            button.setDefault(False)
            button.setDefault(True)
        super().showEvent(event)

    def reject(self) -> None:
        """Esc, Cancel or the window's ×: ask first when something would be lost."""
        if (
            self.asks_before_closing
            and not self._closed_by_program
            and self.has_unsaved_edits()
            and not ask_discard(self)
        ):
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        """The window's × (a close the window system sends) asks like Esc; a close the
        program makes (``close()`` when quitting, or a test's clean-up) does not wait for
        an answer nobody is there to give."""
        self._closed_by_program = not event.spontaneous()
        try:
            super().closeEvent(event)
        finally:
            self._closed_by_program = False


def _inside_ignored(dialog: EditDialog, widget: QWidget) -> bool:
    """Whether ``widget`` is part of an ignored box (a spin box's or combo's own line edit)."""
    ignored = getattr(dialog, "_ignored", ())
    parent = widget.parentWidget()
    while parent is not None and parent is not dialog:
        if id(parent) in ignored:
            return True
        parent = parent.parentWidget()
    return False
