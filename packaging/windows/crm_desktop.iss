; Inno Setup 6 script of the CRM Desktop installer for Windows (per-user or all-users).
;
; Build on Windows after `py run.py package` has made dist\crm-desktop\:
;   iscc /DAppVersion=0.1.0 packaging\windows\crm_desktop.iss
; run.py passes the version from crm_desktop.__version__; without /DAppVersion the version is
; read from the built program's version resource. The result is
; dist\CRM-Desktop-<version>-setup.exe. The icon is rendered from resources\crm-desktop.svg
; into build\icons\ by packaging\make_icons.py.

#define AppName "CRM Desktop"
#define AppExe "CRM Desktop.exe"
#define CliExe "crm-desktop.exe"
#ifndef AppVersion
  #define AppVersion GetVersionNumbersString("..\..\dist\crm-desktop\" + AppExe)
#endif

[Setup]
AppId={{6F1B8E2A-4C7D-4E55-9B1A-2D3C4E5F6A7B}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-user install by default (no administrator needed); all users when chosen.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=CRM-Desktop-{#AppVersion}-setup
SetupIconFile=..\..\build\icons\crm-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; The database files live in the user's data folder and are never touched by the uninstaller.

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Inno Setup's unofficial Chinese messages: download ChineseSimplified.isl and
; ChineseTraditional.isl from jrsoftware.org/files/istrans/ into the compiler's Languages folder.
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "chinesetraditional"; MessagesFile: "compiler:Languages\ChineseTraditional.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\crm-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{group}\{cm:UninstallProgram,{#AppName}}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
