"""The kiosk spawns speech-dispatcher only at the default address: an address given in SPEECHD_ADDRESS is someone
else's daemon, and a spawn there (as every kiosk the tests start once did) leaves a stray daemon behind."""

from __future__ import annotations

import os
import stat

from kiosk.ui.services import speechd_probe


def _fake_dispatcher(folder, marker):
    program = folder / "speech-dispatcher"
    program.write_text(f"#!/bin/sh\necho spawned >> {marker}\n")
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    return program


def test_a_given_address_is_never_spawned(tmp_path, monkeypatch):
    marker = tmp_path / "spawned"
    _fake_dispatcher(tmp_path, marker)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'nobody.sock'}")
    reason = speechd_probe.ensure_running(timeout=2)
    assert "does not answer" in reason
    assert not marker.exists()


def test_the_default_address_is_spawned_when_silent(tmp_path, monkeypatch):
    marker = tmp_path / "spawned"
    _fake_dispatcher(tmp_path, marker)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path / "run"))
    reason = speechd_probe.ensure_running(timeout=2)
    assert reason == "speech-dispatcher does not answer"  # the fake starts nothing that answers
    assert marker.read_text() == "spawned\n"
