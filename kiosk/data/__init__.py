"""The data layer: plain Python, no Qt. Everything `kiosk-db` does lives here."""
