# Builds dist\consentinel (PyInstaller) and dist\Consentinel-<version>-setup.exe (Inno Setup 6).
# Run from anywhere in PowerShell on Windows 10/11 with Python 3.11+ and Inno Setup 6 installed:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# NOT tested in CI (CI runs on Linux). See packaging\README.md.
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root

$venv = Join-Path $root ".venv-build"
if (-not (Test-Path "$venv\Scripts\python.exe")) { python -m venv $venv }
& "$venv\Scripts\python.exe" -m pip install --upgrade pip
& "$venv\Scripts\python.exe" -m pip install . pyinstaller
if ($LASTEXITCODE -ne 0) { throw "pip install failed" }

& "$venv\Scripts\pyinstaller.exe" --noconfirm --clean packaging\pyinstaller\consentinel.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }

# The bundle says its own version ("consentinel 0.1.0"): the installer uses the same.
$version = (& "dist\consentinel\consentinel.exe" --version).Split(" ")[1]
if (-not $version) { throw "the bundle did not start" }

# setup.exe wears the app's icon (the same .ico the spec gave the programs: every size).
$icons = Join-Path $root "build\icons"
& "$venv\Scripts\python.exe" packaging\make_icons.py $icons | Out-Null
if ($LASTEXITCODE -ne 0) { throw "make_icons.py failed" }
$icon = Join-Path $icons "org.consentinel.Consentinel.ico"

$iscc = Join-Path ${env:ProgramFiles(x86)} "Inno Setup 6\ISCC.exe"
if (-not (Test-Path $iscc)) { throw "Inno Setup 6 is not installed: https://jrsoftware.org/isdl.php" }
& $iscc "/DAppVersion=$version" "/DIconFile=$icon" "packaging\windows\consentinel.iss"
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "Built dist\Consentinel-$version-setup.exe"
