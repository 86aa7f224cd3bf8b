; Inno Setup 6 script for the Windows installer, built by .github/workflows/dist.yml after PyInstaller:
;   iscc /DAppVersion=0.1.0 packaging\qundesk.iss      ->  dist\QunDesk-0.1.0-windows-x64-setup.exe
; It installs the one-folder application (dist\qundesk) for the current user, no administrator needed
; (an administrator may choose all users), with a Start menu entry. The workspace and backups live in the
; user's data folder, not here, so uninstalling never deletes data. Kept ASCII-only on purpose.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\dist\qundesk"
#endif

[Setup]
AppId={{56733817-0AE4-4AC3-8EFB-4AE9DAF1FEE1}
AppName=QunDesk
AppVersion={#AppVersion}
AppVerName=QunDesk {#AppVersion}
AppPublisher=QunDesk
DefaultDirName={autopf}\QunDesk
DefaultGroupName=QunDesk
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
UninstallDisplayIcon={app}\qundesk.exe
OutputDir=..\dist
OutputBaseFilename=QunDesk-{#AppVersion}-windows-x64-setup
Compression=lzma2
SolidCompression=yes
WizardStyle=modern

[Languages]
; Chinese first (the app's default language) when this Inno Setup ships the translation
#ifexist AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; an update replaces the whole bundle: files an older version had and this one dropped must not linger
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\QunDesk"; Filename: "{app}\qundesk.exe"
Name: "{autodesktop}\QunDesk"; Filename: "{app}\qundesk.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\qundesk.exe"; Description: "{cm:LaunchProgram,QunDesk}"; Flags: nowait postinstall skipifsilent
