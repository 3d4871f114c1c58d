#!/bin/sh
# Syncthing settings of one fleet member, through `syncthing cli` (the instance must be running):
#   fleet-syncthing-config.sh kiosk   PEER_ID PEER_ADDRESS EXHIBIT_DIR STATUS_DIR
#   fleet-syncthing-config.sh curator PEER_ID PEER_ADDRESS EXHIBIT_DIR STATUS_DIR   (once per kiosk)
# LAN only: no global discovery, local broadcasts, relays, NAT traversal, STUN, usage reports or upgrades; the
# peer is reached at the static address given. A kiosk receives «exhibit» (receive-only) and sends «status»
# (send-only); the curator the other way round. No file versioning (a kiosk keeps no old editions). `cli`'s
# add-json fills what it is not given with zeros (no watcher, no rescan): the folder settings are all spelt out.
# $ST is the command that runs `syncthing cli` for the right user (default: syncthing cli).
set -eu
ROLE=${1:?usage: fleet-syncthing-config.sh kiosk|curator PEER_ID PEER_ADDRESS EXHIBIT_DIR STATUS_DIR}
PEER_ID=${2:?peer device ID}
PEER_ADDR=${3:?peer address (host or host:port)}
EXHIBIT=${4:?exhibit folder}
STATUS=${5:?status folder}
ST=${ST:-syncthing cli}
case "$PEER_ADDR" in *:*) ;; *) PEER_ADDR="$PEER_ADDR:22000" ;; esac
case "$ROLE" in
  kiosk) exhibit_type=receiveonly status_type=sendonly ;;
  curator) exhibit_type=sendonly status_type=receiveonly ;;
  *) echo "role must be kiosk or curator" >&2; exit 2 ;;
esac

for setting in "global-ann-enabled false" "local-ann-enabled false" "relays-enabled false" "natenabled false" \
    "auto-upgrade-intervalh 0" "stun-keepalive-starts 0"; do
  # shellcheck disable=SC2086
  $ST config options ${setting% *} set ${setting#* }
done
$ST config options uraccepted set -- -1

have() { $ST config "$1" list | grep -qx "$2"; }
have devices "$PEER_ID" || $ST config devices add-json \
  "{\"deviceID\": \"$PEER_ID\", \"name\": \"$ROLE-peer\", \"addresses\": [\"tcp://$PEER_ADDR\"]}"
for folder in exhibit status; do
  if [ $folder = exhibit ]; then path=$EXHIBIT type=$exhibit_type; else path=$STATUS type=$status_type; fi
  if have folders $folder; then
    $ST config folders $folder devices list | grep -qx "$PEER_ID" || \
      $ST config folders $folder devices add-json "{\"deviceID\": \"$PEER_ID\"}"
  else
    $ST config folders add-json "{\"id\": \"$folder\", \"label\": \"$folder\", \"path\": \"$path\", \"type\": \"$type\",
      \"devices\": [{\"deviceID\": \"$PEER_ID\"}], \"versioning\": {\"type\": \"\"}, \"fsWatcherEnabled\": true,
      \"fsWatcherDelayS\": 2, \"rescanIntervalS\": 3600, \"minDiskFree\": {\"value\": 1, \"unit\": \"%\"}}"
  fi
done
