"""Kiosk mode's keyboard lockdown: the window's event filter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject


class Lockdown(QObject):
    """Kiosk mode: Alt+F4 does nothing (close events are refused in Main.qml's onClosing). Escape reaches the
    screens, which take it for «Назад» and never go past home (issue 22): no key leaves the kiosk."""

    def eventFilter(self, obj, event):
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            from PySide6.QtCore import Qt  # here, not at the top: `Qt` costs the start-up ~15 ms (models/roles.py)

            if event.key() == Qt.Key.Key_F4 and event.modifiers() & Qt.KeyboardModifier.AltModifier:
                return True
        return False
