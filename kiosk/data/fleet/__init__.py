"""Several kiosks, one exhibit: the status record each kiosk leaves in a shared folder (plain Python, no Qt).

The kiosk writes it (kiosk.ui.services.fleet_status); the curators' `kiosk-db fleet` reads a folder of them
(kiosk.data.curation.fleet_report). Syncthing carries both the exhibit and the status folder over the LAN.
"""
