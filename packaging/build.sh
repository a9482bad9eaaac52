#!/usr/bin/env bash
# Build the PyInstaller one-folder app on Linux: dist/involve-desktop/involve-desktop.
#
#   bash packaging/build.sh            # from anywhere; works from the repository root
#   bash packaging/build.sh --tarball  # also dist/involve-desktop-VERSION-linux-ARCH.tar.gz
#
# The folder also gets install.sh (menu entry, icons, AppStream metainfo, a command on PATH)
# and linux/ with the desktop entry and metainfo it installs.
#
# PyInstaller comes from the `build` dependency group (pyproject.toml), installed into the
# project's .venv only when packaging: `uv run pytest` and CI's `uv sync` do not fetch it.
# Prints the build time, the folder's size and the start time of `--version` at the end.
set -euo pipefail

TARBALL=0
for arg in "$@"; do
    case $arg in
        --tarball) TARBALL=1 ;;
        *) echo "build.sh: unknown option $arg (only --tarball)" >&2; exit 2 ;;
    esac
done

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export UV_PYTHON_DOWNLOADS="${UV_PYTHON_DOWNLOADS:-never}"
export UV_NO_PROGRESS=1

START=$SECONDS
# --inexact: add PyInstaller without removing anything else in .venv (e.g. the dev group).
uv sync --locked --inexact --group build
rm -rf build/involve-desktop dist/involve-desktop
uv run --locked --group build pyinstaller --noconfirm --clean --log-level WARN \
    --distpath dist --workpath build packaging/involve-desktop.spec

APP="dist/involve-desktop/involve-desktop"
[[ -x $APP ]] || { echo "build.sh: $APP was not made" >&2; exit 1; }
install -m 755 packaging/linux/install.sh dist/involve-desktop/install.sh
mkdir -p dist/involve-desktop/linux
cp packaging/linux/org.involve.InvolveDesktop.desktop \
    packaging/linux/org.involve.InvolveDesktop.metainfo.xml dist/involve-desktop/linux/
BUILD_SECONDS=$((SECONDS - START))

T0=$(date +%s.%N)
VERSION="$(QT_QPA_PLATFORM=offscreen "$APP" --version)"
T1=$(date +%s.%N)
echo
echo "Built $APP ($VERSION)"
echo "  build time:          ${BUILD_SECONDS}s"
echo "  folder size:         $(du -sh dist/involve-desktop | cut -f1)"
echo "  --version start:     $(python3 -c "print(f'{$T1 - $T0:.2f}s')")"
# The folder runs only where glibc is at least as new as the newest symbol any file uses
# (the build machine's libraries are bundled): build on the oldest Linux you support.
if command -v objdump >/dev/null 2>&1; then
    GLIBC="$(find dist/involve-desktop -type f \( -name '*.so*' -o -name involve-desktop \) \
        -exec objdump -T {} + 2>/dev/null | grep -oE 'GLIBC_[0-9]+\.[0-9]+' | sort -Vu |
        tail -n 1 || true)"
    echo "  needs glibc:         ${GLIBC#GLIBC_} or newer"
fi

if [[ $TARBALL == 1 ]]; then
    VERSION_NUMBER="${VERSION##* }"
    TAR="dist/involve-desktop-$VERSION_NUMBER-linux-$(uname -m).tar.gz"
    tar -C dist -czf "$TAR" involve-desktop
    echo "  tarball:             $TAR ($(du -h "$TAR" | cut -f1))"
fi
