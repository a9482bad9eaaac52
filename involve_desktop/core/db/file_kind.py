"""Plain or encrypted: a SQLite file's first bytes tell, without opening it.

Kept apart from ``cipher`` (which loads SQLCipher) so start-up can ask before any window
shows.
"""

from __future__ import annotations

from pathlib import Path

PLAIN_HEADER = b"SQLite format 3\x00"


def is_plain_file(path: Path) -> bool:
    """True when ``path`` is a plain (unencrypted) SQLite file, or empty, or missing."""
    try:
        with open(path, "rb") as handle:
            header = handle.read(len(PLAIN_HEADER))
    except FileNotFoundError:
        return True
    return header in (b"", PLAIN_HEADER)


def is_encrypted_file(path: Path) -> bool:
    """True when ``path`` exists and is not a plain SQLite file (SQLCipher's pages look random)."""
    return path.exists() and not is_plain_file(path)
