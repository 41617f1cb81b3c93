# Build the Recovery Journal bundle on Windows from a clean virtual environment.
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1          -> dist\RecoveryJournal\recoveryjournal.exe
#   powershell -ExecutionPolicy Bypass -File packaging\build.ps1 -Check   -> also run its self-test
# Then packaging\windows\recoveryjournal.iss (Inno Setup) wraps dist\RecoveryJournal into an installer.
param([switch]$Check)
$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")
$python = if ($env:PYTHON) { $env:PYTHON } else { "py -3.11" }
$started = Get-Date
Remove-Item -Recurse -Force build\bundle-venv, build\pyinstaller, dist\RecoveryJournal -ErrorAction SilentlyContinue
Invoke-Expression "$python -m venv build\bundle-venv"
& build\bundle-venv\Scripts\python.exe -m pip install --quiet --upgrade pip
& build\bundle-venv\Scripts\python.exe -m pip install --quiet . "pyinstaller>=6.10,<7"
& build\bundle-venv\Scripts\pyinstaller.exe --noconfirm --clean --log-level WARN `
    --workpath build\pyinstaller --distpath dist packaging\recoveryjournal.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
$size = (Get-ChildItem -Recurse dist\RecoveryJournal | Measure-Object -Property Length -Sum).Sum / 1MB
Write-Host ("Built dist\RecoveryJournal in {0:N0} s; {1:N0} MB unpacked." -f ((Get-Date) - $started).TotalSeconds, $size)
if ($Check) {
    $env:QT_QPA_PLATFORM = "offscreen"
    & dist\RecoveryJournal\recoveryjournal.exe --self-test | Out-Host
    if ($LASTEXITCODE -ne 0) { throw "The self-test did not pass" }
}
