"""PyInstaller entry point: the same `kiosk` command, frozen.

The bundle has one executable; `kiosk db ARGS` runs the curators' tool (`kiosk-db ARGS`) so schools
and curators can validate or export a database without Python installed.
"""

import sys

from kiosk.cli import kiosk_db_main, kiosk_main

if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "db":
        sys.exit(kiosk_db_main(sys.argv[2:]))
    sys.exit(kiosk_main())
