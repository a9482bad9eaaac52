"""The data folder is where platformdirs says, though Linux finds it without platformdirs."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from platformdirs import user_data_dir

from involve_desktop import paths


@pytest.mark.parametrize(
    "xdg_data_home",
    [None, "", "relative/share", "/srv/people/share", "/srv/people/share/"],
    ids=["unset", "empty", "relative (ignored)", "absolute", "trailing slash"],
)
def test_data_dir_is_platformdirs_user_data_dir(
    xdg_data_home: str | None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("INVOLVE_DATA_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    if xdg_data_home is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg_data_home)
    expected = Path(user_data_dir(paths.APP_DIR_NAME, paths.APP_AUTHOR))
    assert paths._user_data_dir() == expected  # noqa: SLF001 - the rule itself, no folder made


def test_linux_home_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not sys.platform.startswith("linux"):
        pytest.skip("the XDG rule is Linux's")
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    assert paths._user_data_dir() == tmp_path / ".local/share/involve-desktop"  # noqa: SLF001


def test_override_moves_the_whole_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INVOLVE_DATA_DIR", str(tmp_path / "portable"))
    assert paths.data_dir() == tmp_path / "portable"
    assert paths.data_dir().is_dir()
    assert paths.default_database_path() == tmp_path / "portable" / paths.DATABASE_FILE
