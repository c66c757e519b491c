; Inno Setup 6 script: a per-user Windows installer for the PyInstaller folder dist\consentinel.
; Build with packaging\windows\build.ps1 (which passes /DAppVersion=... and /DIconFile=..., the .ico
; packaging\make_icons.py renders); NOT tested in CI, which runs on Linux only. See
; packaging\README.md.

#ifndef AppVersion
  #error Pass the version: ISCC.exe /DAppVersion=0.1.0 consentinel.iss
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\consentinel"
#endif

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{F469E82B-BBC2-415E-9F16-992304A59485}
AppName=Consentinel
AppVersion={#AppVersion}
AppPublisher=Consentinel developers
AppPublisherURL=https://github.com/consentinel/consentinel
DefaultDirName={autopf}\Consentinel
DefaultGroupName=Consentinel
DisableProgramGroupPage=yes
; Per-user by default (no administrator needed); an administrator may choose all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
LicenseFile=..\..\LICENSE
OutputDir=..\..\dist
OutputBaseFilename=Consentinel-{#AppVersion}-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern
UninstallDisplayIcon={app}\consentinel-gui.exe
UninstallDisplayName=Consentinel
#ifdef IconFile
SetupIconFile={#IconFile}
#endif

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An update installs over the previous version: PyInstaller's folder of libraries is emptied
; first, so that a file the new version no longer ships (an older Qt plugin, a Python module
; renamed) does not stay beside it and get loaded. Only that folder, which is the bundle's own:
; {app} may be a folder the person chose, with their files in it. Their Consentinel data is never
; in {app} (accounts, journal and settings are in %LOCALAPPDATA%\Consentinel, secrets in the
; Credential Manager). The two programs beside it are replaced.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; consentinel-gui.exe is the windowed launcher (no console); the AppUserModelID matches the
; app id the window sets, so notifications and the taskbar group under this shortcut.
Name: "{autoprograms}\Consentinel"; Filename: "{app}\consentinel-gui.exe"; AppUserModelID: "org.consentinel.Consentinel"
Name: "{autodesktop}\Consentinel"; Filename: "{app}\consentinel-gui.exe"; AppUserModelID: "org.consentinel.Consentinel"; Tasks: desktopicon

[Run]
Filename: "{app}\consentinel-gui.exe"; Description: "{cm:LaunchProgram,Consentinel}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
; The scheduled check and the start-at-login entry point at this folder: remove them first.
; Accounts, journal and keyring entries are the person's data and stay.
Filename: "{app}\consentinel.exe"; Parameters: "schedule remove --login-item"; Flags: runhidden waituntilterminated; RunOnceId: "RemoveSchedule"
