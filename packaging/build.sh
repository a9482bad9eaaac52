#!/usr/bin/env bash
# Build the PyInstaller one-folder app on Linux: dist/involve-desktop/involve-desktop.
#
#   bash packaging/build.sh          # from anywhere; works from the repository root
#
# PyInstaller comes from the `build` dependency group (pyproject.toml), installed into the
# project's .venv only when packaging: `uv run pytest` and CI's `uv sync` do not fetch it.
# Prints the build time, the folder's size and the start time of `--version` at the end.
set -euo pipefail

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
BUILD_SECONDS=$((SECONDS - START))

APP="dist/involve-desktop/involve-desktop"
[[ -x $APP ]] || { echo "build.sh: $APP was not made" >&2; exit 1; }

T0=$(date +%s.%N)
VERSION="$(QT_QPA_PLATFORM=offscreen "$APP" --version)"
T1=$(date +%s.%N)
echo
echo "Built $APP ($VERSION)"
echo "  build time:          ${BUILD_SECONDS}s"
echo "  folder size:         $(du -sh dist/involve-desktop | cut -f1)"
echo "  --version start:     $(python3 -c "print(f'{$T1 - $T0:.2f}s')")"
