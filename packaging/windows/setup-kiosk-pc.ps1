# The dedicated kiosk PC (Windows 10/11), run in an elevated PowerShell from the folder holding the bundle:
#   powershell -ExecutionPolicy Bypass -File setup-kiosk-pc.ps1 -Bundle .\dist\kiosk -Database .\kiosk.sqlite
# Untested here (the project is built and tested on Linux); each step is a documented Windows setting.
param(
    [Parameter(Mandatory)] [string] $Bundle,
    [Parameter(Mandatory)] [string] $Database,
    [string] $KioskUser = "kiosk"
)
$ErrorActionPreference = "Stop"
$Exe = "C:\Program Files\LabourValourKiosk\kiosk.exe"

# 1. The program, and the database in the machine's folder (the kiosk's search order finds it there).
Copy-Item -Recurse -Force $Bundle (Split-Path $Exe)
New-Item -ItemType Directory -Force "$env:ProgramData\labour-valour-kiosk" | Out-Null
Copy-Item -Force $Database "$env:ProgramData\labour-valour-kiosk\kiosk.sqlite"

# 2. Never sleep, never blank: monitor, standby and hibernate off on mains power; no screensaver (policy).
powercfg /change monitor-timeout-ac 0
powercfg /change standby-timeout-ac 0
powercfg /change hibernate-timeout-ac 0
powercfg /hibernate off
$policy = "HKLM:\SOFTWARE\Policies\Microsoft\Windows\Control Panel\Desktop"
New-Item -Force $policy | Out-Null
Set-ItemProperty $policy -Name ScreenSaveActive -Value "0"
Set-ItemProperty $policy -Name ScreenSaverIsSecure -Value "0"

# 3. The kiosk user (a standard user) and auto-logon. Autologon from Sysinternals stores the password
#    encrypted; the registry values below are the documented alternative.
if (-not (Get-LocalUser -Name $KioskUser -ErrorAction SilentlyContinue)) {
    $password = Read-Host -AsSecureString "Password for the new local user '$KioskUser'"
    New-LocalUser -Name $KioskUser -Password $password -PasswordNeverExpires | Out-Null
}
Write-Host "Auto-logon: run Sysinternals 'Autologon.exe $KioskUser $env:COMPUTERNAME <password>'"

# 4. The kiosk as that user's shell.
#    Enterprise/Education/IoT: Shell Launcher v2 replaces Explorer with the kiosk for this user only and
#    restarts it whenever it exits (a crash exits 70, its traceback in the log); the "Assigned Access" kiosk
#    for a desktop (Win32) application is this same Shell Launcher configuration.
$edition = (Get-CimInstance Win32_OperatingSystem).Caption
if ($edition -match "Enterprise|Education|IoT") {
    Enable-WindowsOptionalFeature -Online -All -NoRestart -FeatureName Client-EmbeddedShellLauncher | Out-Null
    $sid = (New-Object System.Security.Principal.NTAccount($KioskUser)).Translate(
        [System.Security.Principal.SecurityIdentifier]).Value
    $launcher = [wmiclass]"\\localhost\root\standardcimv2\embedded:WESL_UserSetting"
    $restartShell = 0
    $launcher.SetDefaultShell("explorer.exe", $restartShell)     # every other user keeps the desktop
    $launcher.SetCustomShell($sid, "`"$Exe`"", $null, $null, $restartShell)
    $launcher.SetEnabled($true)
    Write-Host "Shell Launcher: '$KioskUser' gets the kiosk instead of the desktop (restart on exit)."
} else {
    #    Home/Pro: no Shell Launcher. Start at logon from the Task Scheduler, restarted after a crash.
    $action = New-ScheduledTaskAction -Execute $Exe
    $trigger = New-ScheduledTaskTrigger -AtLogOn -User $KioskUser
    $settings = New-ScheduledTaskSettingsSet -RestartCount 9999 -RestartInterval (New-TimeSpan -Minutes 1) `
        -ExecutionTimeLimit (New-TimeSpan -Seconds 0) -AllowStartIfOnBatteries -DontStopIfGoingOnBatteries
    Register-ScheduledTask -Force -TaskName "Museum kiosk" -Action $action -Trigger $trigger -Settings $settings `
        -User $KioskUser -RunLevel Limited | Out-Null
    Write-Host "Task Scheduler: the kiosk starts when '$KioskUser' logs on and restarts after a crash."
}
Write-Host "Done. Log: %LOCALAPPDATA%\labour-valour-kiosk\Logs\kiosk.log of '$KioskUser'. Reboot to start."
