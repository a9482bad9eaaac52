#!/usr/bin/env bash
# Install (or remove) the Involve Desktop program folder on Linux, no Python needed.
#
# This script is copied into the built folder (dist/involve-desktop/install.sh) by
# packaging/build.sh. Run it from there:
#
#   ./install.sh                 # for you only: ~/.local/opt, menu entry, icon, `involve-desktop`
#   sudo ./install.sh --system   # for everyone on the laptop: /opt, /usr/local, /usr/share
#   ./install.sh --uninstall     # remove it again (add --system if installed that way)
#
# Your data (the database, backups and logs in ~/.local/share/involve-desktop) is never touched.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
SYSTEM=0
UNINSTALL=0
for arg in "$@"; do
    case $arg in
        --system) SYSTEM=1 ;;
        --uninstall) UNINSTALL=1 ;;
        -h | --help) sed -n '2,12p' "${BASH_SOURCE[0]}"; exit 0 ;;
        *) echo "install.sh: unknown option $arg (try --help)" >&2; exit 2 ;;
    esac
done

if [[ $SYSTEM == 1 ]]; then
    APP_DIR=/opt/involve-desktop
    BIN_DIR=/usr/local/bin
    SHARE=/usr/local/share
else
    DATA_HOME="${XDG_DATA_HOME:-$HOME/.local/share}"
    APP_DIR="$HOME/.local/opt/involve-desktop"
    BIN_DIR="$HOME/.local/bin"
    SHARE="$DATA_HOME"
fi
DESKTOP_ID=org.involve.InvolveDesktop
SIZES=(16 32 48 64 128 256 512)

remove() {
    rm -rf "$APP_DIR"
    rm -f "$BIN_DIR/involve-desktop" "$SHARE/applications/$DESKTOP_ID.desktop" \
        "$SHARE/metainfo/$DESKTOP_ID.metainfo.xml" \
        "$SHARE/icons/hicolor/scalable/apps/involve-desktop.svg"
    for size in "${SIZES[@]}"; do
        rm -f "$SHARE/icons/hicolor/${size}x${size}/apps/involve-desktop.png"
    done
}

refresh_menus() {
    command -v update-desktop-database >/dev/null 2>&1 &&
        update-desktop-database -q "$SHARE/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 &&
        gtk-update-icon-cache -q -t "$SHARE/icons/hicolor" 2>/dev/null || true
}

if [[ $UNINSTALL == 1 ]]; then
    remove
    refresh_menus
    echo "Removed Involve Desktop from $APP_DIR. Your data folder was not touched."
    exit 0
fi

[[ -x $HERE/involve-desktop && -d $HERE/_internal ]] ||
    { echo "install.sh: run me from the built involve-desktop folder" >&2; exit 1; }

remove # an older version's files first
mkdir -p "$APP_DIR" "$BIN_DIR" "$SHARE/applications" "$SHARE/metainfo" \
    "$SHARE/icons/hicolor/scalable/apps"
cp -a "$HERE/." "$APP_DIR/"
ln -s "$APP_DIR/involve-desktop" "$BIN_DIR/involve-desktop"

ICONS="$HERE/_internal/resources/icons"
cp "$ICONS/involve-desktop.svg" "$SHARE/icons/hicolor/scalable/apps/involve-desktop.svg"
for size in "${SIZES[@]}"; do
    mkdir -p "$SHARE/icons/hicolor/${size}x${size}/apps"
    cp "$ICONS/involve-desktop-$size.png" "$SHARE/icons/hicolor/${size}x${size}/apps/involve-desktop.png"
done
# The menu entry runs the installed program by its full path (~/.local/bin may not be on PATH).
sed "s|^Exec=involve-desktop|Exec=$APP_DIR/involve-desktop|" "$HERE/linux/$DESKTOP_ID.desktop" \
    >"$SHARE/applications/$DESKTOP_ID.desktop"
cp "$HERE/linux/$DESKTOP_ID.metainfo.xml" "$SHARE/metainfo/$DESKTOP_ID.metainfo.xml"
refresh_menus

echo "Installed Involve Desktop in $APP_DIR."
echo "Start it from your applications menu, or run: $BIN_DIR/involve-desktop"
