#!/bin/sh
# Make sure the shared libraries Qt loads are on this machine.
#   ensure-syslibs.sh test  -> what the offscreen platform needs (tests, self-test)
#   ensure-syslibs.sh run   -> that plus what the xcb (X11) window needs
# As root with apt-get (CI, a fresh Debian box) the missing packages are installed;
# otherwise one line says what to install, and the exit code is 1.
set -u
mode=${1:-test}

# soname:debian-package
base="libEGL.so.1:libegl1 libGL.so.1:libgl1 libxkbcommon.so.0:libxkbcommon0 libfontconfig.so.1:libfontconfig1
libfreetype.so.6:libfreetype6 libglib-2.0.so.0:libglib2.0-0 libdbus-1.so.3:libdbus-1-3 libX11.so.6:libx11-6
libgssapi_krb5.so.2:libgssapi-krb5-2 libpulse.so.0:libpulse0"
xcb="libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1
libxcb-image.so.0:libxcb-image0 libxcb-render-util.so.0:libxcb-render-util0 libxcb-xkb.so.1:libxcb-xkb1
libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxcb-shape.so.0:libxcb-shape0 libxcb-randr.so.0:libxcb-randr0
libX11-xcb.so.1:libx11-xcb1"
wanted=$base
[ "$mode" = run ] && wanted="$base $xcb"

# Tools the real-window tests use (Xvfb with and without a window manager, Weston's headless Wayland), the
# bundle trimming (readelf, cc) and the fleet test (syncthing on 127.0.0.1): best effort, since those tests
# skip cleanly where a tool is missing.
if [ "$mode" = test ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  tools=""
  for pair in Xvfb:xvfb xdotool:xdotool openbox:openbox xwininfo:x11-utils weston:weston readelf:binutils cc:gcc \
      syncthing:syncthing dbus-daemon:dbus; do
    command -v "${pair%%:*}" >/dev/null 2>&1 || tools="$tools ${pair#*:}"
  done
  # The real X windows those tests open need Qt's xcb libraries, as `run` does.
  have_libs=$(/sbin/ldconfig -p 2>/dev/null || ldconfig -p 2>/dev/null)
  for pair in $xcb; do
    printf '%s\n' "$have_libs" | grep -q "${pair%%:*} " || tools="$tools ${pair#*:}"
  done
  # The screen-reader test (tests/e2e/test_screen_reader.py): the AT-SPI bus and Debian's pyatspi.
  [ -x /usr/libexec/at-spi-bus-launcher ] || tools="$tools at-spi2-core"
  /usr/bin/python3 -c "import pyatspi" >/dev/null 2>&1 || tools="$tools python3-pyatspi"
  # Read-aloud's real engine (tests/ui/test_read_aloud.py; Qt's mock engine covers the rest): best effort too.
  command -v speech-dispatcher >/dev/null 2>&1 || tools="$tools speech-dispatcher speech-dispatcher-espeak-ng"
  command -v espeak-ng >/dev/null 2>&1 || tools="$tools espeak-ng"
  if [ -n "$tools" ]; then
    echo "Installing the real-window and speech test tools:$tools"
    { DEBIAN_FRONTEND=noninteractive apt-get update -qq \
      && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $tools; } >/dev/null 2>&1 \
      || echo "Could not install$tools: the tests that need them will be skipped"
  fi
fi

have=$(/sbin/ldconfig -p 2>/dev/null || ldconfig -p 2>/dev/null)
missing=""
for pair in $wanted; do
  so=${pair%%:*}; pkg=${pair#*:}
  printf '%s\n' "$have" | grep -q "$so " || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing system libraries Qt needs:$missing"
  export DEBIAN_FRONTEND=noninteractive
  { apt-get update -qq && apt-get install -y -qq --no-install-recommends $missing; } >/dev/null 2>&1 \
    && exit 0
  echo "Could not install the system libraries Qt needs:$missing (try: apt-get install$missing)" >&2
  exit 1
fi
echo "Missing system libraries for Qt; install them with: sudo apt-get install$missing" >&2
exit 1
