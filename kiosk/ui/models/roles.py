"""Qt's item-data role numbers as plain ints, for the list models imported at start-up.

`from PySide6.QtCore import Qt` makes PySide build the whole Qt namespace, about a hundred Python enums, the first
time; the models need two numbers from it, which Qt keeps stable (tests/unit/test_catalog_models.py checks them), so
the start-up path never imports `Qt`. Still pays: 31 ms before the first frame (median of 7 fresh interpreters that
had imported kiosk.ui.app, 2-core dev box under load; 15 ms unloaded). tests/e2e/test_startup_qt_namespace.py fails
when a top-level `Qt` import anywhere on the path undoes it (speech.py had one).
"""

DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole: a model's own roles start above it
