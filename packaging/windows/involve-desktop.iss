; Inno Setup script: a per-user installer for the PyInstaller one-folder build on Windows.
;
; 1. On Windows, from the repository root, build the folder with the same spec as Linux:
;        uv sync --group build
;        uv run --group build pyinstaller --noconfirm --clean packaging\involve-desktop.spec
;    This makes dist\involve-desktop\ with involve-desktop.exe (windowed) and
;    involve-desktop-cli.exe (console: print, migrate, --version).
; 2. Compile this script with Inno Setup 6 (https://jrsoftware.org/isinfo.php):
;        "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" packaging\windows\involve-desktop.iss
;    The installer is written to dist\installer\InvolveDesktop-<version>-setup.exe.
;    Pass /DAppVersion=0.2.0 to ISCC to set a different version.
;
; It installs for the current user only (no administrator rights needed, as on most charity
; laptops) into %LOCALAPPDATA%\Programs\Involve Desktop, with a Start menu shortcut, an
; optional desktop shortcut and an uninstaller in Settings > Apps. Uninstalling removes the
; program only: the group's data in %LOCALAPPDATA%\Involve\involve-desktop stays.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Involve Desktop"
#define AppExe "involve-desktop.exe"
#define BuildDir "..\..\dist\involve-desktop"

[Setup]
; Keep AppId the same in every version so upgrades replace the old one.
AppId={{6F3C2A8E-1D4B-4E7A-9C55-2B8E7F10A4D3}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Involve
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=InvolveDesktop-{#AppVersion}-setup
SetupIconFile=involve-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BuildDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; Files of an older version that this one no longer ships.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Members, rota, panels, meetings and sign-in sheets"
Name: "{group}\Uninstall {#AppName}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
