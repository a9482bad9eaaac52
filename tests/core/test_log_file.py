"""The log file: opened plainly before the first window, then capped in size on the same file."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from logging.handlers import RotatingFileHandler
from pathlib import Path

import pytest

from involve_desktop import paths, startup_file


@pytest.fixture
def log_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setenv("INVOLVE_DATA_DIR", str(tmp_path))
    root = logging.getLogger()
    before, level = list(root.handlers), root.level
    yield paths.logs_dir()
    for handler in root.handlers:
        if handler not in before:
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)


def _ours() -> list[logging.FileHandler]:
    log_file = str(paths.log_file())
    return [
        h
        for h in logging.getLogger().handlers
        if isinstance(h, logging.FileHandler) and h.baseFilename == log_file
    ]


def test_plain_first_then_capped_on_the_same_file(log_dir: Path) -> None:
    startup_file.setup_logging(cap_size=False)
    startup_file.setup_logging(cap_size=False)  # a second call adds nothing
    assert [type(h) for h in _ours()] == [logging.FileHandler]
    logging.getLogger("involve_desktop.test").warning("before the cap")

    startup_file.cap_log_size()
    startup_file.cap_log_size()
    (handler,) = _ours()
    assert isinstance(handler, RotatingFileHandler)
    assert handler.maxBytes == startup_file.LOG_MAX_BYTES
    logging.getLogger("involve_desktop.test").warning("after the cap")
    handler.flush()
    text = paths.log_file().read_text()
    assert "before the cap" in text and "after the cap" in text


def test_a_log_over_the_cap_is_rolled_over(log_dir: Path) -> None:
    paths.log_file().write_text("x" * (startup_file.LOG_MAX_BYTES + 10))
    startup_file.setup_logging(cap_size=False)
    startup_file.cap_log_size()
    logging.getLogger("involve_desktop.test").warning("a new line")
    _ours()[0].flush()
    assert "a new line" in paths.log_file().read_text()
    assert paths.log_file().stat().st_size < 1000
    assert (log_dir / "involve-desktop.log.1").stat().st_size > startup_file.LOG_MAX_BYTES


def test_capped_from_the_start_for_commands(log_dir: Path) -> None:
    startup_file.setup_logging()
    assert [type(h) for h in _ours()] == [RotatingFileHandler]
