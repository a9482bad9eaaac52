"""The Alt+letter keys a screen offers, and which of them clash.

Qt gives every ``&``-marked button, buddied label, tab title and menu title an Alt+letter.
When two visible ones share a letter Qt treats the key as ambiguous: it only moves focus
between them and presses nothing, so a keyboard user's Alt+A (say) silently does not work.
"""

from __future__ import annotations

from collections import defaultdict

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QLabel, QMainWindow, QTabBar, QWidget


def letter(text: str) -> str | None:
    """The Alt key ``text`` gives (``"Alt+P"`` for ``"&Print"``); None when it has none."""
    key = QKeySequence.mnemonic(text)
    return key.toString() if not key.isEmpty() else None


def offered(window: QWidget) -> dict[str, list[str]]:
    """Alt key → what carries it, over everything visible in ``window`` (and its menu bar)."""
    found: dict[str, list[str]] = defaultdict(list)
    if isinstance(window, QMainWindow) and window.menuWidget() is not None:
        for action in window.menuBar().actions():
            if action.isVisible() and (key := letter(action.text())):
                found[key].append(f"menu {action.text()!r}")
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and button.isEnabled() and (key := letter(button.text())):
            found[key].append(f"button {button.text()!r}")
    for label in window.findChildren(QLabel):
        if label.isVisible() and label.buddy() is not None and (key := letter(label.text())):
            found[key].append(f"label {label.text()!r}")
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            for index in range(bar.count()):
                if bar.isTabEnabled(index) and (key := letter(bar.tabText(index))):
                    found[key].append(f"tab {bar.tabText(index)!r}")
    return found


def clashes(window: QWidget) -> dict[str, list[str]]:
    """The Alt keys that more than one visible control carries."""
    return {key: who for key, who in offered(window).items() if len(who) > 1}
