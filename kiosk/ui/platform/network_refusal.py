"""No network, ever: every network manager QML gets refuses every request, and says so in the log."""

from __future__ import annotations

import collections
import logging

from PySide6.QtCore import QUrl
from PySide6.QtNetwork import QNetworkAccessManager, QNetworkRequest
from PySide6.QtQml import QQmlNetworkAccessManagerFactory

log = logging.getLogger("kiosk.network")


class RefusingNetworkAccessManager(QNetworkAccessManager):
    """Every request fails at once with an unknown-protocol error; nothing leaves the machine."""

    def __init__(self, recorder, parent=None):
        super().__init__(parent)
        self._recorder = recorder

    def createRequest(self, op, request, data=None):
        url = request.url().toString()
        self._recorder(url)
        return super().createRequest(op, QNetworkRequest(QUrl("refused:")), data)


class RefusingNetworkFactory(QQmlNetworkAccessManagerFactory):
    """Installed on every engine: QML gets only refusing network managers. Requests are recorded (bounded)."""

    def __init__(self):
        super().__init__()
        self.requests: collections.deque[str] = collections.deque(maxlen=100)

    def _record(self, url: str) -> None:
        self.requests.append(url)
        log.warning("refused a network request from QML: %s", url[:200])

    def create(self, parent):
        return RefusingNetworkAccessManager(self._record, parent)
