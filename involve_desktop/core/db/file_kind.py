"""Plain or encrypted: a SQLite file's first bytes tell, without opening it with SQLite.

Kept apart from ``cipher`` (which loads SQLCipher) so start-up can ask before any window
shows.

A file the app's engine has open is never read here: on Linux and macOS, closing *any*
descriptor of a file drops every POSIX lock the process holds on it, SQLite's included —
another program closing the file could then fold and delete the WAL under the app, and
the app's next commits would go into a deleted file. The engines say which files their
connections have open, and how (``note_opened``/``note_closed``).
"""

from __future__ import annotations

import os
from pathlib import Path

PLAIN_HEADER = b"SQLite format 3\x00"

# Files SQLite connections of this process's engines have open: name → (encrypted, how many).
_opened_here: dict[str, tuple[bool, int]] = {}


def _name(path: Path) -> str:
    return os.path.realpath(path)


def note_opened(path: Path, encrypted: bool) -> None:
    """An engine's connection has ``path`` open (encrypted or plain): while any has, its kind
    is answered from here and the file itself is not read."""
    name = _name(path)
    _kind, count = _opened_here.get(name, (encrypted, 0))
    _opened_here[name] = (encrypted, count + 1)


def note_closed(path: Path) -> None:
    """One of those connections closed; after the last, the file may be read again."""
    name = _name(path)
    kind, count = _opened_here.get(name, (False, 0))
    if count <= 1:
        _opened_here.pop(name, None)
    else:
        _opened_here[name] = (kind, count - 1)


def note_replaced(path: Path) -> None:
    """``path`` was replaced by another file while no connection had it open."""
    _opened_here.pop(_name(path), None)


def is_plain_file(path: Path) -> bool:
    """True when ``path`` is a plain (unencrypted) SQLite file, or empty, or missing."""
    known = _opened_here.get(_name(path))
    if known is not None:
        return not known[0]
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return True
    return header in (b"", PLAIN_HEADER)


def is_encrypted_file(path: Path) -> bool:
    """True when ``path`` exists and is not a plain SQLite file (SQLCipher's pages look random)."""
    return path.exists() and not is_plain_file(path)
