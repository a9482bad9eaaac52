"""One writer per SQLite file: the lock file, a second opener, stale locks, risky places."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from involve_desktop.core.db import single_writer
from involve_desktop.core.db.location_risk import Risk, location_risk, location_warning
from involve_desktop.core.db.single_writer import LockHolder, LockState, claim, try_acquire


@pytest.fixture
def database(tmp_path: Path) -> Path:
    return tmp_path / "involve.sqlite3"


def test_first_opener_takes_the_lock_and_writes_who_it_is(database):
    attempt = try_acquire(
        database, LockHolder("Sam", "OFFICE-LAPTOP", os.getpid(), datetime(2026, 3, 3, 14, 5))
    )
    assert attempt.state is LockState.TAKEN and attempt.lock is not None
    written = single_writer.read_holder(database)
    assert written == LockHolder("Sam", "OFFICE-LAPTOP", os.getpid(), datetime(2026, 3, 3, 14, 5))
    attempt.lock.set_user("Sam Coordinator")
    assert single_writer.read_holder(database).user == "Sam Coordinator"
    attempt.lock.release()
    assert single_writer.read_holder(database) is None  # closed cleanly: nothing left to clear
    assert try_acquire(database).state is LockState.TAKEN


def test_second_opener_is_told_who_has_it_and_since_when(database):
    first = claim(database, confirm_clear=lambda _h: pytest.fail("nothing is stale"))
    assert not first.read_only
    first.lock.set_user("Sam")
    second = claim(database, confirm_clear=lambda _h: pytest.fail("the lock is live"))
    assert second.read_only and second.holder is not None
    since = second.holder.since.strftime("%H:%M")
    machine = single_writer.this_machine()
    assert second.holder.describe() == (
        f"Sam on {machine} has had this database open since {since}"
    )
    first.release()
    third = claim(database, confirm_clear=lambda _h: pytest.fail("closed cleanly"))
    assert not third.read_only
    third.release()


def test_lock_held_by_another_process_is_in_use(database, tmp_path):
    """A second laptop on a shared folder is, to the lock, just another process."""
    script = (
        "import sys, time\n"
        "from pathlib import Path\n"
        "from involve_desktop.core.db.single_writer import LockHolder, try_acquire\n"
        "from datetime import datetime\n"
        "a = try_acquire(Path(sys.argv[1]), LockHolder('Sam', 'OFFICE-LAPTOP', 1,"
        " datetime(2026, 3, 3, 14, 5)))\n"
        "print(a.state, flush=True)\n"
        "sys.stdin.read()\n"
    )
    other = subprocess.Popen(
        [sys.executable, "-c", script, str(database)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert other.stdout.readline().strip() == "taken"
        found = claim(database, confirm_clear=lambda _h: pytest.fail("it is live"))
        assert found.read_only
        assert found.holder.describe(now=datetime(2026, 3, 3, 16, 0)) == (
            "Sam on OFFICE-LAPTOP has had this database open since 14:05"
        )
        assert found.holder.describe(now=datetime(2026, 3, 4, 9, 0)) == (
            "Sam on OFFICE-LAPTOP has had this database open since Tue 3 Mar 2026 14:05"
        )
    finally:
        other.stdin.close()
        other.wait(timeout=30)


def _crash_holding_the_lock(database: Path) -> None:
    """A process that takes the lock and dies without releasing it (os._exit: no clean-up)."""
    script = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from involve_desktop.core.db.single_writer import try_acquire\n"
        "assert try_acquire(Path(sys.argv[1])).state == 'taken'\n"
        "os._exit(9)\n"
    )
    done = subprocess.run([sys.executable, "-c", script, str(database)], check=False)
    assert done.returncode == 9
    assert single_writer.read_holder(database) is not None  # its text stayed behind


def test_stale_lock_after_a_crash_is_cleared_with_one_confirmation(database):
    _crash_holding_the_lock(database)
    asked: list[LockHolder] = []
    result = claim(database, confirm_clear=lambda holder: asked.append(holder) or True)
    assert len(asked) == 1 and asked[0].machine == single_writer.this_machine()
    assert not result.read_only  # cleared and taken
    assert single_writer.read_holder(database).pid == os.getpid()
    result.release()


def test_stale_lock_left_alone_when_not_confirmed_opens_read_only(database):
    _crash_holding_the_lock(database)
    result = claim(database, confirm_clear=lambda _h: False)
    assert result.read_only and result.holder is not None
    assert single_writer.read_holder(database) == result.holder  # nothing cleared


def test_live_pid_gone_on_this_machine_counts_as_stale(database, monkeypatch):
    first = try_acquire(database)
    assert first.state is LockState.TAKEN
    monkeypatch.setattr(single_writer, "_pid_alive", lambda pid: False)
    assert try_acquire(database).state is LockState.STALE
    first.lock.release()


MOUNTS = """\
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
tmpfs /run tmpfs rw 0 0
//fileserver/office /mnt/office cifs rw,vers=3.0 0 0
server:/export/groups /srv/groups nfs4 rw 0 0
sam@box:/home/sam /home/sam/remote fuse.sshfs rw 0 0
/dev/sdb1 /media/sam/USB\\040STICK vfat rw 0 0
"""


@pytest.mark.parametrize(
    ("where", "risk"),
    [
        ("/home/sam/.local/share/Involve/involve.sqlite3", None),
        ("/mnt/office/Involve/involve.sqlite3", Risk.NETWORK),
        ("/srv/groups/involve.sqlite3", Risk.NETWORK),
        ("/home/sam/remote/involve.sqlite3", Risk.NETWORK),
        ("/media/sam/USB STICK/involve.sqlite3", Risk.REMOVABLE),
        ("/run/media/sam/STICK/involve.sqlite3", Risk.REMOVABLE),
    ],
)
def test_network_share_or_removable_drive_is_recognised(tmp_path, monkeypatch, where, risk):
    monkeypatch.setattr(sys, "platform", "linux")
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS, encoding="utf-8")
    assert location_risk(Path(where), mounts) is risk


def test_network_share_warning_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    mounts = tmp_path / "mounts"
    mounts.write_text(MOUNTS, encoding="utf-8")
    warning = location_warning(Path("/mnt/office/involve.sqlite3"), mounts)
    assert warning is not None and "network share" in warning and "PostgreSQL" in warning
    assert location_warning(Path("/home/sam/involve.sqlite3"), mounts) is None


def test_read_only_engine_reads_but_a_write_gets_a_plain_message(engine, session, coordinator):
    from involve_desktop.core.db.engine import (
        DatabaseReadOnly,
        create_engine_for,
        is_read_only,
        session_factory,
        sqlite_file,
    )
    from involve_desktop.core.services import member_search, members
    from involve_desktop.core.services.member_dto import MemberInput

    path = sqlite_file(engine)
    if path is None:
        pytest.skip("read-only opening is for the SQLite file")
    members.create_member(session, coordinator, MemberInput(full_name="Alan Wright"))
    reader = create_engine_for(f"sqlite:///{path}", read_only=True)
    try:
        assert is_read_only(reader) and sqlite_file(reader) == path
        with session_factory(reader)() as ro:
            listed = member_search.list_members(ro, coordinator).rows
            assert [m.display_name for m in listed] == ["Alan Wright"]
            with pytest.raises(DatabaseReadOnly, match="Nothing was saved.*read-only"):
                members.create_member(ro, coordinator, MemberInput(full_name="Bea Jones"))
    finally:
        reader.dispose()
    assert member_search.list_members(session, coordinator).total_matching == 1


def test_people_can_sign_in_to_a_read_only_copy(engine, session, coordinator):
    from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_file
    from involve_desktop.core.errors import AuthenticationError
    from involve_desktop.core.services import accounts
    from tests.conftest import COORDINATOR_PASSWORD

    path = sqlite_file(engine)
    if path is None:
        pytest.skip("read-only opening is for the SQLite file")
    reader = create_engine_for(f"sqlite:///{path}", read_only=True)
    try:
        with session_factory(reader)() as ro:
            actor = accounts.sign_in(ro, "sam", COORDINATOR_PASSWORD)
            assert actor.account_id == coordinator.account_id
            with pytest.raises(AuthenticationError):  # not the read-only message
                accounts.sign_in(ro, "sam", "wrong password")
            accounts.lock(ro, actor)
            accounts.unlock(ro, actor, COORDINATOR_PASSWORD)
            accounts.sign_out(ro, actor)
    finally:
        reader.dispose()
