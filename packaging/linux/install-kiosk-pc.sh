#!/bin/sh
# The dedicated kiosk PC (Debian 12 / Ubuntu 24.04), run as root from the unpacked source or bundle folder:
#   sudo sh packaging/linux/install-kiosk-pc.sh dist/kiosk db/kiosk.sqlite
# Afterwards the PC boots straight into the kiosk: tty1 → cage → kiosk, restarted by systemd if it ever stops
# or hangs; no desktop, no login prompt, no screen blanking, no suspend.
set -eu
BUNDLE=${1:?usage: install-kiosk-pc.sh BUNDLE_DIR DATABASE}
DATABASE=${2:?usage: install-kiosk-pc.sh BUNDLE_DIR DATABASE}
HERE=$(dirname "$0")

apt-get update
apt-get install -y cage  # a Wayland compositor for exactly one full-screen application

# The user the kiosk runs as: no password, no sudo; video/input/render so cage may open screen and touch panel.
id kiosk >/dev/null 2>&1 || adduser --disabled-password --gecos "Museum kiosk" kiosk
usermod -aG video,input,render kiosk

# The program and the curators' database (replace /srv/kiosk/kiosk.sqlite later; the kiosk picks it up).
rm -rf /opt/kiosk && cp -a "$BUNDLE" /opt/kiosk
install -d -o kiosk -g kiosk /srv/kiosk
install -m 0644 -o kiosk -g kiosk "$DATABASE" /srv/kiosk/kiosk.sqlite

# Auto-login: kiosk@tty1 opens a PAM session for "kiosk" on tty1 (instead of the login prompt) and starts cage.
install -m 0644 "$HERE/pam.d-cage" /etc/pam.d/cage
install -m 0644 "$HERE/kiosk@.service" /etc/systemd/system/kiosk@.service

# Never sleep: no suspend or hibernate targets, logind ignores power keys, lid and idle.
install -d /etc/systemd/logind.conf.d
install -m 0644 "$HERE/logind-kiosk.conf" /etc/systemd/logind.conf.d/kiosk.conf
systemctl mask sleep.target suspend.target hibernate.target hybrid-sleep.target

# No blanking: cage itself never blanks or powers the panel down; the kernel's text console blanking
# (before cage starts, or after it stops) is switched off on the kernel command line.
if [ -f /etc/default/grub ] && ! grep -q "consoleblank=0" /etc/default/grub; then
    sed -i 's/^GRUB_CMDLINE_LINUX_DEFAULT="/&consoleblank=0 /' /etc/default/grub
    update-grub || true
fi

systemctl daemon-reload
systemctl set-default graphical.target
systemctl enable kiosk@tty1.service
echo "Done. Reboot, or: systemctl start kiosk@tty1. Log: journalctl -u kiosk@tty1 and ~kiosk/.local/state/labour-valour-kiosk/log/"
