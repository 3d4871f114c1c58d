"""No network, ever: QML gets only a refusing network manager, texts are plain, and no socket is opened."""

from __future__ import annotations

import re
import socket

import pytest
from PySide6.QtQml import QQmlComponent
from PySide6.QtTest import QTest

from tests.helpers.kiosk import on_screen, open_cities, open_pin_pad, visit_city
from tests.helpers.qt import Finger, find, wait_until


def _create(app, qml: str):
    component = QQmlComponent(app.engine)
    component.setData(qml.encode("utf-8"), "inline.qml")
    obj = component.create()
    assert obj is not None, component.errorString()
    _alive.append((component, obj))  # keep both for the test's length
    return obj


_alive: list = []


@pytest.fixture(autouse=True)
def _release():
    yield
    _alive.clear()


def test_the_factory_records_and_refuses_requests(make_kiosk, shell_db, fail_on_qt_warnings):
    app = make_kiosk(shell_db)
    image = _create(
        app,
        'import QtQuick\nImage { source: "http://example.invalid/probe.png"; '
        "property bool failed: status === Image.Error }",
    )
    assert wait_until(lambda: image.property("failed"), 3000)  # Image.Error: refused, nothing fetched
    assert "http://example.invalid/probe.png" in app.network.requests
    # The refusal itself is logged as a warning by Qt; that is the expected outcome here.
    QTest.qWait(50)
    fail_on_qt_warnings[:] = [m for m in fail_on_qt_warnings if "inline.qml" not in m and "refused" not in m]


def test_markup_in_plain_text_loads_nothing(make_kiosk, shell_db):
    app = make_kiosk(shell_db)
    before = list(app.network.requests)
    text = _create(
        app,
        "import QtQuick\nText { width: 400; textFormat: Text.PlainText; wrapMode: Text.Wrap; "
        'text: "Цех <img src=\\"http://example.invalid/x.png\\"> и '
        '<a href=\\"http://e.invalid\\">ссылка</a>" }',
    )
    assert "<img" in text.property("text")
    QTest.qWait(100)
    app.window.grabWindow()
    assert list(app.network.requests) == before


def test_every_text_in_the_shell_is_plain(repo_root):
    qml = repo_root / "kiosk" / "ui" / "qml" / "Kiosk"
    for path in (
        list(qml.glob("*.qml"))
        + [
            qml / "components" / f
            for f in (
                "TopBar.qml",
                "IdleOverlay.qml",
                "PinPad.qml",
                "AdminPanel.qml",
                "HomeTile.qml",
                "KioskButton.qml",
            )
        ]
        + [qml / "screens" / "HomeScreen.qml", qml / "screens" / "UnavailableScreen.qml"]
    ):
        source = path.read_text(encoding="utf-8")
        texts = len(re.findall(r"(?<!K)Text \{", source))  # KText is plain text by construction (below)
        assert source.count("textFormat: Text.PlainText") >= texts, path.name
        assert "RichText" not in source and "StyledText" not in source and "http" not in source, path.name
    ktext = (qml / "components" / "KText.qml").read_text(encoding="utf-8")
    assert "textFormat: Text.PlainText" in ktext and "textFormat:" not in ktext.split("textFormat: Text.PlainText")[1]


def test_no_socket_is_opened_during_a_full_run(make_kiosk, shell_db, monkeypatch):
    attempts = []
    local = []  # Unix-domain sockets: this machine's own services (speech-dispatcher's), not the network
    connect, connect_ex = socket.socket.connect, socket.socket.connect_ex

    def refuse(self, address, *args):
        if getattr(self, "family", None) == socket.AF_UNIX:
            local.append(address)
            return (connect_ex if args == ("ex",) else connect)(self, address)
        attempts.append(address)
        raise OSError("network is not allowed in the kiosk")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", lambda self, address: refuse(self, address, "ex"))
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: refuse(None, address))

    # The idle question comes by the clock once the visitor stops (4 s: well after the last touch of the visit).
    app = make_kiosk(shell_db, idle_timeout=4, idle_countdown=60)
    finger = Finger(app.window)
    for city in app.database.repository.cities()[:3]:  # city pages draw QR codes of map links
        visit_city(app, finger, city.id)
        app.window.grabWindow()
        finger.tap(find(app.window, "homeButton"))
        assert wait_until(lambda: on_screen(app, "homeScreen"))
    open_pin_pad(app, finger)  # the staff corner
    app.window.grabWindow()
    finger.tap(find(app.window, "pinCancel"))
    assert wait_until(lambda: not find(app.window, "pinPad").isVisible())
    open_cities(app, finger)  # away from Home (at rest there, nobody is asked)
    overlay = find(app.window, "idleOverlay")
    assert wait_until(lambda: app.idle.asking and overlay.opacity() == 1.0, 8000)
    app.window.grabWindow()
    finger.tap(find(app.window, "idleContinue"))
    assert wait_until(lambda: not app.idle.asking)
    assert attempts == []
    assert all(str(a).endswith("speechd.sock") for a in local), local  # read-aloud asks the local voice service
    assert list(app.network.requests) == []


@pytest.mark.parametrize("url", ["https://yandex.ru/maps/?ll=1,2", "ftp://example.invalid/x"])
def test_refusing_manager_never_reaches_the_network(qapp, url, monkeypatch):
    from PySide6.QtCore import QUrl
    from PySide6.QtNetwork import QNetworkReply, QNetworkRequest

    from kiosk.ui.platform.network_refusal import RefusingNetworkFactory

    attempts = []
    monkeypatch.setattr(socket.socket, "connect", lambda self, a: attempts.append(a))
    factory = RefusingNetworkFactory()
    manager = factory.create(None)
    reply = manager.get(QNetworkRequest(QUrl(url)))
    assert wait_until(reply.isFinished, 2000)
    assert reply.error() != QNetworkReply.NetworkError.NoError
    assert list(factory.requests) == [url] and attempts == []
