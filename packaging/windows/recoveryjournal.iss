; Inno Setup script: wraps the onedir bundle (dist\RecoveryJournal, from packaging\build.ps1) into an installer.
;   iscc packaging\windows\recoveryjournal.iss      -> dist\RecoveryJournal-setup-<version>.exe
; Installs for everyone (Program Files) when run as admin, e.g. on a drop-in centre PC, or for one user otherwise.
; Journals are never touched by installing, updating or uninstalling.
#define AppVersion GetEnv("RJ_VERSION")
#if AppVersion == ""
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6D7A3E52-2F4B-4B8E-9A55-7C1E0F3B9A21}
AppName=Recovery Journal
AppVersion={#AppVersion}
AppPublisher=Recovery Journal
DefaultDirName={autopf}\Recovery Journal
DefaultGroupName=Recovery Journal
DisableProgramGroupPage=yes
PrivilegesRequiredOverridesAllowed=dialog
OutputDir=..\..\dist
OutputBaseFilename=RecoveryJournal-setup-{#AppVersion}
SetupIconFile=..\..\resources\icons\recoveryjournal.ico
UninstallDisplayIcon={app}\recoveryjournal.exe
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
; Nothing about the people who use it is written to the registry: only the uninstall entry.

[Files]
Source: "..\..\dist\RecoveryJournal\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{autoprograms}\Recovery Journal"; Filename: "{app}\recoveryjournal.exe"
Name: "{autodesktop}\Recovery Journal"; Filename: "{app}\recoveryjournal.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Put Recovery Journal on the desktop"; Flags: unchecked

[Run]
Filename: "{app}\recoveryjournal.exe"; Description: "Start Recovery Journal"; Flags: nowait postinstall skipifsilent
