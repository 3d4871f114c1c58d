"""Real Syncthing instances on 127.0.0.1 for the fleet tests and benchmark: each with its own home, ports and API
key, every global service off (no discovery, relays, NAT, STUN, usage reports, upgrades, crash reports), so
nothing leaves this machine. Configured through the config file before start and the REST API after."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path

BINARY = shutil.which("syncthing")

# options that keep an instance on loopback (config.xml <options>)
_OPTIONS = {
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "urAccepted": "-1",
    "autoUpgradeIntervalH": "0",
    "crashReportingEnabled": "false",
    "startBrowser": "false",
    "stunKeepaliveStartS": "0",
    "stunKeepaliveMinS": "0",
    "reconnectionIntervalS": "1",
    "setLowPriority": "false",
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Syncthing:
    def __init__(self, home: Path, name: str):
        self.home = Path(home)
        self.name = name
        self.gui_port, self.sync_port = free_port(), free_port()
        self.api_key = f"kiosk-test-{name}-{os.getpid()}"
        self.proc: subprocess.Popen | None = None
        self.device_id = ""

    def _env(self) -> dict:
        env = {k: v for k, v in os.environ.items() if not k.startswith("STNO")}
        env.update(STNODEFAULTFOLDER="1", STNOUPGRADE="1", HOME=str(self.home), STNORESTART="1")
        return env

    def start(self) -> Syncthing:
        assert BINARY, "syncthing is not installed"
        subprocess.run(
            [BINARY, "generate", f"--home={self.home}", "--no-default-folder", "--skip-port-probing"],
            check=True,
            capture_output=True,
            env=self._env(),
            timeout=60,
        )
        config = self.home / "config.xml"
        tree = ET.parse(config)
        options = tree.getroot().find("options")
        for key, value in _OPTIONS.items():
            node = options.find(key)
            if node is None:
                node = ET.SubElement(options, key)
            node.text = value
        for node in options.findall("listenAddress"):
            options.remove(node)
        ET.SubElement(options, "listenAddress").text = f"tcp://127.0.0.1:{self.sync_port}"
        for node in options.findall("globalAnnounceServer"):
            node.text = ""
        tree.write(config)
        log = (self.home / "syncthing.log").open("wb")
        self.proc = subprocess.Popen(
            [
                BINARY,
                "serve",
                f"--home={self.home}",
                "--no-browser",
                "--no-restart",
                "--no-upgrade",
                "--no-default-folder",
                f"--gui-address=http://127.0.0.1:{self.gui_port}",
                f"--gui-apikey={self.api_key}",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=self._env(),
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                self.device_id = self.get("/rest/system/status")["myID"]
                return self
            except OSError:
                if self.proc.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"syncthing {self.name} did not start: {self.home / 'syncthing.log'}") from None
                time.sleep(0.2)

    def _request(self, method: str, path: str, body=None):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"http://127.0.0.1:{self.gui_port}{path}",
            data=data,
            method=method,
            headers={"X-API-Key": self.api_key, "Content-Type": "application/json"},
        )
        opener = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never a proxy from the environment
        with opener.open(req, timeout=10) as resp:
            raw = resp.read()
        return json.loads(raw) if raw.strip() else None

    def get(self, path: str):
        return self._request("GET", path)

    def post(self, path: str, body=None):
        return self._request("POST", path, body)

    def add_device(self, other: Syncthing) -> None:
        self.post(
            "/rest/config/devices",
            {"deviceID": other.device_id, "name": other.name, "addresses": [f"tcp://127.0.0.1:{other.sync_port}"]},
        )

    def add_folder(self, folder_id: str, path: Path, kind: str, devices: list[Syncthing]) -> None:
        """kind: sendonly, receiveonly or sendreceive. Versioning stays off (the kiosk keeps no old editions)."""
        self.post(
            "/rest/config/folders",
            {
                "id": folder_id,
                "label": folder_id,
                "path": str(path),
                "type": kind,
                "devices": [{"deviceID": d.device_id} for d in [self, *devices]],
                "fsWatcherEnabled": True,
                "fsWatcherDelayS": 1,
                "rescanIntervalS": 3600,
            },
        )

    def configure(self, script: Path, role: str, peer: Syncthing, exhibit: Path, status: Path) -> None:
        """Run the deployment recipe's settings script (packaging/linux/fleet-syncthing-config.sh) on this one."""
        st = f"{BINARY} cli --home={self.home} --gui-address=127.0.0.1:{self.gui_port} --gui-apikey={self.api_key}"
        subprocess.run(
            ["sh", str(script), role, peer.device_id, f"127.0.0.1:{peer.sync_port}", str(exhibit), str(status)],
            check=True,
            env={**self._env(), "ST": st},
            capture_output=True,
            timeout=120,
        )

    def scan(self, folder_id: str) -> None:
        self.post(f"/rest/db/scan?folder={folder_id}")

    def completion(self, folder_id: str, device: Syncthing) -> float:
        return float(self.get(f"/rest/db/completion?folder={folder_id}&device={device.device_id}")["completion"])

    def bytes_in(self) -> int:
        return int(self.get("/rest/system/connections")["total"]["inBytesTotal"])

    def stop(self) -> None:
        if self.proc is None:
            return
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
        self.proc = None


def pair(a: Syncthing, b: Syncthing) -> None:
    a.add_device(b)
    b.add_device(a)
