; NSIS script: a per-user Windows installer for the PyInstaller one-folder build.
;
; 1. On Windows, from the repository root, build the folder with the same spec as Linux:
;        uv sync --group build
;        uv run --group build pyinstaller --noconfirm --clean packaging\involve-desktop.spec
;    This makes dist\involve-desktop\ with involve-desktop.exe (windowed) and
;    involve-desktop-cli.exe (console: print, migrate, --version).
; 2. Compile this script with NSIS 3 (https://nsis.sourceforge.io, or Debian's `nsis`):
;        makensis packaging\windows\involve-desktop.nsi                          (Windows)
;        makensis -DBUILD_DIR=/path/to/involve-desktop packaging/windows/involve-desktop.nsi
;                                                                               (Linux)
;    The installer is written to dist\installer\InvolveDesktop-<version>-setup.exe.
;    -DAPP_VERSION=0.2.0 sets another version (the default is the app's __version__),
;    -DOUT_DIR=folder another output folder.
;
; It installs for the current user only (no administrator rights, as on most charity
; laptops) into %LOCALAPPDATA%\Programs\Involve Desktop, with a Start menu shortcut, an
; optional desktop shortcut and an uninstaller in Settings > Apps. Installing over an older
; version replaces the program. Uninstalling removes the program only: the group's data in
; %LOCALAPPDATA%\Involve\involve-desktop stays. /S installs or uninstalls without questions.

Unicode true
; The program is 64-bit only (PySide6), so the installer is too: no 32-bit registry or
; folder redirection to think about.
Target amd64-unicode

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

; ---------------------------------------------------------------------------------------
; Defines (override with -DNAME=value)
; ---------------------------------------------------------------------------------------

!ifndef APP_VERSION
  ; The app's own version, read from involve_desktop/__init__.py.
  !searchparse /file "${__FILEDIR__}/../../involve_desktop/__init__.py" \
    '__version__ = "' APP_VERSION '"'
!endif
; The repository's dist\ folder, wherever makensis is started from.
!ifdef NSIS_WIN32_MAKENSIS
  !define /ifndef BUILD_DIR "${__FILEDIR__}\..\..\dist\involve-desktop"
  !define /ifndef OUT_DIR "${__FILEDIR__}\..\..\dist\installer"
!else
  !define /ifndef BUILD_DIR "${__FILEDIR__}/../../dist/involve-desktop"
  !define /ifndef OUT_DIR "${__FILEDIR__}/../../dist/installer"
!endif

!define APP_NAME "Involve Desktop"
!define APP_EXE "involve-desktop.exe"
!define APP_PUBLISHER "Involve"
; Keep the same in every version, so an upgrade finds and replaces the old one.
!define APP_ID "InvolveDesktop"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define UNINSTALLER "Uninstall Involve Desktop.exe"
!define DATA_DIR "$LOCALAPPDATA\Involve\involve-desktop"

!if ! /FileExists "${BUILD_DIR}\${APP_EXE}"
  !error "No ${APP_EXE} in ${BUILD_DIR}: build the program folder first (packaging/README.md)"
!endif

; ---------------------------------------------------------------------------------------
; General
; ---------------------------------------------------------------------------------------

Name "${APP_NAME}"
!ifdef NSIS_WIN32_MAKENSIS
  !system 'if not exist "${OUT_DIR}" mkdir "${OUT_DIR}"'
!else
  !system 'mkdir -p "${OUT_DIR}"'
!endif
OutFile "${OUT_DIR}\InvolveDesktop-${APP_VERSION}-setup.exe"
BrandingText "${APP_NAME} ${APP_VERSION}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
; An upgrade goes where the last version went, even if the person chose another folder.
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
SetCompressor /SOLID lzma
ManifestDPIAware true
ShowInstDetails hide
ShowUninstDetails hide

; ---------------------------------------------------------------------------------------
; Pages (Modern UI 2)
; ---------------------------------------------------------------------------------------

!define MUI_ICON "${__FILEDIR__}\involve-desktop.ico"
!define MUI_UNICON "${__FILEDIR__}\involve-desktop.ico"
!define MUI_ABORTWARNING
!define MUI_ABORTWARNING_TEXT "Stop installing ${APP_NAME}?"
!define MUI_UNABORTWARNING
!define MUI_UNABORTWARNING_TEXT "Stop removing ${APP_NAME}?"
; The app's icon on its own blue, beside the welcome and finish pages (164 x 314).
!define MUI_WELCOMEFINISHPAGE_BITMAP "${__FILEDIR__}\welcome.bmp"
!define MUI_UNWELCOMEFINISHPAGE_BITMAP "${__FILEDIR__}\welcome.bmp"

!define MUI_WELCOMEPAGE_TITLE "Install ${APP_NAME} ${APP_VERSION}"
!define MUI_WELCOMEPAGE_TEXT "This puts ${APP_NAME} on this computer for you. You do not \
  need administrator rights.$\r$\n$\r$\nIf ${APP_NAME} is open, close it first.$\r$\n$\r$\n\
  Installing over an older version replaces the program and keeps your group's data."
!insertmacro MUI_PAGE_WELCOME

!define MUI_PAGE_HEADER_TEXT "Shortcuts"
!define MUI_PAGE_HEADER_SUBTEXT "Where you can start ${APP_NAME} from."
!define MUI_COMPONENTSPAGE_TEXT_TOP "The Start menu shortcut is always added. Tick the \
  desktop shortcut if you want one as well."
!define MUI_COMPONENTSPAGE_TEXT_COMPLIST "Install:"
!define MUI_COMPONENTSPAGE_NODESC
!insertmacro MUI_PAGE_COMPONENTS

!define MUI_DIRECTORYPAGE_TEXT_TOP "${APP_NAME} will be installed in this folder. The \
  usual one is fine; choose another only if you need to."
!insertmacro MUI_PAGE_DIRECTORY

!insertmacro MUI_PAGE_INSTFILES

!define MUI_FINISHPAGE_TITLE "${APP_NAME} is installed"
!define MUI_FINISHPAGE_TEXT "You can start it from the Start menu.$\r$\n$\r$\nTo remove it \
  later, use Settings > Apps."
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Run ${APP_NAME}"
!insertmacro MUI_PAGE_FINISH

!define MUI_WELCOMEPAGE_TITLE "Remove ${APP_NAME}"
!define MUI_WELCOMEPAGE_TEXT "This removes the ${APP_NAME} program from this computer.\
  $\r$\n$\r$\nYour group's data is NOT removed: members, rota, meetings and their backups \
  stay in this folder:$\r$\n$\r$\n${DATA_DIR}$\r$\n$\r$\nDelete that folder yourself only if \
  no one needs them any more.$\r$\n$\r$\nIf ${APP_NAME} is open, close it first."
!insertmacro MUI_UNPAGE_WELCOME
!define MUI_UNCONFIRMPAGE_TEXT_TOP "Only the program is removed. Your group's data stays."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE "${APP_NAME} is removed"
!define MUI_FINISHPAGE_TEXT "The program is gone. Your group's data is still in this \
  folder:$\r$\n$\r$\n${DATA_DIR}"
!insertmacro MUI_UNPAGE_FINISH

!insertmacro MUI_LANGUAGE "English"

; ---------------------------------------------------------------------------------------
; Install
; ---------------------------------------------------------------------------------------

Section "${APP_NAME} (always)" SecProgram
  SectionIn RO
  ; Upgrade: the old version's libraries go first, so nothing it shipped is left behind.
  RMDir /r "$INSTDIR\_internal"
  SetOutPath "$INSTDIR"
  File /r "${BUILD_DIR}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortcut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" \
    "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "Members, rota, panels, meetings and sign-in sheets"

  ; Settings > Apps
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${APP_VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${APP_PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\${UNINSTALLER}"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\${UNINSTALLER}" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section /o "A desktop shortcut" SecDesktop
  CreateShortcut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" \
    "$INSTDIR\${APP_EXE}" 0 SW_SHOWNORMAL "" "Members, rota, panels, meetings and sign-in sheets"
SectionEnd

; ---------------------------------------------------------------------------------------
; Uninstall: the program only, never the group's data folder
; ---------------------------------------------------------------------------------------

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  ; Only what the installer put there, in case the folder was chosen by hand and holds
  ; other things; the folder itself goes only when that leaves it empty.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\involve-desktop.exe"
  Delete "$INSTDIR\involve-desktop-cli.exe"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
