# A Windows kiosk (or the curator's PC) joins the fleet: Syncthing settings through `syncthing.exe cli`, like
# packaging/linux/fleet-syncthing-config.sh (docs/fleet.md). Syncthing must be running for this user.
#   .\join-fleet.ps1 -Role kiosk -PeerId CURATOR_DEVICE_ID -PeerAddress 192.168.10.5 [-KioskId hall-2]
#   .\join-fleet.ps1 -Role curator -PeerId KIOSK_DEVICE_ID -PeerAddress 192.168.10.21 -Exhibit C:\Exhibit -Status C:\Status
# Not run on Windows here: it mirrors the Linux script, which the tests run against real Syncthing instances.
param(
    [Parameter(Mandatory = $true)][ValidateSet("kiosk", "curator")][string]$Role,
    [Parameter(Mandatory = $true)][string]$PeerId,
    [Parameter(Mandatory = $true)][string]$PeerAddress,
    [string]$Exhibit = "C:\Kiosk\exhibit",
    [string]$Status = "C:\Kiosk\status",
    [string]$KioskId = $env:COMPUTERNAME,
    [string]$Syncthing = "syncthing.exe"
)
$ErrorActionPreference = "Stop"
function St { & $Syncthing cli @args; if ($LASTEXITCODE) { throw "syncthing cli $args failed" } }
if ($PeerAddress -notmatch ":") { $PeerAddress = "${PeerAddress}:22000" }
$types = if ($Role -eq "kiosk") { @{ exhibit = "receiveonly"; status = "sendonly" } } else { @{ exhibit = "sendonly"; status = "receiveonly" } }
$paths = @{ exhibit = $Exhibit; status = $Status }
New-Item -ItemType Directory -Force -Path $Exhibit, $Status | Out-Null

foreach ($s in @("global-ann-enabled false", "local-ann-enabled false", "relays-enabled false", "natenabled false",
                 "auto-upgrade-intervalh 0", "stun-keepalive-starts 0")) {
    $k, $v = $s -split " "; St config options $k set $v
}
St config options uraccepted set -- -1
if (-not ((St config devices list) -contains $PeerId)) {
    St config devices add-json (@{ deviceID = $PeerId; name = "$Role-peer"; addresses = @("tcp://$PeerAddress") } | ConvertTo-Json -Compress)
}
foreach ($f in @("exhibit", "status")) {
    if ((St config folders list) -contains $f) {
        if (-not ((St config folders $f devices list) -contains $PeerId)) {
            St config folders $f devices add-json (@{ deviceID = $PeerId } | ConvertTo-Json -Compress)
        }
    } else {
        $folder = @{ id = $f; label = $f; path = $paths[$f]; type = $types[$f]; devices = @(@{ deviceID = $PeerId });
                     versioning = @{ type = "" }; fsWatcherEnabled = $true; fsWatcherDelayS = 2; rescanIntervalS = 3600;
                     minDiskFree = @{ value = 1; unit = "%" } }
        St config folders add-json ($folder | ConvertTo-Json -Compress -Depth 4)
    }
}
if ($Role -eq "kiosk") {
    $conf = Join-Path $env:LOCALAPPDATA "labour-valour-kiosk"
    New-Item -ItemType Directory -Force -Path $conf | Out-Null
    $db = (Join-Path $Exhibit "kiosk.sqlite") -replace "\\", "/"
    $st = $Status -replace "\\", "/"
    # UTF-8 without a byte-order mark (Windows PowerShell's Set-Content -Encoding UTF8 would write one)
    [IO.File]::WriteAllText((Join-Path $conf "kiosk.toml"), "db = `"$db`"`nstatus_dir = `"$st`"`nkiosk_id = `"$KioskId`"`n")
}
Write-Host "Done. This device's ID:"; St show system | Select-String '"myID"'
