"""The NSIS Windows installer script: it agrees with the spec and the app, and it compiles.

Opt-in (``pytest -m packaging``). The version, the program's name, the icon, the data folder
and the folder the script packs must match the app and ``packaging/involve-desktop.spec``;
``makensis`` (Debian's ``nsis``) then compiles the script on Linux from a small stand-in
program folder, with warnings treated as errors. Without ``makensis`` the compile tests skip,
except under CI (``CI=true`` or ``INVOLVE_FROZEN=require``), where they fail.

``compile_installer`` and ``make_stand_in`` are also used by ``test_windows_wine.py``.
"""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from involve_desktop import __version__
from involve_desktop.paths import APP_AUTHOR, APP_DIR_NAME

pytestmark = pytest.mark.packaging

ROOT = Path(__file__).resolve().parents[2]
WINDOWS = ROOT / "packaging" / "windows"
NSI_PATH = WINDOWS / "involve-desktop.nsi"
NSI = NSI_PATH.read_text(encoding="utf-8")
SPEC = (ROOT / "packaging" / "involve-desktop.spec").read_text(encoding="utf-8")
UNINSTALL_KEY = r"Software\Microsoft\Windows\CurrentVersion\Uninstall"
PAYLOAD_BYTES = 96 * 1024


def _define(name: str) -> str:
    found = re.search(rf'^\s*!define (?:/ifndef )?{name} "([^"]+)"', NSI, re.MULTILINE)
    assert found, f"{name} is not defined in the .nsi"
    return found.group(1)


def _uninstall_section() -> str:
    found = re.search(r'^Section "Uninstall"$(.*?)^SectionEnd$', NSI, re.MULTILINE | re.DOTALL)
    assert found, "the .nsi has no uninstall section"
    return found.group(1)


def makensis_or_skip() -> str:
    """The ``makensis`` program; skipped when missing, except under CI where it must exist."""
    found = shutil.which("makensis")
    if found:
        return found
    message = "makensis is not installed (apt-get install nsis)"
    if os.environ.get("CI", "").lower() in ("true", "1") or (
        os.environ.get("INVOLVE_FROZEN") == "require"
    ):
        pytest.fail(f"{message}; CI must compile the Windows installer")
    pytest.skip(message)


def make_stand_in(folder: Path, internal_files: dict[str, bytes]) -> Path:
    """A fake PyInstaller one-folder build: the two programs and ``_internal/`` files."""
    (folder / "_internal").mkdir(parents=True)
    for program in ("involve-desktop.exe", "involve-desktop-cli.exe"):
        (folder / program).write_bytes(b"MZ stand-in for " + program.encode())
    for name, content in internal_files.items():
        (folder / "_internal" / name).write_bytes(content)
    return folder


def compile_installer(
    makensis: str, build_dir: Path | None, out_dir: Path, version: str | None
) -> subprocess.CompletedProcess[str]:
    """Run ``makensis -WX`` on the script with the given defines (None: the script's default)."""
    defines = [f"-DOUT_DIR={out_dir}"]
    if build_dir is not None:
        defines.append(f"-DBUILD_DIR={build_dir}")
    if version is not None:
        defines.append(f"-DAPP_VERSION={version}")
    return subprocess.run(
        [makensis, "-WX", "-NOCONFIG", *defines, str(NSI_PATH)],
        capture_output=True,
        text=True,
        timeout=120,
    )


# --- the script agrees with the app and the spec -------------------------------------


def test_installer_version_defaults_to_the_app_version() -> None:
    found = re.search(r'!searchparse /file "([^"]+)" \\\s*\'__version__ = "\'', NSI)
    assert found, "the .nsi does not read __version__ for its default version"
    source = found.group(1).replace("${__FILEDIR__}", str(WINDOWS))
    assert Path(source).resolve() == ROOT / "involve_desktop" / "__init__.py"
    assert f'__version__ = "{__version__}"' in Path(source).read_text(encoding="utf-8")


def test_installer_packs_the_folder_the_spec_builds() -> None:
    assert 'APP = "involve-desktop"' in SPEC
    assert 'name=f"{APP}-cli"' in SPEC
    assert _define("APP_EXE") == "involve-desktop.exe"
    defaults = re.findall(r'!define /ifndef BUILD_DIR "([^"]+)"', NSI)
    assert len(defaults) == 2  # makensis on Windows, and on Linux
    for default in defaults:
        path = default.replace("${__FILEDIR__}", str(WINDOWS)).replace("\\", "/")
        assert Path(path).resolve() == ROOT / "dist" / "involve-desktop"
    assert 'File /r "${BUILD_DIR}\\*"' in NSI


def test_installer_is_per_user_with_icon_shortcuts_and_uninstaller() -> None:
    assert re.search(r"^RequestExecutionLevel user$", NSI, re.MULTILINE)
    assert re.search(r'^InstallDir "\$LOCALAPPDATA\\Programs\\\$\{APP_NAME\}"$', NSI, re.M)
    assert _define("APP_NAME") == "Involve Desktop"
    assert _define("MUI_ICON") == "${__FILEDIR__}\\involve-desktop.ico"
    assert (WINDOWS / "involve-desktop.ico").read_bytes()[:4] == b"\x00\x00\x01\x00"
    bitmap = (WINDOWS / "welcome.bmp").read_bytes()
    assert _define("MUI_WELCOMEFINISHPAGE_BITMAP") == "${__FILEDIR__}\\welcome.bmp"
    assert bitmap[:2] == b"BM"
    assert struct.unpack_from("<iiHH", bitmap, 18) == (164, 314, 1, 24)  # what MUI shows
    assert 'CreateShortcut "$SMPROGRAMS\\${APP_NAME}.lnk"' in NSI
    # The desktop shortcut is its own section, unticked (/o) unless chosen.
    assert re.search(r'^Section /o "A desktop shortcut"', NSI, re.MULTILINE)
    assert 'MUI_FINISHPAGE_RUN "$INSTDIR\\${APP_EXE}"' in NSI
    for value in (
        "DisplayName",
        "DisplayVersion",
        "Publisher",
        "DisplayIcon",
        "UninstallString",
        "QuietUninstallString",
        "InstallLocation",
        "EstimatedSize",
        "NoModify",
        "NoRepair",
    ):
        assert re.search(rf'WriteReg(?:Str|DWORD) HKCU "\$\{{UNINSTALL_KEY\}}" "{value}"', NSI)
    assert _define("UNINSTALL_KEY") == UNINSTALL_KEY + "\\${APP_ID}"


def test_upgrade_replaces_internal_and_uninstall_leaves_the_data() -> None:
    install = NSI.split('Section "${APP_NAME} (always)" SecProgram', 1)[1].split("SectionEnd", 1)[0]
    assert install.index('RMDir /r "$INSTDIR\\_internal"') < install.index("File /r")
    assert _define("DATA_DIR") == f"$LOCALAPPDATA\\{APP_AUTHOR}\\{APP_DIR_NAME}"
    uninstall = _uninstall_section()
    assert "DATA_DIR" not in uninstall and "$LOCALAPPDATA" not in uninstall
    assert 'RMDir /r "$INSTDIR"' not in uninstall  # never a blind recursive delete
    # The uninstaller's first page says where the data stays.
    pages = NSI.split("MUI_UNPAGE_WELCOME")[0].rsplit("MUI_WELCOMEPAGE_TEXT", 1)[1]
    assert "${DATA_DIR}" in pages


def test_installer_words_are_plain() -> None:
    for word in ("patient", "client", "service user"):
        assert word not in NSI.lower()


# --- makensis compiles it ------------------------------------------------------------


def test_makensis_compiles_the_installer_without_warnings(tmp_path: Path) -> None:
    makensis = makensis_or_skip()
    payload = os.urandom(PAYLOAD_BYTES)  # incompressible: proves the folder is packed
    build = make_stand_in(tmp_path / "involve-desktop", {"base_library.zip": payload})
    out = tmp_path / "dist" / "installer"

    result = compile_installer(makensis, build, out, "9.8.7")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "warning" not in (result.stdout + result.stderr).lower()
    installer = out / "InvolveDesktop-9.8.7-setup.exe"
    assert sorted(p.name for p in out.iterdir()) == [installer.name]
    data = installer.read_bytes()
    assert data[:2] == b"MZ"
    (pe_offset,) = struct.unpack_from("<I", data, 0x3C)
    assert data[pe_offset : pe_offset + 4] == b"PE\x00\x00"
    (machine,) = struct.unpack_from("<H", data, pe_offset + 4)
    assert machine == 0x8664  # a 64-bit installer, like the program
    assert len(data) > PAYLOAD_BYTES


def test_makensis_default_version_is_the_apps(tmp_path: Path) -> None:
    makensis = makensis_or_skip()
    build = make_stand_in(tmp_path / "build", {"base_library.zip": b"x"})

    result = compile_installer(makensis, build, tmp_path / "out", None)

    assert result.returncode == 0, result.stdout + result.stderr
    assert (tmp_path / "out" / f"InvolveDesktop-{__version__}-setup.exe").exists()


def test_makensis_explains_a_missing_program_folder(tmp_path: Path) -> None:
    makensis = makensis_or_skip()
    default = ROOT / "dist" / "involve-desktop"
    if (default / "involve-desktop.exe").exists():
        pytest.skip(f"a Windows build is present in {default}")

    result = compile_installer(makensis, None, tmp_path / "out", "9.8.7")

    assert result.returncode != 0
    output = result.stdout + result.stderr
    message = re.search(r"!error: No involve-desktop\.exe in (.+): build", output)
    assert message, output
    assert Path(message.group(1)).resolve() == default
    assert not (tmp_path / "out" / "InvolveDesktop-9.8.7-setup.exe").exists()
