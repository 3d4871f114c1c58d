"""UI tests build the real application and drive it with synthesized touches; any Qt/QML warning fails a test.

The fixtures and helpers live in tests/helpers; they are named here so pytest finds them. `Finger`, `find` and
`wait_until` stay importable from this module for branches written against it: new code imports
`tests.helpers.qt`.
"""

from __future__ import annotations

from tests.helpers.kiosk import fake_db, make_kiosk, shell_db  # noqa: F401 — fixtures
from tests.helpers.qt import Finger, fail_on_qt_warnings, find, wait_until  # noqa: F401 — fixture and helpers
