; Inno Setup 6 script of the zorgkoppel installer for Windows.
;
; Installs per user, without administrator rights, under %LOCALAPPDATA%\Programs\zorgkoppel,
; with a start-menu entry and (when chosen) a desktop icon. Uninstalling removes the program
; only: the data folder (%APPDATA%\zorgkoppel, or the one chosen with --data-dir) and its
; backups stay, and the uninstaller says so. An installer of a newer version over an older
; one (the same AppId) replaces the program files and keeps the data; the program itself
; backs the database up before it changes its structure.
;
; Build (on Windows, from the checkout, in one command): see build.ps1 beside this file.
; tests/installer/test_windows_installer.py checks this script's sections, paths and version.

#define AppName "zorgkoppel"
#define AppVersion "0.1.0"
#define AppPublisher "zorgkoppel"
#define AppExe "zorgkoppel.exe"

[Setup]
; Never change the AppId: it is how a newer installer finds the installed version.
AppId={{6C1F3E2A-7B4D-4E8A-9C55-2B9E1D7A4F10}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppPublisher}
VersionInfoVersion={#AppVersion}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription=zorgkoppel installer
VersionInfoCompany={#AppPublisher}
PrivilegesRequired=lowest
DefaultDirName={userpf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
CloseApplications=yes
RestartApplications=no
SetupIconFile=..\..\src\zorgkoppel\resources\zorgkoppel.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir=..\..\dist
OutputBaseFilename=zorgkoppel-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ShowLanguageDialog=auto

[Languages]
Name: "nl"; MessagesFile: "compiler:Languages\Dutch.isl"
Name: "fr"; MessagesFile: "compiler:Languages\French.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
nl.DataKept=zorgkoppel is verwijderd. Uw gegevens en back-ups zijn bewaard in %1 (verwijder die map zelf als u ze niet meer nodig hebt).
fr.DataKept=zorgkoppel a été désinstallé. Vos données et sauvegardes sont conservées dans %1 (supprimez ce dossier vous-même si vous n'en avez plus besoin).
en.DataKept=zorgkoppel was removed. Your data and backups are kept in %1 (remove that folder yourself when you no longer need it).
nl.DesktopIcon=Een pictogram op het &bureaublad
fr.DesktopIcon=Une icône sur le &bureau
en.DesktopIcon=A &desktop icon

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
; The PyInstaller bundle (pyinstaller installer\zorgkoppel.spec writes dist\zorgkoppel).
Source: "..\..\dist\zorgkoppel\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the program files whole: nothing of an older version lingers in {app}.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the installer made; the data folder is not named here on purpose.
Type: dirifempty; Name: "{app}"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent() then
    MsgBox(FmtMessage(CustomMessage('DataKept'), [ExpandConstant('{userappdata}\{#AppName}')]),
           mbInformation, MB_OK);
end;
