"""What every packaged form of the app must do, run as a separate program.

Shared by the wheel test (``involve-desktop`` installed into a fresh venv) and the frozen
test (the PyInstaller folder): ``--version``, a blank sheet, a sheet from the demo data, the
migrations on a fresh database, and an encrypted database opened with an account's password.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import create_engine, inspect, text

from involve_desktop import APP_NAME, __version__, paths
from involve_desktop.core.db.engine import create_engine_for, session_factory, sqlite_url
from involve_desktop.core.db.migrate import head_revision, migrate
from involve_desktop.core.services import accounts, encryption, members
from involve_desktop.core.services.member_dto import MemberInput

DEMO_PASSWORD = "demo-password"
COORDINATOR_PASSWORD = "correct horse battery"
TIMEOUT = 300  # seconds for one command on a busy 2-CPU machine; only a hang reaches it


def app_env(home: Path) -> dict[str, str]:
    """The environment for the packaged app: headless, its own data folder, no server URL."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("INVOLVE_", "PYTHON"))}
    env.update(QT_QPA_PLATFORM="offscreen", INVOLVE_DATA_DIR=str(home / "data"), HOME=str(home))
    return env


def run(app: Path, *args: str, env: dict[str, str], password: str | None = None) -> str:
    """Run ``app ARGS``; return its standard output, failing with its output if it fails."""
    if password is not None:
        env = {**env, "INVOLVE_PASSWORD": password}
    done = subprocess.run(
        [str(app), *args],
        env=env,
        capture_output=True,
        encoding="utf-8",
        errors="replace",  # Windows writes a pipe in its ANSI code page ("·" is 0xB7)
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, (
        f"{app.name} {' '.join(args)} exited {done.returncode}\n"
        f"stdout:\n{done.stdout}\nstderr:\n{done.stderr}"
    )
    return done.stdout


def pdf_text(path: Path) -> str:
    """All the text of a PDF file, after checking it is one with the bundled fonts in it."""
    data = path.read_bytes()
    assert data.startswith(b"%PDF-"), f"{path} is not a PDF"
    assert b"DejaVuSans" in data, "the sheet should use the bundled DejaVu fonts"
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def check_version(app: Path, home: Path) -> None:
    """``--version`` prints the app's name and version."""
    assert run(app, "--version", env=app_env(home)).strip() == f"{APP_NAME} {__version__}"


def check_blank_sheet(app: Path, home: Path) -> None:
    """A blank sign-in sheet prints without any database."""
    out = home / "blank.pdf"
    run(app, "print", "blank-sign-in", "--rows", "12", "--venue", "Library", "--out", str(out),
        env=app_env(home))  # fmt: skip
    text_ = pdf_text(out)
    assert "Sign-in sheet" in text_
    assert "Library" in text_


def check_demo_sheet(app: Path, home: Path) -> None:
    """The demo database is made (all migrations run), signed into and printed from."""
    out = home / "contacts.pdf"
    args = ("--demo", "print", "contact-list", "--user", "demo", "--out", str(out))
    run(app, *args, env=app_env(home), password=DEMO_PASSWORD)
    text_ = pdf_text(out)
    assert "Contact list" in text_
    assert "Active members" in text_


def check_fresh_migration(app: Path, home: Path, url: str) -> None:
    """``migrate`` on an empty database brings it to the newest revision this source knows."""
    head = head_revision(paths.migrations_dir())
    output = run(app, "--database", url, "migrate", env=app_env(home))
    assert f"Schema revision: {head}" in output
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            assert conn.scalar(text("SELECT version_num FROM alembic_version")) == head
        assert {"member", "account", "audit_entry"} <= set(inspect(engine).get_table_names())
    finally:
        engine.dispose()
    again = run(app, "--database", url, "migrate", "--check", env=app_env(home))
    assert "Up to date." in again


def make_encrypted_database(path: Path) -> None:
    """An encrypted SQLite file with a coordinator (sam) and one member, made in-process."""
    engine = create_engine_for(sqlite_url(path))
    migrate(engine, paths.migrations_dir(), None)
    with session_factory(engine)() as session:
        sam = accounts.set_up_group(
            session, "Riverside Voices", "Sam Coordinator", "sam", COORDINATOR_PASSWORD
        )
        members.create_member(session, sam, MemberInput("Philippa Quenby-Marsh"))
        encryption.encrypt_database(session, sam, COORDINATOR_PASSWORD)
    engine.dispose()


def check_encrypted_database(app: Path, home: Path) -> None:
    """SQLCipher and argon2 work in the package: an encrypted file unlocks and prints."""
    path = home / "encrypted.sqlite3"
    make_encrypted_database(path)
    assert not path.read_bytes().startswith(b"SQLite format 3"), "the file should be encrypted"
    url = sqlite_url(path)
    output = run(app, "--database", url, "migrate", "--user", "sam", env=app_env(home),
                 password=COORDINATOR_PASSWORD)  # fmt: skip
    assert "Already up to date." in output
    out = home / "encrypted-contacts.pdf"
    run(app, "--database", url, "print", "contact-list", "--user", "sam", "--out", str(out),
        env=app_env(home), password=COORDINATOR_PASSWORD)  # fmt: skip
    assert "Philippa Q." in pdf_text(out)
