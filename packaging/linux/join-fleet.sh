#!/bin/sh
# A kiosk PC joins the museum's fleet (after install-kiosk-pc.sh), run as root:
#   sudo sh packaging/linux/join-fleet.sh CURATOR_DEVICE_ID CURATOR_ADDRESS [KIOSK_ID]
#   e.g. sudo sh packaging/linux/join-fleet.sh ABCD123-…-WXYZ789 192.168.10.5 hall-2
# Syncthing then runs as the kiosk user (Debian's syncthing@kiosk unit: up before cage, no login needed),
# LAN only: no global discovery, relays, NAT traversal, STUN, usage reports or upgrades; it talks to the
# curator's PC at the address given. Folders: «exhibit» receive-only into /srv/kiosk/exhibit (the kiosk runs
# on /srv/kiosk/exhibit/kiosk.sqlite), «status» send-only from /srv/kiosk/status (its status file for
# `kiosk-db fleet`). No file versioning on kiosks. Last line printed: this kiosk's device ID, which the
# curator adds on their side (docs/fleet.md).
set -eu
CURATOR_ID=${1:?usage: join-fleet.sh CURATOR_DEVICE_ID CURATOR_ADDRESS [KIOSK_ID]}
CURATOR_ADDR=${2:?usage: join-fleet.sh CURATOR_DEVICE_ID CURATOR_ADDRESS [KIOSK_ID]}
KIOSK_ID=${3:-$(hostname)}

apt-get install -y syncthing
install -d -o kiosk -g kiosk /srv/kiosk/exhibit /srv/kiosk/status
# The kiosk's settings: the synced database, the status folder and this kiosk's name in the fleet.
install -d /etc/xdg/labour-valour-kiosk
cat > /etc/xdg/labour-valour-kiosk/kiosk.toml <<TOML
db = "/srv/kiosk/exhibit/kiosk.sqlite"
status_dir = "/srv/kiosk/status"
kiosk_id = "$KIOSK_ID"
TOML
# The service no longer names a database: the settings above do.
sed -i 's| --db /srv/kiosk/kiosk.sqlite||' /etc/systemd/system/kiosk@.service
[ -f /srv/kiosk/kiosk.sqlite ] && [ ! -f /srv/kiosk/exhibit/kiosk.sqlite ] && \
    install -m 0644 -o kiosk -g kiosk /srv/kiosk/kiosk.sqlite /srv/kiosk/exhibit/kiosk.sqlite

systemctl enable --now syncthing@kiosk.service
st() { runuser -u kiosk -- syncthing cli "$@"; }
i=0; until st show system >/dev/null 2>&1; do i=$((i + 1)); [ $i -gt 60 ] && { echo "syncthing did not start" >&2; exit 1; }; sleep 1; done

ST="runuser -u kiosk -- syncthing cli" sh "$(dirname "$0")/fleet-syncthing-config.sh" \
    kiosk "$CURATOR_ID" "$CURATOR_ADDR" /srv/kiosk/exhibit /srv/kiosk/status

systemctl daemon-reload
systemctl restart kiosk@tty1.service || true
echo "Joined. Add this kiosk on the curator's PC (docs/fleet.md), device ID:"
st show system | sed -n 's/.*"myID": "\(.*\)".*/\1/p'
