"""Is speech-dispatcher there and answering? Asked in plain Python before Qt's speechd engine is made.

Qt's engine connects to the daemon (and spawns it) while it loads, and waits on it without a timeout: a daemon
that hangs would leave the speech thread waiting for ever, with «Слушать» never shown or never answering. A
socket with a timeout here, and the spawn as a child process with one, report it instead.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
from pathlib import Path


def socket_path() -> Path:
    """Where libspeechd looks for the daemon's socket (SPEECHD_ADDRESS "unix_socket:PATH", else the user's)."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:") and len(address) > len("unix_socket:"):
        return Path(address.split(":", 1)[1])
    runtime = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(runtime) / "speech-dispatcher" / "speechd.sock"


def answers(timeout: float = 1.0) -> bool:
    """The daemon takes an SSIP command and replies «2xx» within `timeout` seconds."""
    path = socket_path()
    if os.environ.get("SPEECHD_ADDRESS", "").startswith("inet_socket"):
        return True  # a daemon on a TCP port: let Qt connect to it
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout)
            sock.connect(str(path))
            sock.sendall(b"SET SELF CLIENT_NAME kiosk:kiosk:probe\r\n")
            reply = sock.recv(256)
            sock.sendall(b"QUIT\r\n")
    except OSError:
        return False
    return reply[:1] == b"2"


def ensure_running(timeout: float = 5.0) -> str:
    """ "" when the daemon answers (spawning it first if it is installed and not running), else why not."""
    if answers():
        return ""
    if os.environ.get("SPEECHD_ADDRESS"):
        # An address given by the site (or the tests) names a daemon someone else runs: a spawned one would listen
        # at the default socket instead, outlive the kiosk and answer nobody who asked for that address.
        return f"speech-dispatcher does not answer at {os.environ['SPEECHD_ADDRESS']}"
    program = shutil.which("speech-dispatcher")
    if program is None:
        return "speech-dispatcher is not installed"
    try:
        subprocess.run([program, "--spawn"], timeout=timeout, capture_output=True, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"speech-dispatcher did not start ({exc})"
    return "" if answers() else "speech-dispatcher does not answer"
