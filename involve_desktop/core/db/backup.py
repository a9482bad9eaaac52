"""Consistent copies of the SQLite database file, safe while the app has it open (WAL too)."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

KEEP_BACKUPS = 30


def backup_sqlite(source: Path, backups_dir: Path, reason: str, keep: int = KEEP_BACKUPS) -> Path:
    """Copy ``source`` into ``backups_dir`` with SQLite's online backup API and return the copy.

    The name carries the time and the reason, e.g. ``involve-2026-11-26T154800-before-upgrade``.
    Older copies for the same database beyond ``keep`` are removed, oldest first.
    """
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y-%m-%dT%H%M%S")
    target = backups_dir / f"{source.stem}-{stamp}-{reason}{source.suffix}"
    counter = 1
    while target.exists():
        counter += 1
        target = backups_dir / f"{source.stem}-{stamp}-{reason}-{counter}{source.suffix}"
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
        finally:
            dst.close()
    finally:
        src.close()
    partial.replace(target)
    _prune(backups_dir, source, keep)
    return target


def _prune(backups_dir: Path, source: Path, keep: int) -> None:
    # The timestamp starts with the year, so "involve-demo-…" copies never count as "involve-…".
    pattern = f"{source.stem}-[0-9][0-9][0-9][0-9]-*{source.suffix}"
    copies = sorted(backups_dir.glob(pattern), key=lambda p: p.stat().st_mtime)
    for old in copies[:-keep] if keep > 0 else []:
        old.unlink(missing_ok=True)
