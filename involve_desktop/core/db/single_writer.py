"""One writer per SQLite file: a lock file beside the database says who has it open.

Opening ``involve.sqlite3`` takes an OS-level lock on ``involve.sqlite3.lock`` (``fcntl.flock``
on Linux and macOS, ``msvcrt.locking`` on Windows) and writes into it who holds it: the
account or user name, the machine, the process id and since when. A second copy of the app —
on this laptop, or on another one reaching the file through a shared folder — cannot take the
lock, reads the holder and opens the database read-only, telling the user
"Sam on OFFICE-LAPTOP has had this database open since 14:05".

The OS releases the lock when the process dies, however it dies; the file's text stays. So a
lock file with text in it whose OS lock nobody holds (or whose process is gone on this very
machine) is *stale*: left by a crash. ``claim`` asks the caller to confirm before clearing it.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import IO

from involve_desktop.core.formatting import format_date

LOCK_SUFFIX = ".lock"
_WINDOWS_LOCK_OFFSET = 1 << 20  # Windows locks bytes: lock one far past the text, so it reads


@dataclass(frozen=True)
class LockHolder:
    """Who has (or had) the database open, as written in the lock file."""

    user: str
    machine: str
    pid: int
    since: datetime

    def describe(self, now: datetime | None = None) -> str:
        """ "Sam on OFFICE-LAPTOP has had this database open since 14:05" (a day before today
        is named: "since Tue 3 Mar 2026 14:05")."""
        return f"{self.user} on {self.machine} has had this database open since {self.when(now)}"

    def when(self, now: datetime | None = None) -> str:
        """Since when: "14:05" today, "Tue 3 Mar 2026 14:05" on another day."""
        time = self.since.strftime("%H:%M")
        if self.since.date() == (now or datetime.now()).date():
            return time
        return f"{format_date(self.since.date())} {time}"

    def to_json(self) -> str:
        """The lock file's text."""
        return json.dumps(
            {
                "user": self.user,
                "machine": self.machine,
                "pid": self.pid,
                "since": self.since.isoformat(timespec="seconds"),
            }
        )

    @classmethod
    def from_json(cls, text: str) -> LockHolder | None:
        """The holder written in a lock file, or None for an empty or unreadable file."""
        try:
            data = json.loads(text)
            return cls(
                str(data["user"]),
                str(data["machine"]),
                int(data["pid"]),
                datetime.fromisoformat(data["since"]),
            )
        except (ValueError, KeyError, TypeError):
            return None


def this_machine() -> str:
    """This computer's name, as other laptops will see it."""
    return socket.gethostname() or "this computer"


def this_user() -> str:
    """The operating-system user (replaced by the account's name once someone signs in)."""
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "someone"


def me(user: str | None = None, now: datetime | None = None) -> LockHolder:
    """A holder describing this process."""
    return LockHolder(
        user or this_user(),
        this_machine(),
        os.getpid(),
        (now or datetime.now()).replace(microsecond=0),
    )


def lock_path(database: Path) -> Path:
    """The lock file beside ``database``: ``involve.sqlite3.lock``."""
    return database.with_name(database.name + LOCK_SUFFIX)


def _try_os_lock(handle: IO[str]) -> bool:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        finally:
            handle.seek(0)
        return True
    import fcntl

    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _os_unlock(handle: IO[str]) -> None:
    if sys.platform == "win32":
        import msvcrt

        handle.seek(_WINDOWS_LOCK_OFFSET)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)
        handle.seek(0)
        return
    import fcntl

    fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def _pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if sys.platform == "win32":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFO
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process, but alive
    return True


class WriterLock:
    """The lock this process holds on a database; ``release`` on close."""

    def __init__(self, path: Path, handle: IO[str], holder: LockHolder) -> None:
        self.path = path
        self.holder = holder
        self._handle: IO[str] | None = handle
        self._write()

    def _write(self) -> None:
        assert self._handle is not None
        self._handle.seek(0)
        self._handle.truncate()
        self._handle.write(self.holder.to_json())
        self._handle.flush()
        os.fsync(self._handle.fileno())

    @property
    def held(self) -> bool:
        """True until released."""
        return self._handle is not None

    def set_user(self, user: str) -> None:
        """Name the signed-in account in the lock file, so others see who has it open."""
        if self._handle is None:
            return
        self.holder = LockHolder(user, self.holder.machine, self.holder.pid, self.holder.since)
        self._write()

    def release(self) -> None:
        """Empty the lock file and let go of the OS lock (safe to call twice)."""
        handle, self._handle = self._handle, None
        if handle is None:
            return
        try:
            handle.seek(0)
            handle.truncate()
            handle.flush()
            _os_unlock(handle)
        finally:
            handle.close()


class LockState(StrEnum):
    """What trying to take the lock found."""

    TAKEN = "taken"  # this process is the writer
    IN_USE = "in_use"  # someone else is: open read-only
    STALE = "stale"  # a crash left it: clear it (after asking) and try again


@dataclass(frozen=True)
class LockAttempt:
    """The outcome of ``try_acquire``: the lock when taken, else who holds (or held) it."""

    state: LockState
    lock: WriterLock | None = None
    holder: LockHolder | None = None


def read_holder(database: Path) -> LockHolder | None:
    """Who the lock file names, or None when there is none (or it is empty)."""
    try:
        return LockHolder.from_json(lock_path(database).read_text(encoding="utf-8"))
    except OSError:
        return None


def try_acquire(database: Path, holder: LockHolder | None = None) -> LockAttempt:
    """Take the lock on ``database`` for ``holder`` (this process by default) if free."""
    path = lock_path(database)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = open(path, "a+", encoding="utf-8")  # noqa: SIM115 - kept open while held
    if not _try_os_lock(handle):
        handle.close()
        other = read_holder(database)
        if other is not None and other.machine == this_machine() and not _pid_alive(other.pid):
            return LockAttempt(LockState.STALE, holder=other)
        unknown = LockHolder("Someone", "another computer", 0, datetime.now())
        return LockAttempt(LockState.IN_USE, holder=other or unknown)
    handle.seek(0)
    left = LockHolder.from_json(handle.read())
    if left is not None:  # text but no OS lock: its process ended without closing
        _os_unlock(handle)
        handle.close()
        return LockAttempt(LockState.STALE, holder=left)
    return LockAttempt(LockState.TAKEN, lock=WriterLock(path, handle, holder or me()))


def clear_stale(database: Path) -> None:
    """Remove a stale lock file (after the user confirmed) so the lock can be taken."""
    lock_path(database).unlink(missing_ok=True)


@dataclass(frozen=True)
class Claim:
    """How this process may use a database: as its writer (``lock``), or read-only."""

    lock: WriterLock | None
    holder: LockHolder | None  # who has it open, when read-only

    @property
    def read_only(self) -> bool:
        """True when someone else is the writer (or a stale lock was left in place)."""
        return self.lock is None

    def release(self) -> None:
        """Let go of the lock, if held."""
        if self.lock is not None:
            self.lock.release()


def claim(database: Path, confirm_clear: Callable[[LockHolder], bool]) -> Claim:
    """Become the writer of ``database``, or learn who is.

    A stale lock is cleared only when ``confirm_clear(holder)`` says yes (asked once);
    otherwise, or when someone really has it open, the claim is read-only.
    """
    attempt = try_acquire(database)
    if attempt.state is LockState.STALE:
        assert attempt.holder is not None
        if not confirm_clear(attempt.holder):
            return Claim(None, attempt.holder)
        clear_stale(database)
        attempt = try_acquire(database)
    if attempt.state is LockState.TAKEN:
        return Claim(attempt.lock, None)
    return Claim(None, attempt.holder)
