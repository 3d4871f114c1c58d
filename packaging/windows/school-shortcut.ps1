# School mode on Windows: a Start-menu and desktop shortcut that opens the kiosk in an ordinary window, closable
# with its close button, no PIN, no autostart. Run as the user, from the unpacked bundle folder:
#   powershell -ExecutionPolicy Bypass -File school-shortcut.ps1 -Bundle C:\Users\Public\kiosk
param([Parameter(Mandatory)] [string] $Bundle)
$exe = Join-Path (Resolve-Path $Bundle) "kiosk.exe"
$shell = New-Object -ComObject WScript.Shell
foreach ($folder in @([Environment]::GetFolderPath("Desktop"), [Environment]::GetFolderPath("Programs"))) {
    $link = $shell.CreateShortcut((Join-Path $folder "Города трудовой доблести.lnk"))
    $link.TargetPath = $exe
    $link.Arguments = "--windowed --size 1280x800"
    $link.WorkingDirectory = Split-Path $exe
    $link.Save()
}
