"""A writer to kill: adds members through the real service and prints each committed id.

Run by ``test_crash_safety.py`` as ``python crash_writer.py DATABASE ACCOUNT_ID USERNAME NAME
[KEY_HEX]`` (the key: an encrypted file, opened with SQLCipher like the app does).
Starting Python and importing the app takes most of a second, too long to do 100 times, so
this process imports once and then, for every ``go`` line on stdin, forks a fresh writer
child: it prints ``child PID``, the child opens the database through ``create_engine_for``
(the app's pragmas) and adds members in a loop, printing ``committed ID`` (flushed) after each
``create_member`` returns. The test kills the child with SIGKILL; this process reaps it and
prints ``dead PID``, so every line the child wrote comes before that line.
"""

from __future__ import annotations

import os
import sys
import traceback
from pathlib import Path

from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.permissions import Role
from involve_desktop.core.services import members
from involve_desktop.core.services.dto import Actor
from involve_desktop.core.services.member_dto import MemberInput


def write_forever(database: Path, actor: Actor, round_no: int, key: bytes | None) -> None:
    """Add members one by one until killed, printing each id once its commit returned."""
    engine = create_engine_for(sqlite_url(database), key=key)
    with session_factory(engine)() as session:
        number = 0
        while True:
            number += 1
            data = MemberInput(
                full_name=f"Crash Test {round_no}x{number}",
                email=f"crash{round_no}x{number}@example.org",
                phone=f"07700 {round_no:03d}{number:03d}",
            )
            added = members.create_member(session, actor, data, allow_duplicate=True)
            os.write(1, f"committed {added.id}\n".encode())


def main(argv: list[str]) -> int:
    """Fork one writer child per ``go`` line until stdin closes."""
    database = Path(argv[1])
    actor = Actor(int(argv[2]), argv[3], argv[4], Role.COORDINATOR)
    key = bytes.fromhex(argv[5]) if len(argv) > 5 else None
    os.write(1, b"ready\n")
    round_no = 0
    for line in sys.stdin:
        if line.strip() != "go":
            continue
        round_no += 1
        pid = os.fork()
        if pid == 0:  # the child: write until killed
            try:
                write_forever(database, actor, round_no, key)
            except BaseException:
                traceback.print_exc()
            finally:
                os._exit(3)  # never return into the parent's loop
        os.write(1, f"child {pid}\n".encode())
        os.waitpid(pid, 0)
        os.write(1, f"dead {pid}\n".encode())
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
