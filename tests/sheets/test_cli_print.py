"""``involve-desktop print``: headless PDFs from the command line, clear errors for bad input."""

from __future__ import annotations

import argparse
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest

from involve_desktop.cli_print import add_print_parser, run_print
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
