"""Whether a database file sits on a network share or a removable drive (best effort).

SQLite's locking is not reliable over network file systems, and a USB stick can be pulled
out mid-write, so the app warns before opening a database there. Linux: the mount table
(``/proc/mounts``) says which file system holds the file (nfs, cifs/smb, sshfs …), and
``/media`` or ``/run/media`` mean a removable drive. Windows: ``GetDriveTypeW``.
"""

from __future__ import annotations

import os
import sys
from enum import StrEnum
from pathlib import Path

MOUNTS = Path("/proc/mounts")
NETWORK_FS = frozenset(
    {
        "nfs",
        "nfs4",
        "cifs",
        "smb",
        "smbfs",
        "smb3",
        "fuse.sshfs",
        "sshfs",
        "afs",
        "9p",
        "fuse.rclone",
        "davfs",
        "fuse.davfs2",
        "ncpfs",
        "glusterfs",
        "ceph",
    }
)
REMOVABLE_ROOTS = ("/media", "/run/media", "/mnt/usb")


class Risk(StrEnum):
    """Where the file is, when that is somewhere risky."""

    NETWORK = "network"
    REMOVABLE = "removable"


def _mount_points(mounts: Path) -> list[tuple[str, str]]:
    """(mount point, file-system type) from a mounts table; spaces arrive as ``\\040``."""
    try:
        text = mounts.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    found = []
    for line in text.splitlines():
        parts = line.split()
        if len(parts) >= 3:
            found.append((parts[1].replace("\\040", " "), parts[2]))
    return found


def _linux_risk(path: Path, mounts: Path) -> Risk | None:
    target = str(path.resolve() if path.exists() else path.absolute())
    best, fs_type = "", ""
    for point, kind in _mount_points(mounts):
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, fs_type = point, kind
    if fs_type in NETWORK_FS or fs_type.startswith("fuse.sshfs"):
        return Risk.NETWORK
    if any(target == r or target.startswith(r + "/") for r in REMOVABLE_ROOTS):
        return Risk.REMOVABLE
    return None


def _windows_risk(path: Path) -> Risk | None:
    text = str(path.absolute())
    if text.startswith("\\\\"):
        return Risk.NETWORK
    import ctypes

    kind = ctypes.windll.kernel32.GetDriveTypeW(os.path.splitdrive(text)[0] + "\\")
    return {4: Risk.NETWORK, 2: Risk.REMOVABLE}.get(kind)


def location_risk(path: Path, mounts: Path | None = None) -> Risk | None:
    """The risk of keeping the database at ``path``, or None for an ordinary local disk.

    ``mounts``: the mount table to read (``/proc/mounts`` by default).
    """
    try:
        if sys.platform == "win32":
            return _windows_risk(path)
        return _linux_risk(path, mounts or MOUNTS)
    except (OSError, AttributeError, ValueError):
        return None


def location_warning(path: Path, mounts: Path | None = None) -> str | None:
    """A plain warning to show before opening a database at ``path``, or None."""
    risk = location_risk(path, mounts)
    if risk is Risk.NETWORK:
        return (
            f"The database ({path}) is on a network share. Two laptops writing to it over the "
            "network can damage it: keep it on this laptop's own disk, or use a PostgreSQL "
            "server for several laptops."
        )
    if risk is Risk.REMOVABLE:
        return (
            f"The database ({path}) is on a removable drive. If the drive is pulled out while "
            "Involve Desktop is open, recent changes can be lost: keep it on this laptop's own "
            "disk and copy backups to the drive instead."
        )
    return None
