"""systemd's notify protocol, plain Python: one datagram per message to $NOTIFY_SOCKET.

`Type=notify` units wait for READY=1; with `WatchdogSec=` systemd kills and restarts a service that stops
sending WATCHDOG=1. Without $NOTIFY_SOCKET (a school PC, Windows, a test) every call does nothing.
"""

from __future__ import annotations

import os
from collections.abc import Mapping


def _address(env: Mapping[str, str]) -> str | None:
    addr = env.get("NOTIFY_SOCKET", "")
    if not addr:
        return None
    import socket  # here: without systemd (a school PC, the start-up benchmark) its ~5 ms import is never paid

    if not hasattr(socket, "AF_UNIX"):
        return None
    return "\0" + addr[1:] if addr.startswith("@") else addr  # "@name": Linux's abstract namespace


def notify(message: str, env: Mapping[str, str] | None = None) -> bool:
    """Send one message ("READY=1", "WATCHDOG=1", "STATUS=…"); False when there is no socket or it failed."""
    addr = _address(os.environ if env is None else env)
    if addr is None:
        return False
    import socket

    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.sendto(message.encode("utf-8"), addr)
    except OSError:  # systemd gone or the socket replaced: the kiosk itself carries on
        return False
    return True


def watchdog_seconds(env: Mapping[str, str] | None = None) -> float | None:
    """The watchdog period systemd asks for (WatchdogSec=), or None when it asks for none or asks another
    process. WATCHDOG_PID names the unit's main process: the kiosk itself, or cage, which runs the kiosk as its
    one child (packaging/linux/kiosk@.service, with NotifyAccess=all)."""
    env = os.environ if env is None else env
    pid = env.get("WATCHDOG_PID")
    if pid and pid not in (str(os.getpid()), str(os.getppid())):
        return None
    try:
        usec = int(env.get("WATCHDOG_USEC", ""))
    except ValueError:
        return None
    return usec / 1_000_000 if usec > 0 else None
