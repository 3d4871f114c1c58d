"""Console entry points. Thin: the real work lives in kiosk.data (kiosk-db) and kiosk.ui (kiosk)."""

from __future__ import annotations

import sys


def kiosk_db_main(argv: list[str] | None = None) -> int:
    from kiosk.data.curation.cli import main

    return main(sys.argv[1:] if argv is None else argv)


def kiosk_main(argv: list[str] | None = None) -> int:
    from kiosk.ui.main import main

    return main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(kiosk_main())
