"""Checks the kiosk runs on its own screens (the fit checker)."""
