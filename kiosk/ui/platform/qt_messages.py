"""Qt's messages (QML warnings, binding errors…) → Python logging (`kiosk.qt`), and to listeners such as the
self-test that counts them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QtMsgType, qInstallMessageHandler

qt_log = logging.getLogger("kiosk.qt")

_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}
_listeners: list = []
_previous_handler = None


def _qt_message_handler(mode, context, message):
    where = f" ({context.file}:{context.line})" if context.file else ""
    qt_log.log(_LEVELS.get(mode, logging.WARNING), "%s%s", message, where)
    for listener in _listeners.copy():  # a copy: a listener may remove itself
        listener(mode, f"{message}{where}")
    if _previous_handler is not None:  # e.g. the test suite's handler that fails on warnings
        _previous_handler(mode, context, message)


def install_message_handler() -> None:
    """Route Qt's messages to the `kiosk.qt` logger, still passing them on to a handler installed before."""
    global _previous_handler
    previous = qInstallMessageHandler(_qt_message_handler)
    if previous is not _qt_message_handler:
        _previous_handler = previous


def add_message_listener(callback) -> None:
    _listeners.append(callback)


def remove_message_listener(callback) -> None:
    if callback in _listeners:
        _listeners.remove(callback)
