"""Qt's item-data role numbers as plain ints, for the list models imported at start-up.

`from PySide6.QtCore import Qt` makes PySide build the whole Qt namespace, about a hundred Python enums
(~15 ms), the first time; the models need two numbers from it, which Qt keeps stable (tests/unit/test_catalog_models.py
checks them), so the start-up path never imports `Qt`.
"""

DISPLAY_ROLE = 0  # Qt.ItemDataRole.DisplayRole
USER_ROLE = 0x0100  # Qt.ItemDataRole.UserRole: a model's own roles start above it
