# Build the Windows installer in one command, from the checkout, in PowerShell:
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
#
# Needs Python 3.11 (python.org, "py" launcher) and Inno Setup 6 (iscc.exe on PATH or in its
# default folder). Writes dist\zorgkoppel-<version>-setup.exe.
$ErrorActionPreference = "Stop"
$root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $root
if (-not (Test-Path ".venv-win")) { py -3.11 -m venv .venv-win }
& .venv-win\Scripts\python -m pip install --quiet --upgrade pip
& .venv-win\Scripts\python -m pip install --quiet . pyinstaller
& .venv-win\Scripts\pyinstaller --noconfirm --distpath dist --workpath build installer\zorgkoppel.spec
& dist\zorgkoppel\zorgkoppel.exe --version
$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc installer\windows\zorgkoppel.iss
