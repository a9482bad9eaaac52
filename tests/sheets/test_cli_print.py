"""``involve-desktop print``: headless PDFs from the command line, clear errors for bad input."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from involve_desktop.cli_print import add_print_parser, run_print
from involve_desktop.core.models.audit import AuditEntry
from tests.conftest import COORDINATOR_PASSWORD
from tests.sheets.cohort_helpers import ZOE, seed_cohort
from tests.sheets.member_helpers import facilitator, seed_group
from tests.sheets.pdfread import page_lines, reader


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="involve-desktop")
    add_print_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["print", *argv])


def run(lookup: Callable[[], str | None], *argv: str) -> int:
    return run_print(parse(*argv), lookup)


def test_writes_a_valid_pdf_with_the_group_name_from_the_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "sign-in.pdf"
    code = run(lambda: "Riverside Voices", "blank-sign-in", "--rows", "25", "--out", str(out))
    assert code == 0
    assert str(out) in capsys.readouterr().out
    pages = page_lines(out.read_bytes())
    assert pages[0][0] == "Riverside Voices"
    assert [n for lines in pages for n in lines if n.isdigit()][-1] == "25"
    assert [p.name for p in tmp_path.iterdir()] == ["sign-in.pdf"]  # no temp file left


def test_options_reach_the_sheet(tmp_path: Path) -> None:
    out = tmp_path / "wide.pdf"
    argv = [
        "blank-sign-in",
        "--group",
        "Zoë's Group",
        "--title",
        "Drop-in",
        "--landscape",
        "--venue",
        "Library",
        "--date",
        "Tue 3 Mar 2026",
        "--meeting",
        "Tea",
        "--out",
        str(out),
    ]
    assert run(lambda: "Not this one", *argv) == 0
    page = reader(out.read_bytes()).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    lines = page_lines(out.read_bytes())[0]
    assert lines[:2] == ["Zoë's Group", "Drop-in"]
    assert {"Library", "Tue 3 Mar 2026", "Tea"} <= set(lines)


def test_no_group_name_anywhere_still_prints(tmp_path: Path) -> None:
    out = tmp_path / "plain.pdf"
    assert run(lambda: None, "blank-sign-in", "--out", str(out)) == 0
    assert page_lines(out.read_bytes())[0][0] == "Sign-in sheet"


def test_database_trouble_does_not_stop_printing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken() -> str | None:
        raise RuntimeError("database is locked")

    out = tmp_path / "plain.pdf"
    assert run(broken, "blank-sign-in", "--out", str(out)) == 0
    assert "--group" in capsys.readouterr().err
    assert out.exists()


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["--rows", "0"], "--rows: Number of rows must be from 1 to 500"),
        (["--rows", "many"], "--rows must be a whole number"),
        (["--title", "x" * 200], "--title: Title is too long"),
    ],
)
def test_bad_input_is_one_clear_line_and_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], expected: str
) -> None:
    out = tmp_path / "bad.pdf"
    assert run(lambda: "G", "blank-sign-in", *argv, "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert expected in err
    assert err.count("\n") == 1
    assert not out.exists()


def test_unknown_sheet_lists_the_known_ones(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(lambda: "G", "attendance", "--out", str(tmp_path / "a.pdf")) == 2
    assert "blank-sign-in" in capsys.readouterr().err


def test_missing_folder_is_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(lambda: "G", "blank-sign-in", "--out", str(tmp_path / "nope" / "a.pdf")) == 2
    assert "does not exist" in capsys.readouterr().err


def test_replaces_an_existing_file(tmp_path: Path) -> None:
    out = tmp_path / "sheet.pdf"
    out.write_bytes(b"old")
    assert run(lambda: "G", "blank-sign-in", "--out", str(out)) == 0
    assert out.read_bytes().startswith(b"%PDF")


def test_runs_without_loading_qt(tmp_path: Path) -> None:
    out = tmp_path / "headless.pdf"
    script = textwrap.dedent(
        f"""
        import argparse, sys
        from involve_desktop.cli_print import add_print_parser, run_print
        parser = argparse.ArgumentParser()
        add_print_parser(parser.add_subparsers(dest="command"))
        code = run_print(parser.parse_args(["print", "blank-sign-in", "--out", {str(out)!r}]),
                         lambda: "G")
        assert not any(name.startswith("PySide6") for name in sys.modules), "Qt was loaded"
        sys.exit(code)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert out.exists()


def test_a_name_the_console_cannot_show_does_not_end_in_a_traceback(tmp_path: Path) -> None:
    """Windows gives piped output its ANSI code page, which has no "Ł": the sheet is saved
    and the command says so (the letter escaped) instead of failing after its work."""
    out = tmp_path / "Łódź" / "sheet.pdf"
    out.parent.mkdir()
    env = {**os.environ, "PYTHONIOENCODING": "cp1252", "QT_QPA_PLATFORM": "offscreen"}
    env["INVOLVE_DATA_DIR"] = str(tmp_path / "data")
    args = ["print", "blank-sign-in", "--venue", "Łódź Hall", "--out", str(out)]
    command = [sys.executable, "-m", "involve_desktop", *args]
    result = subprocess.run(command, capture_output=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr.decode("cp1252", "replace")
    assert out.read_bytes().startswith(b"%PDF")
    assert "\\u0141ód\\u017a" in result.stdout.decode("cp1252")


# -- sheets of members: --user, INVOLVE_PASSWORD, the database -------------------------------


@pytest.fixture
def member_db(database_url, session, coordinator) -> str:
    """A database with the test group in it; its URL."""
    seed_group(session, coordinator)
    session.close()
    return database_url


def main(*argv: str) -> int:
    from involve_desktop import cli

    return cli.main(list(argv))


def test_member_sheet_signs_in_with_the_password_from_the_environment(
    member_db, tmp_path: Path, monkeypatch, capsys, engine
) -> None:
    monkeypatch.setenv("INVOLVE_PASSWORD", COORDINATOR_PASSWORD)
    out = tmp_path / "contacts.pdf"
    argv = ["--database", member_db, "print", "contact-list", "--user", "sam", "--out", str(out)]
    code = main(*argv, "--privacy", "full", "--role", "Peer supporter")
    assert code == 0, capsys.readouterr().err
    lines = page_lines(out.read_bytes())[0]
    assert lines[:2] == ["Riverside Voices", "Contact list"]  # group name from the database
    assert "Zoë Adams" in lines and "Mo Brown" not in lines
    with engine.connect() as conn:
        actions = conn.scalars(select(AuditEntry.action).order_by(AuditEntry.id)).all()
    assert actions[-3:] == ["sign-in", "print", "sign-out"]


def test_contact_list_search_and_consent_due_from_the_command_line(
    member_db, tmp_path: Path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("INVOLVE_PASSWORD", COORDINATOR_PASSWORD)
    out = tmp_path / "contacts.pdf"
    argv = ["--database", member_db, "print", "contact-list", "--user", "sam", "--out", str(out)]
    assert main(*argv, "--privacy", "full", "--search", "brown", "--consent-due") == 0, (
        capsys.readouterr().err
    )
    lines = page_lines(out.read_bytes())[0]
    assert "Mo Brown" in lines and "Zoë Adams" not in lines
    assert "Active members · matching “brown” · consent review due · 1 person" in lines


def test_training_and_summary_print_headless_too(member_db, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("INVOLVE_PASSWORD", COORDINATOR_PASSWORD)
    for sheet, title in (
        ("training-due", "Training due or expired"),
        ("members-summary", "Members summary"),
    ):
        out = tmp_path / f"{sheet}.pdf"
        args = ["--database", member_db, "print", sheet, "--user", "sam", "--out", str(out)]
        assert main(*args) == 0
        assert page_lines(out.read_bytes())[0][:2] == ["Riverside Voices", title]


def test_member_sheet_needs_a_user(member_db, tmp_path, capsys) -> None:
    out = tmp_path / "c.pdf"
    assert main("--database", member_db, "print", "training-due", "--out", str(out)) == 2
    assert "needs an account: add --user USERNAME" in capsys.readouterr().err
    assert not out.exists()


def test_no_password_and_no_terminal_is_refused(member_db, tmp_path, monkeypatch, capsys):
    monkeypatch.delenv("INVOLVE_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    args = ["--database", member_db, "print", "training-due", "--user", "sam"]
    assert main(*args, "--out", str(tmp_path / "c.pdf")) == 2
    assert "set the INVOLVE_PASSWORD environment variable" in capsys.readouterr().err


def test_in_a_terminal_the_password_is_asked_for(member_db, tmp_path, monkeypatch) -> None:
    import involve_desktop.cli_print as cli_print

    monkeypatch.delenv("INVOLVE_PASSWORD", raising=False)
    monkeypatch.setattr(cli_print.sys, "stdin", _Terminal())
    asked: list[str] = []
    monkeypatch.setattr(
        cli_print.getpass, "getpass", lambda prompt: asked.append(prompt) or COORDINATOR_PASSWORD
    )
    out = tmp_path / "s.pdf"
    args = ["--database", member_db, "print", "members-summary", "--user", "sam"]
    assert main(*args, "--out", str(out)) == 0
    assert asked == ["Password for sam: "]


class _Terminal:
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    ("user", "password", "expected"),
    [
        ("sam", "wrong password", "do not match an account"),
        ("fran", "tuesday group", "cannot print contact lists"),
    ],
)
def test_wrong_password_or_not_allowed_is_one_clear_line(
    member_db, session, coordinator, tmp_path, monkeypatch, capsys, user, password, expected
) -> None:
    facilitator(session, coordinator)
    monkeypatch.setenv("INVOLVE_PASSWORD", password)
    out = tmp_path / "c.pdf"
    args = ["--database", member_db, "print", "contact-list", "--user", user, "--out", str(out)]
    assert main(*args) == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1
    assert not out.exists()


def test_missing_database_file_is_not_created(tmp_path, monkeypatch, capsys) -> None:
    monkeypatch.setenv("INVOLVE_PASSWORD", "x")
    db = tmp_path / "none.sqlite3"
    args = ["--database", f"sqlite:///{db}", "print", "training-due", "--user", "sam"]
    assert main(*args, "--out", str(tmp_path / "t.pdf")) == 2
    assert "there is no database at" in capsys.readouterr().err
    after = ["print", "training-due", "--user", "sam", "--database", f"sqlite:///{db}"]
    assert main(*after, "--out", str(tmp_path / "t.pdf")) == 2
    assert f"there is no database at {db}" in capsys.readouterr().err
    assert not db.exists()
    assert not db.exists()


def test_options_a_sheet_does_not_use_are_refused(tmp_path, capsys) -> None:
    assert (
        run(lambda: "G", "blank-sign-in", "--role", "Staff", "--out", str(tmp_path / "a.pdf")) == 2
    )
    assert "blank-sign-in does not use --role" in capsys.readouterr().err
    assert (
        run(lambda: "G", "members-summary", "--search", "x", "--out", str(tmp_path / "b.pdf")) == 2
    )
    assert "members-summary does not use --search" in capsys.readouterr().err


def test_member_sheet_runs_without_loading_qt(member_db, tmp_path: Path) -> None:
    out = tmp_path / "headless.pdf"
    script = textwrap.dedent(
        f"""
        import sys
        from involve_desktop import cli
        code = cli.main(["--database", {member_db!r}, "print", "training-due",
                         "--user", "sam", "--out", {str(out)!r}])
        assert not any(name.startswith("PySide6") for name in sys.modules), "Qt was loaded"
        sys.exit(code)
        """
    )
    env = {**os.environ, "INVOLVE_PASSWORD": COORDINATOR_PASSWORD}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr
    assert out.exists()


# -- leadership programme sheets: --cohort, --session ------------------------------------------


@pytest.fixture
def cohort_db(database_url, session, coordinator) -> str:
    """A database with a finished cohort (Zoë Ní Bhriain graduated); its URL."""
    seed_cohort(session, coordinator)
    session.close()
    return database_url


def test_certificate_and_register_print_from_the_command_line(
    cohort_db, tmp_path, monkeypatch, capsys
) -> None:
    monkeypatch.setenv("INVOLVE_PASSWORD", COORDINATOR_PASSWORD)
    base = ["--database", cohort_db, "print"]
    out = tmp_path / "certificates.pdf"
    assert (
        main(*base, "certificate", "--user", "sam", "--cohort", "Cohort 4", "--out", str(out)) == 0
    )
    text = "\n".join(page_lines(out.read_bytes())[0])
    assert ZOE in text and "Peer Leadership Programme" in text and "10 March 2026" in text
    register = tmp_path / "register.pdf"
    argv = ["cohort-register", "--user", "sam", "--cohort", "Peer Leadership Programme, Cohort 4"]
    assert main(*base, *argv, "--session", "2", "--out", str(register)) == 0, capsys.readouterr()
    lines = page_lines(register.read_bytes())[0]
    assert "Session 2: Our stories" in lines and "Zoë B." in lines  # first name and initial


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (
            ["certificate", "--cohort", "Cohort 9"],
            "--cohort: No cohort called 'Cohort 9'. Choose one of: Peer Leadership Programme, "
            "Cohort 4 (number 1).",
        ),
        (["cohort-summary"], "--cohort: Say which cohort: its name (e.g. Cohort 3) or number."),
        (
            ["cohort-register", "--cohort", "1", "--session", "12"],
            "--session: Cohort 4 has sessions 1 to 10, so there is no session 12.",
        ),
        (
            ["certificate", "--cohort", "1", "--person", "Ben Okafor"],
            "--person: Ben Okafor has not graduated from Cohort 4 (enrolled)",
        ),
        (
            ["certificate", "--cohort", "1", "--privacy", "initials"],
            "certificate prints each name in full, as the person wants it, so it does not use "
            "--privacy.",
        ),
        (["certificate", "--cohort", "1", "--session", "2"], "certificate does not use --session"),
        (
            ["certificate", "--cohort", "1", "--large-print"],
            "certificate is always A4 landscape with large text; it does not use --large-print",
        ),
        (["cohort-summary", "--cohort", "1", "--person", "Zoë"], "does not use --person"),
    ],
)
def test_bad_cohort_input_is_one_clear_line(
    cohort_db, tmp_path, monkeypatch, capsys, argv, expected
) -> None:
    monkeypatch.setenv("INVOLVE_PASSWORD", COORDINATOR_PASSWORD)
    out = tmp_path / "c.pdf"
    code = main("--database", cohort_db, "print", *argv, "--user", "sam", "--out", str(out))
    assert code == 2
    err = capsys.readouterr().err
    assert expected in err and err.count("\n") == 1
    assert not out.exists()


def test_a_facilitator_not_linked_to_the_cohort_is_refused(
    cohort_db, session, coordinator, tmp_path, monkeypatch, capsys
) -> None:
    facilitator(session, coordinator)
    session.close()
    monkeypatch.setenv("INVOLVE_PASSWORD", "tuesday group")
    out = tmp_path / "c.pdf"
    argv = ["--database", cohort_db, "print", "cohort-register", "--user", "fran", "--cohort", "1"]
    assert main(*argv, "--out", str(out)) == 2
    err = capsys.readouterr().err
    assert "Your account is not one of those running Cohort 4" in err
    assert not out.exists()
